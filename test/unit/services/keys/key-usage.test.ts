import { describe, expect, it } from 'vitest';
import { KeyUsage, localDate } from '../../../../src-main/services/keys/key-usage';
import type { JsonDocument } from '../../../../src-main/ports';

function memoryDocument(initial?: unknown): JsonDocument & { value: unknown; asideCount: number } {
  const doc = {
    value: initial,
    asideCount: 0,
    read: () => (doc.value === undefined ? undefined : JSON.parse(JSON.stringify(doc.value))),
    write: (v: unknown) => void (doc.value = JSON.parse(JSON.stringify(v))),
    setAside: () => (doc.asideCount++, 'aside'),
  };
  return doc;
}

const DAY = 24 * 60 * 60 * 1000;
const noon = new Date(2026, 11, 1, 12).getTime();

describe('key usage', () => {
  it('counts requests, errors (4xx, 5xx, no reply) and 429s per local day, and drops days past 30', () => {
    let now = noon - 40 * DAY;
    const doc = memoryDocument();
    const usage = new KeyUsage({ document: doc, now: () => now });
    usage.record('k1', 200);
    now = noon - DAY;
    usage.record('k1', 200);
    usage.record('k1', 429);
    now = noon;
    usage.record('k1', 500);
    usage.record('k1', null);
    usage.record('k2', 200);
    const view = usage.usage('k1');
    expect(view.days).toHaveLength(30);
    expect(view.days.at(-1)).toEqual({ date: localDate(noon), requests: 2, errors: 2, rateLimited: 0 });
    expect(view.days.at(-2)).toEqual({ date: localDate(noon - DAY), requests: 2, errors: 1, rateLimited: 1 });
    expect(view.days.reduce((n, d) => n + d.requests, 0)).toBe(4);
    expect(view.lastUsedHere).toBe(noon);
    // The 40-day-old send is gone from the file, not only from the view.
    expect(JSON.stringify(doc.value)).not.toContain(localDate(noon - 40 * DAY));
    // Kept across a restart.
    expect(new KeyUsage({ document: doc, now: () => now }).usage('k1')).toEqual(view);
  });

  it('starts from History when it has no file, and sets a damaged file aside', () => {
    const history = [
      { keyId: 'k1', time: noon - 2 * DAY, status: 201 },
      { keyId: 'k1', time: noon, status: 404 },
    ];
    const fresh = new KeyUsage({ document: memoryDocument(), now: () => noon, history: () => history });
    expect(fresh.usage('k1').days.at(-1)).toMatchObject({ requests: 1, errors: 1 });
    expect(fresh.usage('k1').days.at(-3)).toMatchObject({ requests: 1, errors: 0 });
    const damaged = memoryDocument({ version: 1, keys: { k1: { 'not-a-date': 3 } }, lastUsed: {} });
    const kept = new KeyUsage({ document: damaged, now: () => noon, history: () => [] });
    expect(damaged.asideCount).toBe(1);
    expect(kept.usage('k1').days.every((d) => d.requests === 0)).toBe(true);
  });

  it('forgets a deleted key', () => {
    const doc = memoryDocument();
    const usage = new KeyUsage({ document: doc, now: () => noon });
    usage.record('gone', 200);
    usage.forget('gone');
    expect(usage.usage('gone').lastUsedHere).toBeNull();
    expect(JSON.stringify(doc.value)).not.toContain('gone');
  });
});
