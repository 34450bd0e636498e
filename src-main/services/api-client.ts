import type { HttpResponse, HttpTransport } from '../ports';
import { AppFailure } from './errors';

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
}

export interface ApiResult {
  response: HttpResponse;
  finalUrl: string;
  redirects: number;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The only place `X-API-Key` is attached. Redirects are followed by hand, and only while they
 * stay on the key's own origin; anything else is handed back unfollowed.
 */
export async function callApi(transport: HttpTransport, call: ApiCall): Promise<ApiResult> {
  let url = call.url;
  let method = call.method;
  let body = call.body;
  const visited = new Set<string>();
  for (let redirects = 0; ; redirects++) {
    const headers: Record<string, string> = { ...call.headers };
    if (url.origin === call.keyOrigin) headers['X-API-Key'] = call.secret;
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
    });
    const location = response.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
    if (!REDIRECT_STATUSES.has(response.status) || !location) {
      return { response, finalUrl: url.href, redirects };
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { response, finalUrl: url.href, redirects };
    }
    // Leaving the key's origin: do not follow, so the key can never travel with it.
    if (next.origin !== call.keyOrigin || next.username || next.password) {
      return { response, finalUrl: url.href, redirects };
    }
    visited.add(url.href);
    if (visited.has(next.href) || redirects + 1 > MAX_REDIRECTS) {
      throw new AppFailure('network_error', `Stopped after ${redirects + 1} redirects (a redirect loop on ${url.origin}).`);
    }
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}
