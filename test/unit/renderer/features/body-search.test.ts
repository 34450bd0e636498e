import { describe, expect, it } from 'vitest';
import { findMatches, searchStatus, segments, stepMatch } from '../../../../src-renderer/src/features/response/body-search';
import { pathTo, searchTree } from '../../../../src-renderer/src/features/response/tree-search';

describe('body search', () => {
  it('finds non-overlapping matches case-insensitively, marking at most the cap but counting all', () => {
    expect(findMatches('Cv_a cv_b CV_c', 'cv_')).toEqual({ offsets: [0, 5, 10], total: 3 });
    expect(findMatches('aaaa', 'aa')).toEqual({ offsets: [0, 2], total: 2 });
    expect(findMatches('x x x x', 'x', 2)).toEqual({ offsets: [0, 2], total: 4 });
    expect(findMatches('abc', '')).toEqual({ offsets: [], total: 0 });
  });

  it('cuts text into runs and numbered matches', () => {
    expect(segments('a cv b cv', [2, 7], 2, 5)).toEqual([
      { text: 'a ', match: -1 },
      { text: 'cv', match: 5 },
      { text: ' b ', match: -1 },
      { text: 'cv', match: 6 },
    ]);
  });

  it('says counts plainly, and the cap when there is one', () => {
    expect(searchStatus({ total: 0, capped: false, shown: 0, current: -1 })).toBe('No matches');
    expect(searchStatus({ total: 1, capped: false, shown: 1, current: -1 })).toBe('1 match');
    expect(searchStatus({ total: 12, capped: false, shown: 12, current: -1 })).toBe('12 matches');
    expect(searchStatus({ total: 12, capped: false, shown: 12, current: 2 })).toBe('3 of 12 matches');
    expect(searchStatus({ total: 100_000, capped: true, shown: 10_000, current: -1 })).toBe('100,000+ matches; showing the first 10,000');
    expect(searchStatus({ total: 100_000, capped: true, shown: 10_000, current: 0 })).toBe('100,000+ matches; showing the first 10,000 (1 of 10,000)');
    expect(searchStatus({ total: 25_000, capped: false, shown: 10_000, current: -1 })).toBe('25,000 matches; showing the first 10,000');
  });

  it('steps forward and back, wrapping', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });
});

describe('tree search', () => {
  const value = { data: [{ id: 'cv_1', subject: 'Refund' }, { id: 'cv_2', tags: ['refund', 'x'] }], refund_total: 2 };

  it('numbers matches in keys and leaf values in document order, and names the node of each', () => {
    const found = searchTree(value, 'refund');
    expect(found.total).toBe(3);
    const [first, second, third] = found.matchNode;
    expect(first).toBe('\u0000data\u00000\u0000subject');
    expect(second).toBe('\u0000data\u00001\u0000tags\u00000');
    expect(third).toBe('\u0000refund_total');
    expect(found.firstIndex.get(`${third}#k`)).toBe(2);
  });

  it('opens every ancestor of a match', () => {
    expect([...pathTo('\u0000data\u00001\u0000tags\u00000')]).toEqual(['', '\u0000data', '\u0000data\u00001', '\u0000data\u00001\u0000tags', '\u0000data\u00001\u0000tags\u00000']);
  });
});
