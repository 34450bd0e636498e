import { describe, expect, it } from 'vitest';
import type { PacerClock } from '../../../../src-main/ports';
import { BudgetPacer } from '../../../../src-main/services/rate-limit/budget-pacer';

/** A token bucket like the sandbox's, driven by a fake clock. */
function bucket(capacity: number, perWindow: number, windowMs: number, clock: { t: number }) {
  let tokens = capacity;
  let at = clock.t;
  return {
    take() {
      tokens = Math.min(capacity, tokens + ((clock.t - at) * perWindow) / windowMs);
      at = clock.t;
      if (tokens < 1) return { ok: false, remaining: 0, retryAfter: Math.max(1, Math.ceil(((1 - tokens) * windowMs) / perWindow / 1000)) };
      tokens -= 1;
      return { ok: true, remaining: Math.floor(tokens), retryAfter: null };
    },
  };
}

function fakeClock(): PacerClock & { t: number } {
  const c = {
    t: 1_000_000,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('BudgetPacer', () => {
  it.each([
    [200, 100, 60_000, 500],
    [5, 5, 3_000, 40],
    [10, 3, 1_000, 30],
  ])('never meets a 429 and takes the bucket minimum (capacity %i, %i per %i ms, %i requests)', async (capacity, perWindow, windowMs, n) => {
    const clock = fakeClock();
    const server = bucket(capacity, perWindow, windowMs, clock);
    const pacer = new BudgetPacer(clock);
    const start = clock.t;
    let rejected = 0;
    for (let i = 0; i < n; i++) {
      await pacer.beforeSend('ws');
      const sentAt = clock.t;
      clock.t += 1; // on its way to the server
      const r = server.take();
      if (!r.ok) rejected++;
      clock.t += 8; // the server's work and the way back
      pacer.afterReply('ws', { remaining: r.remaining, limit: perWindow, windowSeconds: windowMs / 1000, retryAfterSeconds: r.retryAfter }, clock.t, sentAt);
    }
    expect(rejected).toBe(0);
    const minimum = (Math.max(0, n - capacity) * windowMs) / perWindow;
    const elapsed = clock.t - start;
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    // The reply's latency is not paid again: only the margin for the way to the server.
    expect(elapsed).toBeLessThanOrEqual(minimum * 1.02 + Math.max(0, n - capacity) * 5 + 20);
  });

  it('waits Retry-After after a 429', async () => {
    const clock = fakeClock();
    const pacer = new BudgetPacer(clock);
    pacer.afterReply('ws', { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: 7 });
    const before = clock.t;
    await pacer.beforeSend('ws');
    expect(clock.t - before).toBe(7000);
  });

  it('estimates the time left from the budget', () => {
    const clock = fakeClock();
    const pacer = new BudgetPacer(clock);
    expect(pacer.estimateMs('ws', 10)).toBeNull();
    pacer.afterReply('ws', { remaining: 4, limit: 100, windowSeconds: 60, retryAfterSeconds: null });
    expect(pacer.estimateMs('ws', 10)).toBe(6 * 600);
    expect(pacer.estimateMs('ws', 3)).toBe(0);
  });
});

describe('BudgetPacer with jobs at once (issue 18)', () => {
  it('two jobs waiting for the same empty bucket take turns: one token each, one refill apart', async () => {
    // A clock whose sleeps end later (as real timers do), so both jobs compute their wait first.
    let now = 0;
    const clock = {
      now: () => now,
      sleep: (ms: number) => {
        const until = now + ms;
        return new Promise<void>((resolve) => setTimeout(() => ((now = Math.max(now, until)), resolve()), 0));
      },
    };
    const pacer = new BudgetPacer(clock);
    // Empty, 100 a minute: one token every 600 ms.
    pacer.afterReply('b', { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: null, burst: 200 }, 0, 0);
    const sentAt: number[] = [];
    await Promise.all([pacer.beforeSend('b').then(() => sentAt.push(now)), pacer.beforeSend('b').then(() => sentAt.push(now))]);
    expect(sentAt).toEqual([600, 1200]);
  });

  it('a cancelled job leaves the line at once and the next one still gets its turn', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(() => ((now += ms), resolve()), 5)) };
    const pacer = new BudgetPacer(clock);
    pacer.afterReply('b', { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: null, burst: 200 }, 0, 0);
    const controller = new AbortController();
    const first = pacer.beforeSend('b');
    const second = pacer.beforeSend('b', controller.signal);
    const third = pacer.beforeSend('b');
    controller.abort(new Error('cancelled'));
    await expect(second).rejects.toThrow('cancelled');
    await first;
    await third;
    expect(now).toBe(1200);
  });
});

describe('BudgetPacer when a reply lands during a wait (issue 18)', () => {
  it('counts the token it lets through on what the reply said, not on the state read before the wait', async () => {
    let now = 0;
    let wake: () => void = () => {};
    const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((resolve) => (wake = () => ((now += ms), resolve()))) };
    const pacer = new BudgetPacer(clock);
    pacer.afterReply('b', { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: null, burst: 200 }, 0, 0);
    const first = pacer.beforeSend('b');
    await Promise.resolve();
    await Promise.resolve();
    // Another job's reply arrives while this one sleeps for its token.
    pacer.afterReply('b', { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: null, burst: 200 }, 10, 0);
    wake();
    await first;
    expect(now).toBe(600);
    // The token just let through is counted: the next waits one refill interval from it.
    expect(pacer.estimateMs('b', 1)).toBe(600);
    const second = pacer.beforeSend('b');
    await new Promise((r) => setTimeout(r, 0));
    wake();
    await second;
    expect(now).toBe(1200);
  });
});
