import { describe, expect, it } from 'vitest';
import type { ThrottleTimers } from '../../../../src-main/ports';
import { keyedThrottle, throttle } from '../../../../src-main/lib/event-throttle';
import { isBinary, wholeCharacters } from '../../../../src-main/services/requests/response-view';
import { RateLimitTracker } from '../../../../src-main/services/rate-limit/rate-limit-tracker';
import { afterReplyQueue } from '../../../../src-main/lib/after-reply';

function fakeTimers() {
  let now = 0;
  let pending: Array<{ at: number; fn: () => void; id: number }> = [];
  let ids = 0;
  const timers: ThrottleTimers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn, id: ++ids };
      pending.push(t);
      return t.id;
    },
    clearTimeout: (id) => void (pending = pending.filter((t) => t.id !== id)),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of pending.filter((p) => p.at <= now)) {
      pending = pending.filter((p) => p !== t);
      t.fn();
    }
  };
  return { timers, advance, pendingCount: () => pending.length };
}

describe('throttle (change notifications)', () => {
  it('sends the first change at once, folds a burst into one trailing send, and is quiet after', () => {
    const { timers, advance, pendingCount } = fakeTimers();
    let sent = 0;
    const t = throttle(() => sent++, 100, timers);
    t.poke();
    expect(sent).toBe(1);
    for (let i = 0; i < 50; i++) t.poke();
    expect(sent).toBe(1);
    advance(99);
    expect(sent).toBe(1);
    advance(1);
    expect(sent).toBe(2);
    advance(1000);
    expect(sent).toBe(2);
    expect(pendingCount()).toBe(0);
    t.poke();
    expect(sent).toBe(3);
  });

  it('flush sends a pending change now; cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    let sent = 0;
    const t = throttle(() => sent++, 100, timers);
    t.poke();
    t.poke();
    t.flush();
    expect(sent).toBe(2);
    advance(50);
    t.poke();
    t.cancel();
    advance(500);
    expect(sent).toBe(2);
  });

  it('keeps one throttle per key', () => {
    const { timers } = fakeTimers();
    const sent: string[] = [];
    const k = keyedThrottle((key) => sent.push(key), 100, timers);
    k.poke('a');
    k.poke('b');
    k.poke('a');
    expect(sent).toEqual(['a', 'b']);
    k.flush();
    expect(sent).toEqual(['a', 'b', 'a']);
  });
});

describe('binary detection on a sample of the body', () => {
  const enc = new TextEncoder();
  it('does not call text binary when the 4 KB sample ends inside a character', () => {
    for (const char of ['é', '中', '😀']) {
      for (let pad = 0; pad < 4; pad++) {
        const body = enc.encode('x'.repeat(pad) + char.repeat(3000));
        expect(isBinary(body, 'application/json')).toBe(false);
      }
    }
  });
  it('calls invalid UTF-8 and NUL bytes binary', () => {
    expect(isBinary(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), undefined)).toBe(true);
    expect(isBinary(enc.encode('{"a":"\u0000"}'), undefined)).toBe(true);
    expect(isBinary(enc.encode('{}'), 'image/png')).toBe(true);
  });
  it('drops only a split last character', () => {
    const e = enc.encode('a中');
    expect([...wholeCharacters(e.subarray(0, 3))]).toEqual([0x61]);
    expect([...wholeCharacters(e)]).toEqual([0x61]); // a whole last character may go too: harmless
    expect([...wholeCharacters(enc.encode('ab'))]).toEqual([0x61, 0x62]);
  });
});

describe('rate-limit tracker: recent requests', () => {
  it('counts per second, keeps only the last 60 s, and stays small at any rate', () => {
    let now = 1_000_000_000;
    const tracker = new RateLimitTracker(() => now);
    const snap = { limit: 10, remaining: 5, burst: null, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws', windowSeconds: null };
    for (let i = 0; i < 5000; i++) {
      tracker.record('k', 'http://127.0.0.1:4010', 200, snap);
      now += 1;
    }
    const [state] = tracker.list();
    expect(state!.recent.reduce((n, b) => n + b.count, 0)).toBe(5000);
    expect(state!.recent.length).toBe(5);
    now += 61_000;
    tracker.record('k', 'http://127.0.0.1:4010', 200, snap);
    expect(tracker.list()[0]!.recent).toEqual([{ at: Math.floor(now / 1000) * 1000, count: 1 }]);
    for (let s = 0; s < 120; s++) {
      now += 1000;
      tracker.record('k', 'http://127.0.0.1:4010', 200, snap);
    }
    expect(tracker.list()[0]!.recent.length).toBeLessThanOrEqual(61);
  });
});

describe('after-reply queue', () => {
  const tick = () => new Promise<void>((r) => setImmediate(r));
  it('runs tasks after the current turn, and after one more setImmediate hop', async () => {
    const errors: unknown[] = [];
    const q = afterReplyQueue((e) => errors.push(e));
    const ran: string[] = [];
    q.run(() => ran.push('a'));
    q.run(() => ran.push('b'));
    setImmediate(() => ran.push('queued-by-someone-else-first'));
    expect(ran).toEqual([]);
    await tick();
    await tick();
    expect(ran).toEqual(['queued-by-someone-else-first', 'a', 'b']);
    expect(errors).toEqual([]);
  });

  it('drain runs them now; a failing task is reported and the rest still run', () => {
    const errors: unknown[] = [];
    const q = afterReplyQueue((e) => errors.push(e));
    const ran: string[] = [];
    q.run(() => {
      throw new Error('metadata write failed');
    });
    q.run(() => ran.push('after'));
    q.drain();
    expect(ran).toEqual(['after']);
    expect(errors).toHaveLength(1);
    q.drain();
    expect(ran).toEqual(['after']);
  });
});
