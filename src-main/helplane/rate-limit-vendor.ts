import type { RateLimitPolicy, RateLimitSource } from '../../src-preload/contract';
import { MAX_COUNT, MAX_WINDOW_SECONDS } from './rate-limit-fields';

/**
 * The single-policy header families seen in the wild, each read to one policy:
 * X-RateLimit-* (GitHub, the sandbox; Discord's Reset-After and decimal resets), x-rate-limit-* (X),
 * x-ratelimit-*-requests (OpenAI, resets as Go durations like `6m0s`), and the older RateLimit-Limit /
 * -Remaining / -Reset fields.
 */

/** Field value by lower-case name. */
export type Fields = ReadonlyMap<string, string>;

/** A reset value at or above this is a Unix time; below, seconds from now. */
const UNIX_TIME_THRESHOLD = 1_000_000_000;
const DAY_MS = MAX_WINDOW_SECONDS * 1000;

export function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_COUNT ? n : null;
}

/** Seconds, whole or decimal (Discord sends `1.234`): never negative, no exponent or sign. */
function seconds(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,12}(\.\d{1,9})?$/.test(value) ? Number(value) : null;
}

/** Seconds from now (a delta) -> epoch ms, when within a day. */
function afterDelta(delta: number | null, nowMs: number): number | null {
  return delta !== null && delta <= MAX_WINDOW_SECONDS ? nowMs + Math.ceil(delta * 1000) : null;
}

/** A reset as a Unix time (whole or decimal seconds) or as seconds from now -> epoch ms. */
export function resetAt(value: string | undefined, nowMs: number): number | null {
  const n = seconds(value);
  if (n === null) return null;
  if (n >= UNIX_TIME_THRESHOLD) {
    const ms = Math.ceil(n * 1000);
    return ms - nowMs <= DAY_MS ? Math.max(ms, nowMs) : null;
  }
  return afterDelta(n, nowMs);
}

const DURATION_UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000_001 };

/** A Go duration string (`6m0s`, `1s`, `20ms`, `1h2m3.5s`) -> milliseconds, or null. */
export function durationMs(value: string | undefined): number | null {
  if (value === undefined || value.length > 40 || !/^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+$/.test(value)) return null;
  let ms = 0;
  for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) ms += Number(n) * DURATION_UNIT_MS[unit!]!;
  return ms <= DAY_MS ? Math.ceil(ms) : null;
}

function policy(source: RateLimitSource, quota: number | null, remaining: number | null, reset: number | null, burst: number | null = null): RateLimitPolicy | null {
  if (quota === null && remaining === null && reset === null && burst === null) return null;
  return { name: null, sources: [source], remaining, quota, windowSeconds: null, burst, resetAt: reset, unit: null };
}

/** Every single-policy family present in `f`, in this order. */
export function readVendorForms(f: Fields, nowMs: number): RateLimitPolicy[] {
  const out: Array<RateLimitPolicy | null> = [
    policy(
      'x-ratelimit',
      count(f.get('x-ratelimit-limit')),
      count(f.get('x-ratelimit-remaining')),
      // Discord's Reset-After is a delta, free of clock skew: it wins over the absolute Reset.
      afterDelta(seconds(f.get('x-ratelimit-reset-after')), nowMs) ?? resetAt(f.get('x-ratelimit-reset'), nowMs),
      count(f.get('x-ratelimit-burst')),
    ),
    policy('x-rate-limit', count(f.get('x-rate-limit-limit')), count(f.get('x-rate-limit-remaining')), resetAt(f.get('x-rate-limit-reset'), nowMs)),
    policy(
      'openai',
      count(f.get('x-ratelimit-limit-requests')),
      count(f.get('x-ratelimit-remaining-requests')),
      ((ms) => (ms === null ? null : nowMs + ms))(durationMs(f.get('x-ratelimit-reset-requests'))),
    ),
    policy('ratelimit-fields', count(f.get('ratelimit-limit')), count(f.get('ratelimit-remaining')), resetAt(f.get('ratelimit-reset'), nowMs)),
  ];
  return out.filter((p): p is RateLimitPolicy => p !== null);
}

/** The lower-case names this file reads. */
export const VENDOR_FIELD_NAMES = [
  'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-burst', 'x-ratelimit-reset', 'x-ratelimit-reset-after',
  'x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset',
  'x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests',
  'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset',
];
