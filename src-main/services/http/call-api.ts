import type { RedirectPolicy } from '../../../src-preload/contract';
import type { HttpResponse, HttpTransport } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { isLoopbackHost } from '../../lib/loopback';

export interface ApiCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The origin the key belongs to: the key is attached only there. */
  keyOrigin: string;
  secret: string;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  connectTimeoutMs?: number;
  /** What to do with a redirect that leaves the key's origin (the user's choice in Settings): `follow-without-key` goes on, never with the key; `refuse` hands the redirect back unfollowed. */
  redirectPolicy?: RedirectPolicy;
}

export interface ApiResult {
  response: HttpResponse;
  finalUrl: string;
  redirects: number;
  /** Set when a redirect was not followed, saying why in words. */
  redirectNote?: string;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * May a redirect to `next` carry the key? Only on the key's own origin, and there only over https
 * or to the loopback sandbox (an http origin elsewhere would expose it on the wire).
 */
function keyMayFollow(next: URL, keyOrigin: string): boolean {
  return next.origin === keyOrigin && (next.protocol === 'https:' || isLoopbackHost(next.hostname));
}

/**
 * Headers that carry the user's own credentials: Authorization, Proxy-Authorization and Cookie by
 * name, and any name that says token, secret, api key, auth, session, password, credential, cookie,
 * signature or JWT (X-Auth-Token, X-Session-Id, X-CSRF-Token, Api_Key…). Broad on purpose: a
 * needlessly dropped header costs a redirect that fails in words; a kept one hands a secret to
 * a server the user did not pick.
 */
const CREDENTIAL_HEADER = /auth|token|secret|api[-_]?key|session|passw|credential|cookie|signature|jwt/i;

/** The user's headers without the credential-looking ones, for a hop that has left the first origin. */
function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADER.test(name)));
}

/**
 * The only place `X-API-Key` is attached. Redirects are followed by hand: with the key only while
 * they stay on the key's own origin; elsewhere without it (and never again on this chain) or not
 * at all, as the user chose. Once a chain has left the first request's origin, the user's
 * credential headers are stripped from that hop and every later one, as browsers do for
 * cross-origin redirects. Loops and long chains stop with an error.
 */
export async function callApi(transport: HttpTransport, call: ApiCall): Promise<ApiResult> {
  const policy = call.redirectPolicy ?? 'refuse';
  let url = call.url;
  let method = call.method;
  let body = call.body;
  // URL.origin builds a new string on every read: once per hop.
  const firstOrigin = url.origin;
  // Once a chain has left the key's origin the key stays off, even if it comes back.
  let keyAllowed = firstOrigin === call.keyOrigin;
  // The same for the user's own credentials once a hop has gone to another origin than the first.
  let credentialsAllowed = true;
  const visited = new Set<string>();
  for (let redirects = 0; ; redirects++) {
    const origin = redirects === 0 ? firstOrigin : url.origin;
    if (origin !== firstOrigin) credentialsAllowed = false;
    const headers: Record<string, string> = credentialsAllowed ? { ...call.headers } : withoutCredentials(call.headers);
    if (keyAllowed && origin === call.keyOrigin) headers['X-API-Key'] = call.secret;
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await transport.send({
      url: url.href,
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      timeoutMs: call.timeoutMs,
      maxBodyBytes: call.maxBodyBytes,
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.connectTimeoutMs !== undefined ? { connectTimeoutMs: call.connectTimeoutMs } : {}),
    });
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.find((h) => h.name.toLowerCase() === 'location')?.value : undefined;
    if (!location) {
      return { response, finalUrl: url.href, redirects };
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { response, finalUrl: url.href, redirects, redirectNote: 'The redirect’s Location is not a valid URL, so it was not followed.' };
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      return { response, finalUrl: url.href, redirects, redirectNote: `The redirect goes to a ${next.protocol} URL, which the console does not follow.` };
    }
    if (next.username || next.password) {
      return { response, finalUrl: url.href, redirects, redirectNote: 'The redirect carries a user name or password in its URL, so it was not followed.' };
    }
    if (!keyMayFollow(next, call.keyOrigin)) {
      if (policy === 'refuse') {
        return {
          response,
          finalUrl: url.href,
          redirects,
          redirectNote: `The redirect to ${next.origin} leaves the key’s server, so it was not followed (Settings → Redirects).`,
        };
      }
      keyAllowed = false;
    }
    visited.add(url.href);
    if (visited.has(next.href) || redirects + 1 > MAX_REDIRECTS) {
      throw new AppFailure('network_error', `Stopped after ${redirects + 1} redirects (a redirect loop on ${url.origin}).`, { retryable: false });
    }
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}
