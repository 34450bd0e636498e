import type { RateLimitSnapshot, RateLimitState } from '../../../src-preload/contract';

const WINDOW_MS = 60_000;

/**
 * What the console knows of each rate-limit budget: per workspace when the server names one
 * (keys of one workspace share a bucket), else per key. Fed by every reply of the request engine.
 */
export class RateLimitTracker {
  private readonly budgets = new Map<string, RateLimitState>();
  /** Which budget a key last reported. */
  private readonly budgetOfKey = new Map<string, string>();
  private readonly listeners = new Set<(state: RateLimitState) => void>();

  constructor(private readonly now: () => number) {}

  budgetIdFor(keyId: string): string {
    return this.budgetOfKey.get(keyId) ?? `key:${keyId}`;
  }

  /** Record one reply (or a failed send, with `snapshot` null). */
  record(keyId: string, status: number | null, snapshot: RateLimitSnapshot | null): RateLimitState {
    const at = this.now();
    const budgetId = snapshot?.workspaceId ? `workspace:${snapshot.workspaceId}` : this.budgetIdFor(keyId);
    this.budgetOfKey.set(keyId, budgetId);
    const prev = this.budgets.get(budgetId);
    const hasHeaders = snapshot !== null && (snapshot.limit !== null || snapshot.remaining !== null || snapshot.retryAfterSeconds !== null);
    // Per-second counts, so a budget costs the same at 1 request a minute or 2,000 a second.
    const recent = prune(prev?.recent ?? [], at);
    const second = Math.floor(at / 1000) * 1000;
    const last = recent[recent.length - 1];
    if (last && last.at === second) recent[recent.length - 1] = { at: second, count: last.count + 1 };
    else recent.push({ at: second, count: 1 });
    const state: RateLimitState = {
      budgetId,
      keyIds: prev?.keyIds.includes(keyId) ? prev.keyIds : [...(prev?.keyIds ?? []), keyId],
      snapshot: hasHeaders || !prev ? (snapshot ?? emptySnapshot()) : prev.snapshot,
      receivedAt: hasHeaders || !prev ? at : prev.receivedAt,
      recent,
      count429: (prev?.count429 ?? 0) + (status === 429 ? 1 : 0),
    };
    this.budgets.set(budgetId, state);
    for (const l of this.listeners) l(state);
    return state;
  }

  state(budgetId: string): RateLimitState | undefined {
    const s = this.budgets.get(budgetId);
    if (!s) return undefined;
    return { ...s, recent: prune(s.recent, this.now()) };
  }

  list(): RateLimitState[] {
    return [...this.budgets.keys()].map((id) => this.state(id)).filter((s): s is RateLimitState => s !== undefined);
  }

  onChange(listener: (state: RateLimitState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Milliseconds until one more request fits the known budget (0 when it fits or nothing is
   * known). Retry-After wins; an empty bucket waits for its reset.
   */
  waitMs(budgetId: string): number {
    const s = this.budgets.get(budgetId);
    if (!s) return 0;
    const at = this.now();
    const retryUntil = s.snapshot.retryAfterSeconds !== null ? s.receivedAt + s.snapshot.retryAfterSeconds * 1000 : 0;
    let wait = Math.max(0, retryUntil - at);
    if (s.snapshot.remaining !== null && s.snapshot.remaining < 1) {
      // Tokens refill steadily: one arrives after window/limit; the reset time bounds it.
      const windowMs = (s.snapshot.windowSeconds ?? WINDOW_MS / 1000) * 1000;
      const perToken = s.snapshot.limit ? windowMs / s.snapshot.limit : null;
      const refill = perToken !== null ? s.receivedAt + perToken : (s.snapshot.resetAt ?? 0);
      const until = s.snapshot.resetAt !== null ? Math.min(refill, s.snapshot.resetAt) : refill;
      wait = Math.max(wait, until - at);
    }
    return Math.max(0, Math.ceil(wait));
  }

  /** Before a send: a sentence when the known budget says it would be refused, else null. */
  warning(keyId: string): string | null {
    const wait = this.waitMs(this.budgetIdFor(keyId));
    if (wait <= 0) return null;
    return `The known rate-limit budget is used up: this request would likely get 429 Too Many Requests. A token is expected in about ${Math.ceil(wait / 1000)} s.`;
  }

  /** Count a request the pacer lets through, until its reply says better. */
  spend(budgetId: string): void {
    const s = this.budgets.get(budgetId);
    if (s && s.snapshot.remaining !== null && s.snapshot.remaining > 0) {
      this.budgets.set(budgetId, { ...s, snapshot: { ...s.snapshot, remaining: s.snapshot.remaining - 1 } });
    }
  }
}

/** A copy of `recent` without the seconds that ended more than WINDOW_MS before `at`. */
function prune(recent: RateLimitState['recent'], at: number): RateLimitState['recent'] {
  let from = 0;
  while (from < recent.length && recent[from]!.at + 1000 <= at - WINDOW_MS) from++;
  return recent.slice(from);
}

function emptySnapshot(): RateLimitSnapshot {
  return { limit: null, remaining: null, burst: null, resetAt: null, retryAfterSeconds: null, workspaceId: null, windowSeconds: null };
}
