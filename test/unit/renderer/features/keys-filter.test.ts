import { describe, expect, it } from 'vitest';
import { filterKeys } from '../../../../src-renderer/src/features/keys/filter-keys';
import { latestUse } from '../../../../src-renderer/src/features/keys/key-times';
import { makeKey } from '../fake-desktop-api';

const keys = [
  makeKey({ id: 'a', name: 'Sandbox demo', prefix: 'hl_test_3fA9' }),
  makeKey({ id: 'b', name: 'Support bot', prefix: 'hl_live_Zx81' }),
  makeKey({ id: 'c', name: 'CI pipeline', prefix: 'hl_test_77Qb' }),
];
const ids = (list: readonly { id: string }[]) => list.map((k) => k.id);

describe('filterKeys', () => {
  it('keeps every key, in order, for an empty or blank query', () => {
    expect(ids(filterKeys(keys, ''))).toEqual(['a', 'b', 'c']);
    expect(ids(filterKeys(keys, '   '))).toEqual(['a', 'b', 'c']);
  });

  it('matches the name, ignoring case and surrounding spaces', () => {
    expect(ids(filterKeys(keys, ' SUPPORT '))).toEqual(['b']);
    expect(ids(filterKeys(keys, 'demo'))).toEqual(['a']);
  });

  it('matches the prefix', () => {
    expect(ids(filterKeys(keys, 'hl_test'))).toEqual(['a', 'c']);
    expect(ids(filterKeys(keys, 'zx8'))).toEqual(['b']);
  });

  it('returns nothing when neither matches', () => {
    expect(filterKeys(keys, 'nope')).toEqual([]);
  });
});

describe('latestUse', () => {
  it('is the most recent of the local and the server time', () => {
    expect(latestUse({ lastUsedAt: '2025-01-01T10:00:00Z', serverLastUsedAt: '2025-01-02T10:00:00Z' })).toBe(
      '2025-01-02T10:00:00Z',
    );
    expect(latestUse({ lastUsedAt: '2025-01-03T10:00:00Z', serverLastUsedAt: '2025-01-02T10:00:00Z' })).toBe(
      '2025-01-03T10:00:00Z',
    );
    expect(latestUse({ lastUsedAt: null, serverLastUsedAt: '2025-01-02T10:00:00Z' })).toBe('2025-01-02T10:00:00Z');
  });

  it('is null ("Never") when neither is known', () => {
    expect(latestUse({ lastUsedAt: null })).toBeNull();
    expect(latestUse({ lastUsedAt: null, serverLastUsedAt: null })).toBeNull();
  });
});
