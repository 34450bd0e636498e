import { AppFailure } from '../../lib/errors';

/** Headers the console owns: a user header may not set them. */
const RESERVED_HEADERS = new Set(['x-api-key', 'host', 'content-length', 'transfer-encoding', 'connection']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// CR, LF and NUL would let a value smuggle a header or a request.
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/** Validate user-supplied headers; returns them as a record, or throws a clear AppFailure. */
export function checkUserHeaders(headers: ReadonlyArray<{ name: string; value: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers) {
    const trimmed = name.trim();
    if (trimmed === '' && value === '') continue;
    if (!TOKEN.test(trimmed)) {
      throw new AppFailure('request_rejected', `Header name “${trimmed.slice(0, 64)}” is not valid: use letters, digits and - only.`);
    }
    if (RESERVED_HEADERS.has(trimmed.toLowerCase())) {
      throw new AppFailure('request_rejected', `The console sets ${trimmed} itself; remove it from the headers.`);
    }
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new AppFailure('request_rejected', `The value of ${trimmed} contains a line break or NUL character, which is not allowed.`);
    }
    out[trimmed] = value;
  }
  return out;
}

/** Origins that passed checkOrigin (every request builds a URL on its key's origin). */
const checkedOrigins = new Set<string>();

function checkOrigin(origin: string): void {
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    throw new AppFailure('request_rejected', 'The key’s base URL is not a valid URL.');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new AppFailure('request_rejected', `Only http and https URLs can be sent, not ${base.protocol}`);
  }
  if (base.username || base.password) {
    throw new AppFailure('request_rejected', 'A URL with a user name or password in it is not sent; the key authenticates the request.');
  }
}

/** Build the URL for `path` under `origin`, refusing anything that would leave that origin. */
export function buildUrl(origin: string, path: string, query: ReadonlyArray<{ name: string; value: string }> = []): URL {
  if (!path.startsWith('/') || path.startsWith('//') || /[\r\n\0\\]/.test(path)) {
    throw new AppFailure('request_rejected', 'The path must start with a single / and contain no line breaks or backslashes.');
  }
  if (!checkedOrigins.has(origin)) {
    checkOrigin(origin);
    if (checkedOrigins.size > 64) checkedOrigins.clear();
    checkedOrigins.add(origin);
  }
  const url = new URL(path, origin);
  if (url.origin !== origin || url.username || url.password) {
    throw new AppFailure('request_rejected', 'The path must stay on the key’s own server.');
  }
  for (const { name, value } of query) {
    if (name.trim() === '') continue;
    url.searchParams.append(name.trim(), value);
  }
  return url;
}
