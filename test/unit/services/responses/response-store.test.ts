import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexJsonLines, indexTextLines, lineText } from '../../../../src-main/services/responses/response-line-index';
import { DEFAULT_LIMITS, ResponseStore } from '../../../../src-main/services/responses/response-store';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const allLines = (text: string) => {
  const index = indexJsonLines(text);
  if (!index) throw new Error('not indexed');
  return Array.from({ length: index.length }, (_, i) => lineText(text, index, i));
};

describe('response line index', () => {
  it('prints the lines JSON.stringify(v, null, 2) prints, from minified or spaced JSON', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        const value = JSON.parse(json) as unknown;
        expect(allLines(JSON.stringify(value)).join('\n')).toBe(pretty(value));
        expect(allLines(JSON.stringify(value, null, 3)).join('\n')).toBe(pretty(value));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps escaped quotes and brackets inside strings', () => {
    const value = { 'a"{': ['x\\"]', '\\\\'], b: {} };
    expect(allLines(JSON.stringify(value)).join('\n')).toBe(pretty(value));
  });

  it('refuses unbalanced text', () => {
    expect(indexJsonLines('{"a": [1, 2}')).toBeNull();
    expect(indexJsonLines('{"a": "open')).toBeNull();
    expect(indexJsonLines(']')).toBeNull();
  });

  it('indexes plain text by newline', () => {
    const index = indexTextLines('one\r\ntwo\nthree');
    expect(Array.from({ length: index.length }, (_, i) => lineText('one\r\ntwo\nthree', index, i))).toEqual(['one', 'two', 'three']);
  });
});

describe('ResponseStore', () => {
  const body = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })), total: 50 });

  it('slices lines, and expands tree nodes a page at a time', () => {
    const store = new ResponseStore();
    const { id, index } = store.add(body, true);
    const lines = pretty(JSON.parse(body)).split('\n');
    expect(index.length).toBe(lines.length);
    expect(store.slice(id, 3, 4)).toEqual({ fromLine: 3, lines: lines.slice(3, 7), lineCount: lines.length });
    const root = store.tree(id, 0);
    expect(root.total).toBe(2);
    expect(root.nodes.map((n) => [n.text, n.childCount])).toEqual([['  "items": [', 50], ['  "total": 50', null]]);
    const items = store.tree(id, root.nodes[0]!.line, 48, 10);
    expect(items.total).toBe(50);
    expect(items.nodes).toHaveLength(2);
    const last = store.tree(id, items.nodes[1]!.line);
    expect(last.nodes.map((n) => n.text.trim())).toEqual(['"id": 49', '"name": "item 49"', '"tags": [']);
    expect(() => store.tree(id, last.nodes[0]!.line)).toThrow(/does not open/);
  });

  it('searches case-insensitively and returns the display line of each match', () => {
    const store = new ResponseStore();
    const { id } = store.add(body, true);
    const lines = pretty(JSON.parse(body)).split('\n');
    const found = store.search(id, 'ITEM 4', 3);
    expect(found.total).toBe(11);
    expect(found.lines).toHaveLength(3);
    for (const line of found.lines) expect(lines[line]).toContain('item 4');
    expect(store.search(id, '.*', 10).total).toBe(0);
  });

  it('drops the oldest bodies past the count or size cap, and says so', () => {
    const store = new ResponseStore({ maxEntries: 2, maxChars: 1_000_000 });
    const a = store.add('{"a":1}', true).id;
    const b = store.add('{"b":1}', true).id;
    const c = store.add('{"c":1}', true).id;
    expect([store.has(a), store.has(b), store.has(c)]).toEqual([false, true, true]);
    const big = new ResponseStore({ maxEntries: 10, maxChars: 10 });
    const first = big.add('x'.repeat(8), false).id;
    const second = big.add('y'.repeat(8), false).id;
    expect([big.has(first), big.has(second)]).toEqual([false, true]);
    expect(() => big.slice(first, 0, 1)).toThrow(/no longer kept/);
  });

  it('by default keeps a large body for each of 20 tabs (1 MB each): Tree and search work in every tab', () => {
    const store = new ResponseStore();
    const mb = JSON.stringify({ data: Array.from({ length: 9000 }, (_, i) => ({ id: i, note: 'x'.repeat(96) })) });
    expect(mb.length).toBeGreaterThan(1_000_000);
    const ids = Array.from({ length: 20 }, () => store.add(mb, true).id);
    expect(ids.every((id) => store.has(id))).toBe(true);
    expect(store.search(ids[0]!, '8999', 1).total).toBe(1);
    expect(store.search(ids[19]!, '8999', 1).total).toBe(1);
    expect(DEFAULT_LIMITS.maxEntries).toBeGreaterThanOrEqual(50);
  });

  it('refuses a tree for a text body', () => {
    const store = new ResponseStore();
    const { id } = store.add('plain\ntext', false);
    expect(() => store.tree(id, 0)).toThrow(/not JSON/);
  });
});
