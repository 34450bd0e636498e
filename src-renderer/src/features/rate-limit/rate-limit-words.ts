import type { RateLimitPolicy, RateLimitSnapshot, RateLimitSource } from '../../../../src-preload/contract';

/** What each header form is called where the panel says what it read (the IETF pair: see readFrom). */
const SOURCE_NAMES: Record<Exclude<RateLimitSource, 'ietf'>, string> = {
  'ietf-draft': 'RateLimit (older draft: limit=, remaining=, reset=)',
  'ratelimit-fields': 'RateLimit-Limit / -Remaining / -Reset',
  'x-ratelimit': 'X-RateLimit-*',
  'x-rate-limit': 'x-rate-limit-* (X)',
  openai: 'x-ratelimit-*-requests',
};

/**
 * "read from RateLimit, RateLimit-Policy and X-RateLimit-*"; null when no rate-limit header was
 * read. Of the IETF pair, only the field that said something is named: RateLimit says what is
 * left, RateLimit-Policy the quota.
 */
export function readFrom(sources: readonly RateLimitSource[] | undefined, said: { remaining: number | null; quota: number | null } = { remaining: 0, quota: 0 }): string | null {
  if (!sources || sources.length === 0) return null;
  const names = sources.flatMap((s) => (s === 'ietf' ? [...(said.remaining !== null ? ['RateLimit'] : []), ...(said.quota !== null ? ['RateLimit-Policy'] : [])] : [SOURCE_NAMES[s]]));
  const last = names.pop();
  return `read from ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}`;
}

/** 60 -> "60 s", 600 -> "10 min", 86400 -> "24 h". */
export function formatWindow(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

type Numbers = Pick<RateLimitPolicy, 'remaining' | 'quota' | 'burst' | 'windowSeconds'>;

/** A snapshot's driving policy in a policy's terms. */
export function numbersOf(s: RateLimitSnapshot): Numbers {
  return { remaining: s.remaining, quota: s.limit, burst: s.burst, windowSeconds: s.windowSeconds ?? null };
}

/**
 * What `remaining` counts down from: the bucket (burst) when the server says, else the quota when
 * it is at least what is left. A token bucket can hold more than one window's quota (the sandbox:
 * 200 in the bucket, 100 per minute), so "199 of 100" never shows.
 */
export function capacityOf(p: Numbers): number | null {
  if (p.burst !== null) return p.burst;
  if (p.quota !== null && (p.remaining === null || p.remaining <= p.quota)) return p.quota;
  return null;
}

/** "188 left of 200", "188 left" (nothing known to count from), "" when nothing is known. */
export function leftOf(p: Numbers): string {
  if (p.remaining === null) return '';
  const capacity = capacityOf(p);
  return capacity === null ? `${p.remaining} left` : `${p.remaining} left of ${capacity}`;
}

/** The quota with its window: "100 per 60 s"; "100 per window (not stated)" when the server names none. */
export function quotaText(p: Pick<Numbers, 'quota' | 'windowSeconds'>): string | null {
  if (p.quota === null) return null;
  return p.windowSeconds !== null ? `${p.quota} per ${formatWindow(p.windowSeconds)}` : `${p.quota} per window (not stated)`;
}

/** A sentence when more is left than one window's quota and no bucket size explains it. */
export function carryOverNote(p: Numbers): string | null {
  if (p.remaining === null || p.quota === null || p.burst !== null || p.remaining <= p.quota) return null;
  return `More is left (${p.remaining}) than the limit per window (${p.quota}): the server lets unused requests carry over, up to a bucket size it does not state.`;
}
