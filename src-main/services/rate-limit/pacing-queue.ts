import type { RateLimitTracker } from './rate-limit-tracker';

export interface PacingClock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Runs tasks one at a time per budget, each only when the tracker says a token is there (after
 * Retry-After, after the bucket refills). Other features (the Inspector export) schedule through it:
 * `pacer.schedule(keyId, () => send(...))`.
 */
export class PacingQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly tracker: RateLimitTracker,
    private readonly clock: PacingClock,
    /** Brings the tracker up to date first (the core passes the after-reply queue's drain). */
    private readonly settle: () => void = () => undefined,
  ) {}

  /** `keyId` picks the budget (the key's workspace once a reply has named it). */
  schedule<T>(keyId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const budget = this.tracker.budgetIdFor(keyId);
    const previous = this.tails.get(budget) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(async () => {
      // Re-check after each sleep: another reply may have changed the budget meanwhile.
      const waitMs = () => {
        this.settle();
        return this.tracker.waitMs(this.tracker.budgetIdFor(keyId));
      };
      for (let wait = waitMs(); wait > 0; wait = waitMs()) await this.clock.sleep(wait, signal);
      if (signal?.aborted) throw signal.reason;
      this.tracker.spend(this.tracker.budgetIdFor(keyId));
      return task();
    });
    this.tails.set(budget, run);
    void run.finally(() => {
      if (this.tails.get(budget) === run) this.tails.delete(budget);
    }).catch(() => undefined);
    return run;
  }
}
