import { parseDictionary, parseList, Token, type BareItem, type Parameters } from 'structured-headers';
import { MAX_POLICIES, type RateLimitPolicy } from '../../src-preload/contract';

/**
 * The IETF rate-limit fields (draft-ietf-httpapi-ratelimit-headers), read as RFC 9651 Lists with
 * the maintained `structured-headers` parser: `RateLimit: "default";r=50;t=30` and
 * `RateLimit-Policy: "burst";q=100;w=60`. A field that does not parse is ignored whole; policies
 * are paired by name between the two fields; every policy is kept.
 */

/** Values beyond these are nonsense rather than trusted. */
export const MAX_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_COUNT = 1_000_000_000;
const MAX_NAME = 64;

/** A non-negative Integer parameter no larger than `max`, else null (decimals, strings, tokens are not counts). */
function integer(value: BareItem | undefined, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

/** A member's name: a String (the draft's form) or a Token; other item types name no policy. */
function nameOf(value: BareItem | readonly unknown[]): string | null {
  if (typeof value === 'string') return value.length <= MAX_NAME ? value : null;
  if (value instanceof Token) return String(value).length <= MAX_NAME ? String(value) : null;
  return null;
}

/**
 * Parsed fields by their text: a server sends the same RateLimit-Policy on every reply and cycles
 * through a few RateLimit values, so most replies parse nothing. Only read, never changed; cleared
 * when full, so a server sending a new value every time costs one parse each, as before.
 */
const parsedFields = new Map<string, ReadonlyMap<string, Parameters> | null>();
const PARSED_FIELDS_MAX = 256;

/** name → parameters of each Item member of a List field (the last of a name wins); null when the field does not parse. */
function members(field: string | undefined): ReadonlyMap<string, Parameters> | null {
  if (field === undefined) return null;
  const known = parsedFields.get(field);
  if (known !== undefined) return known;
  const parsed = parseMembers(field);
  if (parsedFields.size >= PARSED_FIELDS_MAX) parsedFields.clear();
  parsedFields.set(field, parsed);
  return parsed;
}

function parseMembers(field: string): ReadonlyMap<string, Parameters> | null {
  let list;
  try {
    list = parseList(field);
  } catch {
    return null;
  }
  const out = new Map<string, Parameters>();
  for (const [value, params] of list) {
    const name = nameOf(value);
    if (name !== null) out.set(name, params);
  }
  return out;
}

/** The policies of `RateLimit` and `RateLimit-Policy` (each the comma-joined field lines), paired by name. */
export function readIetfFields(rateLimit: string | undefined, rateLimitPolicy: string | undefined, nowMs: number): RateLimitPolicy[] | null {
  const current = members(rateLimit);
  const policy = members(rateLimitPolicy);
  if (current === null && policy === null) return null;
  const byName = new Map<string, RateLimitPolicy>();
  // RateLimit-Policy first: it is the policy's definition; RateLimit adds what is left of it.
  for (const [name, params] of policy ?? []) {
    const quota = integer(params.get('q'), MAX_COUNT);
    if (quota === null) continue; // q is required
    const w = integer(params.get('w'), MAX_WINDOW_SECONDS);
    const qu = params.get('qu');
    byName.set(name, {
      name, sources: ['ietf'], remaining: null, quota, windowSeconds: w !== null && w > 0 ? w : null, burst: null, resetAt: null,
      unit: typeof qu === 'string' && qu !== 'requests' ? qu.slice(0, 32) : null,
    });
  }
  for (const [name, params] of current ?? []) {
    const remaining = integer(params.get('r'), MAX_COUNT);
    if (remaining === null) continue; // r is required
    const t = integer(params.get('t'), MAX_WINDOW_SECONDS);
    const known = byName.get(name);
    const resetAt = t !== null ? nowMs + t * 1000 : null;
    if (known) byName.set(name, { ...known, remaining, resetAt });
    else byName.set(name, { name, sources: ['ietf'], remaining, quota: null, windowSeconds: null, burst: null, resetAt, unit: null });
  }
  return [...byName.values()].slice(0, MAX_POLICIES);
}

/** The older draft's single field, an RFC 9651 Dictionary: `RateLimit: limit=100, remaining=50, reset=30`. */
export function readDraftDictionary(rateLimit: string | undefined, nowMs: number): RateLimitPolicy | null {
  // A Dictionary starts with a key (lcalpha or *): the IETF form's `"name";…` is not tried (a parse error per reply costs).
  if (rateLimit === undefined || !/^[a-z*]/.test(rateLimit)) return null;
  let dict;
  try {
    dict = parseDictionary(rateLimit);
  } catch {
    return null;
  }
  const get = (key: string, max: number) => {
    const member = dict.get(key);
    return member && !Array.isArray(member[0]) ? integer(member[0] as BareItem, max) : null;
  };
  const quota = get('limit', MAX_COUNT);
  const remaining = get('remaining', MAX_COUNT);
  const reset = get('reset', MAX_WINDOW_SECONDS);
  if (quota === null && remaining === null) return null;
  return { name: null, sources: ['ietf-draft'], remaining, quota, windowSeconds: null, burst: null, resetAt: reset !== null ? nowMs + reset * 1000 : null, unit: null };
}
