import { describe, expect, it } from 'vitest';
import { budgetIdOf } from '../../../../src-main/services/rate-limit/budget';
import { RateLimitTracker } from '../../../../src-main/services/rate-limit/rate-limit-tracker';

const ORIGIN = 'http://127.0.0.1:4010';
const snap = (remaining: number, retryAfterSeconds: number | null = null, workspaceId: string | null = 'ws_1') => ({
  limit: 60, remaining, burst: 10, resetAt: null, retryAfterSeconds, workspaceId,
});

function setup() {
  let now = 1_000_000;
  const tracker = new RateLimitTracker(() => now);
  return { tracker, advance: (ms: number) => (now += ms) };
}

describe('rate-limit tracker', () => {
  it('groups keys of one workspace into one budget and counts 429s and the last 60 s', () => {
    const { tracker, advance } = setup();
    tracker.record('a', ORIGIN, 200, snap(5));
    advance(61_000);
    tracker.record('b', ORIGIN, 429, snap(0, 3));
    const [only] = tracker.list();
    expect(tracker.list()).toHaveLength(1);
    expect(only).toMatchObject({ budgetId: budgetIdOf(ORIGIN, 'ws_1', 'a'), keyIds: ['a', 'b'], count429: 1 });
    expect(only!.recent.map((b) => b.count)).toEqual([1]);
  });

  it('keeps keys of two servers apart, though both servers name the same workspace', () => {
    const { tracker } = setup();
    tracker.record('sandbox', ORIGIN, 200, snap(5, null, 'ws_acme'));
    tracker.record('custom', 'https://helpdesk.example', 429, snap(0, 30, 'ws_acme'));
    expect(tracker.list().map((b) => b.keyIds)).toEqual([['sandbox'], ['custom']]);
    expect(tracker.warning('sandbox')).toBeNull();
    expect(tracker.warning('custom')).toMatch(/429/);
  });

  it('takes a key that moved to another server out of its old budget, so "shared by" counts only keys of the same budget', () => {
    const { tracker } = setup();
    tracker.record('a', ORIGIN, 200, snap(5, null, 'ws_acme'));
    tracker.record('b', ORIGIN, 200, snap(5, null, 'ws_acme'));
    const changed: string[][] = [];
    tracker.onChange((s) => changed.push(s.keyIds));
    tracker.record('b', 'https://helpdesk.example', 429, snap(0, 30, 'ws_acme'));
    expect(tracker.state(budgetIdOf(ORIGIN, 'ws_acme', 'a'))).toMatchObject({ keyIds: ['a'], count429: 0 });
    expect(tracker.state(budgetIdOf('https://helpdesk.example', 'ws_acme', 'b'))).toMatchObject({ keyIds: ['b'], count429: 1 });
    expect(changed).toEqual([['a'], ['b']]);
  });

  it('keeps a key without a named workspace in a budget of its own, per server', () => {
    const { tracker } = setup();
    tracker.record('a', ORIGIN, 200, snap(5, null, null));
    tracker.record('b', ORIGIN, 200, snap(5, null, null));
    expect(tracker.list().map((b) => b.budgetId)).toEqual([budgetIdOf(ORIGIN, null, 'a'), budgetIdOf(ORIGIN, null, 'b')]);
  });

  it('warns before a send while Retry-After runs, and while the bucket is empty', () => {
    const { tracker, advance } = setup();
    expect(tracker.warning('a')).toBeNull();
    tracker.record('a', ORIGIN, 429, snap(0, 3));
    expect(tracker.warning('a')).toMatch(/would likely get 429.*about 3 s/);
    advance(3000);
    expect(tracker.warning('a')).toBeNull();
    tracker.record('a', ORIGIN, 200, snap(0));
    expect(tracker.warning('a')).toMatch(/about 1 s/); // 60 per minute: one token a second
    tracker.record('a', ORIGIN, 200, snap(3));
    expect(tracker.warning('a')).toBeNull();
  });
});
