import { describe, expect, it } from 'vitest';
import type { ResponseHistoryEntryView } from '../../../../src-preload/contract';
import { diffResponses, LINES_SHOWN_MAX } from '../../../../src-renderer/src/features/response/response-diff';

const entry = (over: Partial<ResponseHistoryEntryView>): ResponseHistoryEntryView => ({
  id: 'rsp_0000000000000001', time: 0, status: 200, statusText: 'OK', bodyTruncated: false, sizeBytes: 0, durationMs: 1, url: 'u', headers: [], body: '{}', ...over,
});

describe('Compare: diffResponses', () => {
  it('says the status and the header changes, leaving out headers that differ on every reply', () => {
    const d = diffResponses(
      entry({ headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Date', value: 'a' }, { name: 'X-Old', value: '1' }] }),
      entry({ status: 404, statusText: 'Not Found', headers: [{ name: 'content-type', value: 'text/plain' }, { name: 'Date', value: 'b' }, { name: 'X-New', value: '2' }] }),
    );
    expect(d.status).toEqual({ from: '200 OK', to: '404 Not Found' });
    expect(d.headers).toEqual([
      { name: 'content-type', change: 'changed', from: 'application/json', to: 'text/plain' },
      { name: 'x-old', change: 'removed', from: '1' },
      { name: 'x-new', change: 'added', to: '2' },
    ]);
  });

  it('diffs the pretty-printed bodies line by line, so key order on one line does not hide a change, and folds long unchanged runs', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i }));
    const d = diffResponses(entry({ body: JSON.stringify({ data: items, has_more: true }) }), entry({ body: JSON.stringify({ data: items, has_more: false }) }));
    expect(d.added).toBe(1);
    expect(d.removed).toBe(1);
    expect(d.lines).toContainEqual({ kind: 'removed', text: '  "has_more": true' });
    expect(d.lines).toContainEqual({ kind: 'added', text: '  "has_more": false' });
    expect(d.lines?.[0]).toEqual({ kind: 'folded', count: expect.any(Number) });
    expect(d.lines!.length).toBeLessThan(15);
  });

  it('shows at most a cap of lines (LINES_SHOWN_MAX by default) and says how many more there are', () => {
    expect(LINES_SHOWN_MAX).toBe(2000);
    const a = Array.from({ length: 30 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 30 }, (_, i) => `b${i}`).join('\n');
    const d = diffResponses(entry({ body: a }), entry({ body: b }), 10);
    expect(d.lines).toHaveLength(10);
    expect(d.hiddenLines).toBe(50);
    expect(d.added).toBe(30);
  });
});
