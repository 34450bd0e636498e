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
/** What a header that is not there has (shared: nothing writes to it). */
const NO_PARAMS: ReadonlyMap<string, number> = new Map();

function sfParams(value: string | undefined): ReadonlyMap<string, number> {
  if (!value) return NO_PARAMS;
  const params = new Map<string, number>();
  const comma = value.indexOf(',');
  const parts = (comma === -1 ? value : value.slice(0, comma)).split(';');
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    // Absurd values are dropped rather than trusted.
    if (k && /^\d{1,10}$/.test(v) && Number(v) <= MAX_COUNT) params.set(k, Number(v));
  }
  return params;
}

/** The older draft's single header: `RateLimit: limit=100, remaining=50, reset=30`. */
function draftParams(value: string | undefined): ReadonlyMap<string, number> {
  if (!value || value.trimStart().startsWith('"')) return NO_PARAMS;
  const params = new Map<string, number>();
  for (const part of value.split(/[,;]/)) {
    const [k, v] = part.split('=').map((s) => s.trim().toLowerCase());
    if ((k === 'limit' || k === 'remaining' || k === 'reset') && v !== undefined && /^\d{1,12}$/.test(v)) params.set(k, Number(v));
  }
  return params;
}

/** Every rate-limit header form the API spec names, folded into one snapshot. */
export function parseRateLimit(headers: HeaderList, nowMs: number): RateLimitSnapshot {
  const found = relevant(headers);
  const policy = sfParams(found.get('ratelimit-policy'));
  const current = sfParams(found.get('ratelimit'));
  const draft = draftParams(found.get('ratelimit'));
  const draftLimit = draft.get('limit');
  const draftReset = draft.get('reset');

  const limit = count(found.get('x-ratelimit-limit')) ?? count(found.get('ratelimit-limit')) ?? policy.get('q') ?? (draftLimit !== undefined && draftLimit <= MAX_COUNT ? draftLimit : null);
  const remaining =
    count(found.get('x-ratelimit-remaining')) ?? count(found.get('ratelimit-remaining')) ?? current.get('r') ?? count(draft.has('remaining') ? String(draft.get('remaining')) : undefined);
  const burst = count(found.get('x-ratelimit-burst'));
  const t = current.get('t');
  let reset =
    resetAt(found.get('x-ratelimit-reset'), nowMs) ??
    resetAt(found.get('ratelimit-reset'), nowMs) ??
    (t !== undefined && t <= MAX_WINDOW_SECONDS ? nowMs + t * 1000 : null) ??
    (draftReset !== undefined && draftReset <= MAX_WINDOW_SECONDS ? nowMs + draftReset * 1000 : null);
  const retry = retryAfter(found.get('retry-after'), nowMs);
  // Retry-After wins: nothing is available before it, whatever the other headers say.
  if (retry !== null && (reset === null || reset < nowMs + retry * 1000)) reset = nowMs + retry * 1000;
  const workspace = found.get('x-workspace-id');
  const windowSeconds = policy.get('w');
  return {
    limit,
    remaining,
    burst,
    resetAt: reset,
    retryAfterSeconds: retry,
    workspaceId: workspace && /^[\w-]{1,128}$/.test(workspace) ? workspace : null,
    windowSeconds: windowSeconds !== undefined && windowSeconds > 0 && windowSeconds <= MAX_WINDOW_SECONDS ? windowSeconds : null,
  };
}
