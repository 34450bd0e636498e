import { apiErrorCode } from './error-body';

/** The key a reply answered (only its name is used). */
interface KeyNamed {
  name: string;
}

/** What was sent, so a hint can say where a named `param` came from (the body, the query, the path). */
export interface SentRequest {
  body?: string;
  queryNames?: readonly string[];
}

/** `error.param` of an API error body, or null. */
function errorParam(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { param?: unknown } } | null;
    return typeof parsed?.error?.param === 'string' && parsed.error.param !== '' ? parsed.error.param : null;
  } catch {
    return null;
  }
}

/** Top-level field names of a JSON object body (none for anything else). */
function bodyFields(body: string | undefined): string[] {
  if (!body) return [];
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  } catch {
    return [];
  }
}

/** 404: name the id's place, as the reply's `param` and the request tell it. */
function explainNotFound(body: string, sent: SentRequest): string {
  const param = errorParam(body);
  if (param === null) return 'Nothing exists at that path. Check the path (and any id in it).';
  if (bodyFields(sent.body).includes(param)) return `No such id: the body’s “${param}” field names nothing in this workspace. Put an existing id there (list requests show them).`;
  if (sent.queryNames?.includes(param)) return `No such id: the query parameter “${param}” names nothing in this workspace. Check its value.`;
  // Not the user's own field name: server text, echoed only when it reads like a parameter name (never a key).
  if (/^[a-z][a-z0-9_]{0,39}$/.test(param) && !param.startsWith('hl_')) return `No such id: the path parameter “${param}” names nothing in this workspace. Check its value.`;
  return 'No such id: an id in the path names nothing in this workspace. Check it.';
}

/** What an API error means for the user, and what to do, in words. */
const BY_CODE: Record<string, (key: KeyNamed, param: string | null) => string> = {
  missing_api_key: () => 'The server got no API key. Pick a key in the Key picker and send again.',
  invalid_api_key: (k) => `The server does not know the key “${k.name}”. It may be mistyped or from another environment: check it on the Keys page, or add the right one.`,
  revoked_api_key: (k) => `The key “${k.name}” was revoked in the Helplane dashboard. Create a new key there, add it on the Keys page, and delete this one.`,
  plan_not_eligible: () => 'This workspace’s plan does not include API access (Growth plan or above). Upgrade the plan in the Helplane dashboard, or use a sandbox key.',
  // not_found: explainNotFound (it needs the reply's param and the request).
  method_not_allowed: () => 'The path exists but not with this method; the Allow header lists the methods it takes.',
  contact_exists: () => 'A contact with this email already exists in the workspace. Look it up with GET /v1/contacts?email=…, or use another email.',
  idempotency_mismatch: () => 'This Idempotency-Key was already used with another body. The console gives each new Send a fresh key; if you set the header yourself, change its value.',
  payload_too_large: () => 'The body is over 1 MiB, the most the API takes.',
  unsupported_media_type: () => 'The body must be JSON with Content-Type: application/json.',
  validation_failed: (_k, param) => (param ? `The body’s field “${param}” is not valid: the reply’s message says why.` : 'A field of the body is not valid: the reply’s message says which.'),
  invalid_json: () => 'The body is not valid JSON. The editor marks where it breaks.',
  invalid_request: (_k, param) => (param ? `The query parameter or header “${param}” is not valid: the reply’s message says why.` : 'A query parameter or header is not valid: the reply’s message says which.'),
  rate_limited: () => 'Too many requests: the workspace’s budget is used up. Wait for the Retry-After countdown, then send again (Settings can retry automatically).',
  internal_error: () => 'The server failed. Try again later; quote the request id (X-Request-Id) if you report it.',
};

/** The `error.param` of an API error body (a short field name), if it has one. */
function apiErrorParam(body: string): string | null {
  try {
    const param = (JSON.parse(body) as { error?: { param?: unknown } } | null)?.error?.param;
    return typeof param === 'string' && param.length > 0 && param.length <= 100 ? param : null;
  } catch {
    return null;
  }
}

/** A sentence for an API error reply, or null for success and unknown shapes. */
export function explainApiError(status: number, body: string, key: KeyNamed, sent: SentRequest = {}): string | null {
  if (status < 400) return null;
  // Not an error body (not JSON, say): fall back to the status.
  const code = apiErrorCode(body);
  if (code === 'not_found') return explainNotFound(body, sent);
  const explain = code !== null ? BY_CODE[code] : undefined;
  if (explain) return explain(key, apiErrorParam(body));
  if (status === 429) return BY_CODE.rate_limited!(key, null);
  if (status === 401) return 'The server refused the key. Check it on the Keys page.';
  if (status >= 500) return 'The server failed. Try again later.';
  return null;
}
