import { AppFailure } from '../lib/errors';
import { isLoopbackHost } from '../lib/loopback';

export const PRODUCTION_BASE_URL = 'https://api.helplane.io';

/**
 * A custom environment's base URL, normalised to its origin: https only, except loopback
 * addresses (a local server). No userinfo, no path, query or fragment.
 */
export function normaliseCustomBaseUrl(raw: string | undefined): string {
  if (!raw || raw.trim() === '') {
    throw new AppFailure('invalid_base_url', 'A custom environment needs a base URL, such as https://api.example.com.');
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppFailure('invalid_base_url', `“${raw}” is not a URL. Write it like https://api.example.com.`);
  }
  if (url.username || url.password) {
    throw new AppFailure('invalid_base_url', 'The base URL must not contain a user name or password.');
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppFailure('invalid_base_url', 'Custom base URLs must use https (plain http is allowed only for 127.0.0.1 or localhost).');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new AppFailure('invalid_base_url', 'Give only the origin, such as https://api.example.com — paths like /v1 are added by the console.');
  }
  return url.origin;
}
