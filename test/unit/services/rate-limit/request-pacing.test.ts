import { describe, expect, it } from 'vitest';
import { PacingQueue } from '../../../../src-main/services/rate-limit/pacing-queue';
import { RateLimitTracker } from '../../../../src-main/services/rate-limit/rate-limit-tracker';

const snap = (remaining: number, retryAfterSeconds: number | null = null, workspaceId: string | null = 'ws_1') => ({
  limit: 60, remaining, burst: 10, resetAt: null, retryAfterSeconds, workspaceId,
});

function setup() {
  let now = 1_000_000;
  const slept: number[] = [];
  const tracker = new RateLimitTracker(() => now);
  const pacer = new PacingQueue(tracker, { sleep: async (ms) => { slept.push(ms); now += ms; } });
  return { tracker, pacer, slept, advance: (ms: number) => (now += ms) };
}

describe('rate-limit tracker and pacing queue', () => {
  it('groups keys of one workspace into one budget and counts 429s and the last 60 s', () => {
    const { tracker, advance } = setup();
    tracker.record('a', 200, snap(5));
    advance(61_000);
    tracker.record('b', 429, snap(0, 3));
    const [only] = tracker.list();
    expect(tracker.list()).toHaveLength(1);
    expect(only).toMatchObject({ budgetId: 'workspace:ws_1', keyIds: ['a', 'b'], count429: 1 });
    expect(only!.recent.map((b) => b.count)).toEqual([1]);
  });

  it('goes straight through while tokens remain', async () => {
    const { tracker, pacer, slept } = setup();
    tracker.record('a', 200, snap(3));
    expect(await pacer.schedule('a', async () => 'done')).toBe('done');
    expect(slept).toEqual([]);
  });

  it('waits Retry-After after a 429, and one token interval when the bucket is empty', async () => {
    const { tracker, pacer, slept } = setup();
    tracker.record('a', 429, snap(0, 3));
    expect(tracker.warning('a')).toMatch(/429/);
    await pacer.schedule('a', async () => undefined);
    expect(slept).toEqual([3000]);
    tracker.record('a', 200, snap(0));
    await pacer.schedule('a', async () => undefined);
    expect(slept[1]).toBe(1000); // 60 per minute: one token a second
  });

  it('runs tasks of one budget one at a time, in order', async () => {
    const { tracker, pacer } = setup();
    tracker.record('a', 200, snap(10));
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => pacer.schedule('a', async () => { await new Promise((r) => setTimeout(r, 5 * (4 - n))); order.push(n); })));
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('the tracker reads the policy window', () => {
  it('waits window/limit for one token when RateLimit-Policy names the window', async () => {
    const { tracker, pacer, slept } = setup();
    tracker.record('a', 200, { ...snap(0), limit: 1, windowSeconds: 4 });
    await pacer.schedule('a', async () => undefined);
    expect(slept).toEqual([4000]);
  });
});

describe('the pacing queue and replies booked after the fact', () => {
  it('settles the tracker before it decides, so a 429 booked after its reply still makes the next task wait', async () => {
    let now = 1_000_000;
    const slept: number[] = [];
    const tracker = new RateLimitTracker(() => now);
    const booked: Array<() => void> = [];
    const pacer = new PacingQueue(tracker, { sleep: async (ms) => { slept.push(ms); now += ms; } }, () => booked.splice(0).forEach((b) => b()));
    // The task's reply is booked later (as the request service does after replying).
    await pacer.schedule('a', async () => void booked.push(() => tracker.record('a', 429, snap(0, 5))));
    expect(tracker.list()).toEqual([]);
    await pacer.schedule('a', async () => undefined);
    expect(slept).toEqual([5000]);
  });
});
