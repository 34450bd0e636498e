import type { RateLimitSnapshot } from '../../src-preload/contract';

type HeaderList = ReadonlyArray<{ name: string; value: string }>;

/** Values beyond these are treated as nonsense rather than trusted. */
const MAX_WINDOW_SECONDS = 24 * 60 * 60;
const MAX_COUNT = 1_000_000_000;
/** A reset value above this is a Unix time; below, seconds from now. */
const UNIX_TIME_THRESHOLD = 1_000_000_000;

/** The rate-limit headers of a reply by lower-case name (the first of each), read in one pass. */
const NAMES = new Set(['ratelimit-policy', 'ratelimit', 'x-ratelimit-limit', 'ratelimit-limit', 'x-ratelimit-remaining', 'ratelimit-remaining', 'x-ratelimit-burst', 'x-ratelimit-reset', 'ratelimit-reset', 'retry-after', 'x-workspace-id']);
function relevant(headers: HeaderList): Map<string, string> {
  const found = new Map<string, string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (NAMES.has(lower) && !found.has(lower)) found.set(lower, h.value.trim());
  }
  return found;
}

function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_COUNT ? n : null;
}

/** Reset as Unix seconds or as seconds from now -> epoch milliseconds. */
function resetAt(value: string | undefined, nowMs: number): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value)) return null;
  const n = Number(value);
  if (n >= UNIX_TIME_THRESHOLD) {
    const ms = n * 1000;
    return ms - nowMs <= MAX_WINDOW_SECONDS * 1000 ? Math.max(ms, nowMs) : null;
  }
  return n <= MAX_WINDOW_SECONDS ? nowMs + n * 1000 : null;
}

/** Retry-After as delta seconds or an HTTP date -> whole seconds from now. */
function retryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined || value === '') return null;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return Math.min(n, MAX_WINDOW_SECONDS);
  }
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, Math.ceil((date - nowMs) / 1000)), MAX_WINDOW_SECONDS);
}

/** Parameters of the first item of an IETF structured-field list: `"default";r=5;t=30`. */
function sfParams(value: string | undefined): Map<string, number> {
  const params = new Map<string, number>();
  if (!value) return params;
  const first = value.split(',')[0] ?? '';
  for (const part of first.split(';').slice(1)) {
    const [k, v] = part.split('=').map((s) => s.trim());
    // Absurd values are dropped rather than trusted.
    if (k && v !== undefined && /^\d{1,10}$/.test(v) && Number(v) <= MAX_COUNT) params.set(k, Number(v));
  }
  return params;
}

/** The older draft's single header: `RateLimit: limit=100, remaining=50, reset=30`. */
function draftParams(value: string | undefined): Map<string, number> {
  const params = new Map<string, number>();
  if (!value || value.trimStart().startsWith('"')) return params;
  for (const part of value.split(/[,;]/)) {
    const [k, v] = part.split('=').map((s) => s.trim().toLowerCase());
    if ((k === 'limit' || k === 'remaining' || k === 'reset') && v !== undefined && /^\d{1,12}$/.test(v)) params.set(k, Number(v));
  }
  return params;
}

/** Every rate-limit header form the API spec names, folded into one snapshot. */
export function parseRateLimit(headers: HeaderList, nowMs: number): RateLimitSnapshot {
  const found = relevant(headers);
  const header = (name: string) => found.get(name.toLowerCase());
  const policy = sfParams(header('RateLimit-Policy'));
  const current = sfParams(header('RateLimit'));
  const draft = draftParams(header('RateLimit'));
  const draftLimit = draft.get('limit');
  const draftReset = draft.get('reset');

  const limit = count(header('X-RateLimit-Limit')) ?? count(header('RateLimit-Limit')) ?? policy.get('q') ?? (draftLimit !== undefined && draftLimit <= MAX_COUNT ? draftLimit : null);
  const remaining =
    count(header('X-RateLimit-Remaining')) ?? count(header('RateLimit-Remaining')) ?? current.get('r') ?? count(draft.has('remaining') ? String(draft.get('remaining')) : undefined);
  const burst = count(header('X-RateLimit-Burst'));
  const t = current.get('t');
  let reset =
    resetAt(header('X-RateLimit-Reset'), nowMs) ??
    resetAt(header('RateLimit-Reset'), nowMs) ??
    (t !== undefined && t <= MAX_WINDOW_SECONDS ? nowMs + t * 1000 : null) ??
    (draftReset !== undefined && draftReset <= MAX_WINDOW_SECONDS ? nowMs + draftReset * 1000 : null);
  const retry = retryAfter(header('Retry-After'), nowMs);
  // Retry-After wins: nothing is available before it, whatever the other headers say.
  if (retry !== null && (reset === null || reset < nowMs + retry * 1000)) reset = nowMs + retry * 1000;
  const workspace = header('X-Workspace-Id');
  return {
    limit,
    remaining,
    burst,
    resetAt: reset,
    retryAfterSeconds: retry,
    workspaceId: workspace && /^[\w-]{1,128}$/.test(workspace) ? workspace : null,
    windowSeconds: (() => {
      const w = policy.get('w');
      return w !== undefined && w > 0 && w <= MAX_WINDOW_SECONDS ? w : null;
    })(),
  };
}
