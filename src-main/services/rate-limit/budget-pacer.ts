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

/**
 * Sends at the pace the server's token bucket allows, so a long job never meets a 429: the wait
 * before each request is budget.ts's (tokens left: go; none: one refill interval; after a 429:
 * Retry-After), and a request let through is counted until its reply says better.
 */
export class BudgetPacer {
  private readonly budgets = new Map<string, KnownBudget>();

  constructor(private readonly clock: PacerClock) {}

  /** Resolves when one more request fits the known budget. */
  async beforeSend(budget: string, signal?: AbortSignal): Promise<void> {
    const state = this.budgets.get(budget);
    if (!state) return;
    const wait = budgetWaitMs(state, this.clock.now());
    if (wait > 0) await this.clock.sleep(wait, signal);
    // Count the request we are about to send, until its reply says better.
    if (state.snapshot.remaining !== null) {
      state.snapshot = { ...state.snapshot, remaining: Math.max(0, state.snapshot.remaining - 1) };
      state.spentAt = this.clock.now();
    }
  }

  /** Learn from the headers of a reply (`sentAt`: when its request left, if known). */
  afterReply(budget: string, reading: BudgetReading, receivedAt = this.clock.now(), sentAt?: number): void {
    this.budgets.set(budget, {
      snapshot: { ...reading, resetAt: reading.resetAt ?? null, burst: reading.burst ?? null },
      receivedAt,
      spentAt: sentAt !== undefined ? Math.min(receivedAt, sentAt + SEND_MARGIN_MS) : receivedAt,
    });
  }

  /** Fewest milliseconds `requests` more requests can take from now, by the known budget. */
  estimateMs(budget: string, requests: number): number | null {
    const state = this.budgets.get(budget);
    return state ? budgetEstimateMs(state, requests, this.clock.now()) : null;
  }
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
