import type { RateLimitPolicy, RateLimitSnapshot } from '../../src-preload/contract';
import { MAX_POLICIES } from '../../src-preload/contract';
import { parseHttpDate } from './http-date';
import { mayHoldKey, redactSecret } from './key-format';
import { MAX_WINDOW_SECONDS, readDraftDictionary, readIetfFields } from './rate-limit-fields';
import { readVendorForms, VENDOR_FIELD_NAMES } from './rate-limit-vendor';

type HeaderList = ReadonlyArray<{ name: string; value: string }>;

/** RFC 9651 List fields: every field line counts, joined with commas (RFC 9110 §5.3). */
const LIST_FIELDS = new Set(['ratelimit', 'ratelimit-policy']);
const NAMES = new Set([...LIST_FIELDS, ...VENDOR_FIELD_NAMES, 'retry-after', 'x-workspace-id']);
/** A combined field longer than this is a hostile server's, not a policy list: it is ignored. */
const MAX_FIELD_CHARS = 8 * 1024;

/**
 * The rate-limit fields of a reply by lower-case name, read in one pass (the first line of a
 * singleton field). A value that could hold the key is redacted first: policy names and the
 * workspace id are the server's text, and they reach the window, History and the panel.
 */
function relevant(headers: HeaderList, secret: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (!NAMES.has(lower)) continue;
    const raw = h.value.trim();
    const value = mayHoldKey(raw, secret) ? redactSecret(raw, secret) : raw;
    const known = found.get(lower);
    if (known === undefined) found.set(lower, value);
    else if (LIST_FIELDS.has(lower)) found.set(lower, `${known}, ${value}`);
  }
  for (const name of LIST_FIELDS) if ((found.get(name)?.length ?? 0) > MAX_FIELD_CHARS) found.delete(name);
  return found;
}

/** Retry-After (RFC 9110 §10.2.3): delay-seconds (1*DIGIT) or an HTTP-date -> whole seconds from now; anything else null. */
export function retryAfterSeconds(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value), MAX_WINDOW_SECONDS);
  const date = parseHttpDate(value, nowMs);
  return date === null ? null : Math.min(Math.max(0, Math.ceil((date - nowMs) / 1000)), MAX_WINDOW_SECONDS);
}

/**
 * A single-policy form and an IETF policy with the same numbers are one policy stated twice (the
 * sandbox sends X-RateLimit-* and RateLimit side by side): merged, so the window of one and the
 * burst of the other describe the same bucket. Numbers from different policies are never mixed.
 */
function merge(policies: RateLimitPolicy[]): RateLimitPolicy[] {
  const out: RateLimitPolicy[] = [];
  for (const p of policies) {
    const same = p.name === null && p.remaining !== null
      ? out.filter((o) => o.sources.includes('ietf') && o.remaining === p.remaining && (o.quota === null || p.quota === null || o.quota === p.quota))
      : [];
    const twin = same.length === 1 ? same[0]! : undefined;
    if (!twin) {
      out.push(p);
      continue;
    }
    out[out.indexOf(twin)] = {
      ...twin,
      sources: [...twin.sources, ...p.sources],
      quota: twin.quota ?? p.quota,
      burst: p.burst,
      // The later reset of the two: the safer one.
      resetAt: twin.resetAt === null ? p.resetAt : p.resetAt === null ? twin.resetAt : Math.max(twin.resetAt, p.resetAt),
    };
  }
  return out;
}

/** Remaining within what the policy says it holds (burst, else quota), or nothing to check it against. */
function consistent(p: RateLimitPolicy): boolean {
  const capacity = p.burst ?? p.quota;
  return p.remaining === null || capacity === null || p.remaining <= capacity;
}

/**
 * The most constrained policy counting requests: the fewest left; among equals, the one whose
 * numbers agree with each other, then the one that resets last. A policy with nothing left
 * known drives only when no policy says what is left.
 */
function driving(policies: RateLimitPolicy[]): RateLimitPolicy | null {
  let best: RateLimitPolicy | null = null;
  for (const p of policies) {
    if (p.unit !== null) continue;
    if (!best || tighter(p, best)) best = p;
  }
  return best;
}

function tighter(a: RateLimitPolicy, b: RateLimitPolicy): boolean {
  if (a.remaining !== b.remaining) return b.remaining === null || (a.remaining !== null && a.remaining < b.remaining);
  if (consistent(a) !== consistent(b)) return consistent(a);
  return (a.resetAt ?? 0) > (b.resetAt ?? 0);
}

/** Every rate-limit header form the console knows (README lists them), folded into one snapshot; `secret` is the key the request went with, so no echo of it is kept. */
export function parseRateLimit(headers: HeaderList, nowMs: number, secret: string | null = null): RateLimitSnapshot {
  const found = relevant(headers, secret);
  const workspace = found.get('x-workspace-id');
  const workspaceId = workspace && /^[\w-]{1,128}$/.test(workspace) ? workspace : null;
  const retry = retryAfterSeconds(found.get('retry-after'), nowMs);
  // Most replies of most servers carry none of these: nothing to parse then.
  const hasPolicyFields = found.size > (found.has('retry-after') ? 1 : 0) + (workspace !== undefined ? 1 : 0);
  const policies: RateLimitPolicy[] = [];
  if (hasPolicyFields) {
    const draft = readDraftDictionary(found.get('ratelimit'), nowMs);
    policies.push(...(readIetfFields(found.get('ratelimit'), found.get('ratelimit-policy'), nowMs) ?? []), ...(draft ? [draft] : []), ...readVendorForms(found, nowMs));
  }
  const kept = merge(policies).slice(0, MAX_POLICIES);
  const drive = driving(kept);
  let reset = drive?.resetAt ?? null;
  // Retry-After wins: nothing is available before it, whatever the other headers say.
  if (retry !== null && (reset === null || reset < nowMs + retry * 1000)) reset = nowMs + retry * 1000;
  // The driving policy first, so a list shows the one that counts on top.
  const ordered = drive ? [drive, ...kept.filter((p) => p !== drive)] : kept;
  return {
    limit: drive?.quota ?? null,
    remaining: drive?.remaining ?? null,
    burst: drive?.burst ?? null,
    resetAt: reset,
    retryAfterSeconds: retry,
    workspaceId,
    windowSeconds: drive?.windowSeconds ?? null,
    sources: drive?.sources ?? [],
    policies: ordered,
  };
}
