import type { ApiReply, PacerClock } from '../../ports';
import { budgetEstimateMs, budgetWaitMs, type KnownBudget } from './budget';

/** What the pacer needs from the rate-limit headers of a reply. */
export interface BudgetReading {
  remaining: number | null;
  limit: number | null;
  windowSeconds: number | null;
  retryAfterSeconds: number | null;
  /** When the bucket is full again (epoch ms), if the server said. */
  resetAt?: number | null;
  /** The bucket's capacity, if the server said (then tokens refill continuously). */
  burst?: number | null;
}

/**
 * When the send time of the request is known, the server spent its token at least that late:
 * counting the refill interval from then (plus this margin for the request's way to the server)
 * is still safe, and saves the reply's latency on every paced request.
 */
const SEND_MARGIN_MS = 5;
/** A request let through whose reply never reached the pacer (it failed or was cancelled) stops counting after this. */
const IN_FLIGHT_FORGET_MS = 30_000;

/**
 * Sends at the pace the server's token bucket allows, so a long job never meets a 429: the wait
 * before each request is budget.ts's (tokens left: go; none: one refill interval; after a 429:
 * Retry-After), and a request let through is counted until its reply says better.
 */
export class BudgetPacer {
  private readonly budgets = new Map<string, KnownBudget>();
  /** Per budget, the end of the line of jobs waiting for a token (issue 18: a Timeline, a scan and a look-up at once). */
  private readonly lines = new Map<string, Promise<void>>();
  /** Per budget, when each request let through and not yet answered was sent (a reply's count does not include those). */
  private readonly inFlight = new Map<string, number[]>();

  constructor(private readonly clock: PacerClock) {}

  /**
   * Resolves when one more request fits the known budget. Jobs spending one budget wait in line:
   * two that slept for the same token would otherwise wake together and one would meet a 429.
   */
  async beforeSend(budget: string, signal?: AbortSignal): Promise<void> {
    const ahead = this.lines.get(budget) ?? Promise.resolve();
    let done!: () => void;
    const mine = ahead.then(() => new Promise<void>((resolve) => (done = resolve)));
    this.lines.set(budget, mine);
    try {
      await abortable(ahead, signal);
      const state = this.budgets.get(budget);
      if (!state) return;
      const wait = budgetWaitMs(state, this.clock.now());
      if (wait > 0) await this.clock.sleep(wait, signal);
      // Count the request we are about to send, until its reply says better: on what is known now
      // (a reply that came during the sleep replaced the state read before it).
      const current = this.budgets.get(budget) ?? state;
      if (current.snapshot.remaining !== null) {
        current.snapshot = { ...current.snapshot, remaining: Math.max(0, current.snapshot.remaining - 1) };
        current.spentAt = this.clock.now();
      }
      this.inFlight.set(budget, [...this.pending(budget), this.clock.now()]);
    } finally {
      // Let the next in line go (once the one ahead has: `mine` waits for it), and forget an empty line.
      void ahead.then(() => done());
      void mine.then(() => {
        if (this.lines.get(budget) === mine) this.lines.delete(budget);
      });
    }
  }

  /** Learn from the headers of a reply (`sentAt`: when its request left, if known). */
  afterReply(budget: string, reading: BudgetReading, receivedAt = this.clock.now(), sentAt?: number): void {
    // This reply answers one request let through; the others still on their way may not be in its
    // count yet (another job's, sent after it): they are taken off, so two jobs at once meet no 429.
    const others = this.pending(budget).slice(1);
    this.inFlight.set(budget, others);
    const remaining = reading.remaining !== null ? Math.max(0, reading.remaining - others.length) : null;
    this.budgets.set(budget, {
      snapshot: { ...reading, remaining, resetAt: reading.resetAt ?? null, burst: reading.burst ?? null },
      receivedAt,
      // A request sent after this one spent the latest token: the refill counts from it.
      spentAt: Math.max(sentAt !== undefined ? Math.min(receivedAt, sentAt + SEND_MARGIN_MS) : receivedAt, ...others),
    });
  }

  /** Requests let through and unanswered; one whose reply never came (it failed) is forgotten after a while. */
  private pending(budget: string): number[] {
    const since = this.clock.now() - IN_FLIGHT_FORGET_MS;
    return (this.inFlight.get(budget) ?? []).filter((at) => at >= since);
  }

  /** Fewest milliseconds `requests` more requests can take from now, by the known budget. */
  estimateMs(budget: string, requests: number): number | null {
    const state = this.budgets.get(budget);
    return state ? budgetEstimateMs(state, requests, this.clock.now()) : null;
  }
}

/** `promise`, or the signal's reason as soon as it aborts (a cancelled job leaves the line at once). */
function abortable(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** The reading of a reply for the pacer. */
export function budgetReading(reply: ApiReply): BudgetReading {
  const r = reply.rateLimit;
  return { remaining: r.remaining, limit: r.limit, windowSeconds: r.windowSeconds ?? null, retryAfterSeconds: r.retryAfterSeconds, resetAt: r.resetAt, burst: r.burst };
}

export const systemPacerClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
