import type { RateLimitSnapshot } from '../../../src-preload/contract';

/** The window a bucket refills over when the server does not say (the Helplane API's is a minute). */
const DEFAULT_WINDOW_SECONDS = 60;

/**
 * The identity of a rate-limit budget: the server's origin with the workspace it names (keys of one
 * workspace share a bucket), or with the key when the server names no workspace. The origin is part
 * of it, so keys of two servers never share a budget, whatever workspace ids they report.
 */
export function budgetIdOf(origin: string, workspaceId: string | null, keyId: string): string {
  return workspaceId ? `workspace:${workspaceId}@${origin}` : `key:${keyId}@${origin}`;
}

/** What is known of a budget: the last reply's rate-limit headers and when they held. */
export interface KnownBudget {
  snapshot: Pick<RateLimitSnapshot, 'limit' | 'remaining' | 'retryAfterSeconds' | 'resetAt' | 'windowSeconds'> & { burst?: number | null };
  /** When the reply arrived (Retry-After counts from here). */
  receivedAt: number;
  /** When the last token was spent (the refill of the next counts from here): the reply's time, or earlier when the send time is known. */
  spentAt: number;
}

/** Milliseconds one token takes to refill, when the headers say enough to know. */
function msPerToken(snapshot: KnownBudget['snapshot']): number | null {
  return snapshot.limit !== null && snapshot.limit > 0 ? ((snapshot.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000) / snapshot.limit : null;
}

/**
 * Milliseconds from `now` until one more request fits the budget (0 when it fits or nothing is
 * known). Retry-After wins; an empty bucket waits one refill interval from when its last token was
 * spent (the fraction of a token then is unknown: a whole interval is always enough), or for its
 * reset when the interval is unknown. The reset never shortens a known interval: it is rounded to
 * whole seconds and read on this computer's clock, so trusting it could send a request too early.
 * Without a burst the server states no token bucket: its quota comes back at the reset (an
 * exhausted daily policy), so the wait is the later of the two.
 * The one wait rule of the console: the pre-send warning and every paced job use it.
 */
export function budgetWaitMs(budget: KnownBudget, now: number): number {
  const { snapshot } = budget;
  const retryUntil = snapshot.retryAfterSeconds !== null ? budget.receivedAt + snapshot.retryAfterSeconds * 1000 : 0;
  let wait = retryUntil - now;
  if (snapshot.remaining !== null && snapshot.remaining < 1) {
    const perToken = msPerToken(snapshot);
    let until = perToken !== null ? budget.spentAt + perToken : (snapshot.resetAt ?? 0);
    if (snapshot.burst == null && snapshot.resetAt !== null) until = Math.max(until, snapshot.resetAt);
    wait = Math.max(wait, until - now);
  }
  return Math.max(0, Math.ceil(wait));
}

/** Fewest milliseconds `requests` more requests can take from `now` by the known budget (null when unknown). */
export function budgetEstimateMs(budget: KnownBudget, requests: number, now: number): number | null {
  const perToken = msPerToken(budget.snapshot);
  if (perToken === null || budget.snapshot.remaining === null) return null;
  const retryUntil = budget.snapshot.retryAfterSeconds !== null ? budget.receivedAt + budget.snapshot.retryAfterSeconds * 1000 : 0;
  return Math.max(0, retryUntil - now) + Math.max(0, requests - budget.snapshot.remaining) * perToken;
}
