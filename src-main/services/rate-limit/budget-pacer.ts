import type { ApiReply } from '../inspector/api-reply';

export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What the pacer needs from the rate-limit headers of a reply. */
export interface BudgetReading {
  remaining: number | null;
  limit: number | null;
  windowSeconds: number | null;
  retryAfterSeconds: number | null;
}

const DEFAULT_WINDOW_SECONDS = 60;
/**
 * When the send time of the request is known, the server spent its token at least that late:
 * counting the refill interval from then (plus this margin for the request's way to the server)
 * is still safe, and saves the reply's latency on every paced request.
 */
const SEND_MARGIN_MS = 5;

/**
 * Sends at the pace the server's token bucket allows, so a long job never meets a 429:
 * while the last reply said tokens remain, go; when it said none, wait one refill interval
 * from that reply (the fraction of a token then is unknown, a whole interval is always enough).
 * After a 429, wait Retry-After.
 */
export class BudgetPacer {
  private readonly budgets = new Map<string, { remaining: number | null; msPerToken: number | null; at: number; notBefore: number }>();

  constructor(private readonly clock: PacerClock) {}

  /** Resolves when one more request fits the known budget. */
  async beforeSend(budget: string, signal?: AbortSignal): Promise<void> {
    const state = this.budgets.get(budget);
    if (!state) return;
    let wait = Math.max(0, state.notBefore - this.clock.now());
    if (state.remaining !== null && state.remaining < 1 && state.msPerToken !== null) {
      wait = Math.max(wait, state.at + state.msPerToken - this.clock.now());
    }
    if (wait > 0) await this.clock.sleep(wait, signal);
    // Count the request we are about to send, until its reply says better.
    if (state.remaining !== null) {
      state.remaining = Math.max(0, state.remaining - 1);
      state.at = this.clock.now();
    }
  }

  /** Learn from the headers of a reply (`sentAt`: when its request left, if known). */
  afterReply(budget: string, reading: BudgetReading, receivedAt = this.clock.now(), sentAt?: number): void {
    const msPerToken =
      reading.limit !== null && reading.limit > 0 ? ((reading.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000) / reading.limit : null;
    const notBefore = reading.retryAfterSeconds !== null ? receivedAt + reading.retryAfterSeconds * 1000 : 0;
    const at = sentAt !== undefined ? Math.min(receivedAt, sentAt + SEND_MARGIN_MS) : receivedAt;
    this.budgets.set(budget, { remaining: reading.remaining, msPerToken, at, notBefore });
  }

  /** Fewest milliseconds `requests` more requests can take from now, by the known budget. */
  estimateMs(budget: string, requests: number): number | null {
    const state = this.budgets.get(budget);
    if (!state || state.msPerToken === null || state.remaining === null) return null;
    const beyondBudget = Math.max(0, requests - state.remaining);
    return Math.max(0, state.notBefore - this.clock.now()) + beyondBudget * state.msPerToken;
  }
}

/** The reading of a reply for the pacer. */
export function budgetReading(reply: ApiReply): BudgetReading {
  const r = reply.rateLimit;
  return { remaining: r.remaining, limit: r.limit, windowSeconds: r.windowSeconds ?? null, retryAfterSeconds: r.retryAfterSeconds };
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
