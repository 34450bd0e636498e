import type { ThrottleTimers } from '../ports';

const SYSTEM_TIMERS: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending notification must never keep a CLI or test process alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttle {
  /** Something changed: notify now if nothing was sent for `intervalMs`, else once when it has been. */
  poke(): void;
  /** Send a pending notification now (shutdown, or a caller that needs it out). */
  flush(): void;
  cancel(): void;
}

/**
 * Leading and trailing throttle for change notifications: the first change of a quiet spell is
 * sent at once, and a burst (an export, a script of requests) costs at most one notification per
 * `intervalMs`, always computed when sent, so the last one carries the latest state.
 */
export function throttle(send: () => void, intervalMs: number, timers: ThrottleTimers = SYSTEM_TIMERS): Throttle {
  let lastSent = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    lastSent = timers.now();
    send();
  };
  return {
    poke() {
      if (timer !== null) return;
      const wait = lastSent + intervalMs - timers.now();
      if (wait <= 0) fire();
      else timer = timers.setTimeout(fire, wait);
    },
    flush() {
      if (timer === null) return;
      timers.clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

/** One throttle per key (a rate-limit budget, say), created on first use. */
export function keyedThrottle(send: (key: string) => void, intervalMs: number, timers: ThrottleTimers = SYSTEM_TIMERS) {
  const byKey = new Map<string, Throttle>();
  return {
    poke(key: string) {
      let t = byKey.get(key);
      if (!t) {
        t = throttle(() => send(key), intervalMs, timers);
        byKey.set(key, t);
      }
      t.poke();
    },
    flush() {
      for (const t of byKey.values()) t.flush();
    },
    cancel() {
      for (const t of byKey.values()) t.cancel();
    },
  };
}
