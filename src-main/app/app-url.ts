import { isLoopbackHost } from '../lib/loopback';

/** The packaged renderer's home: a privileged custom scheme instead of file:// (file:// pages share one origin with every local file). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'helplane';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * scheme://host[:port] of a URL, or null. WHATWG URL reports "null" as the origin of
 * non-special schemes such as app://, while Chromium treats a standard scheme as a tuple origin.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') return `${parsed.protocol}//${parsed.host}`;
  return null;
}

/**
 * The URL the window loads: the dev server electron-vite names in ELECTRON_RENDERER_URL, but
 * only in an unpackaged app and only on loopback (an env var must not point a packaged app,
 * preload and all, at a remote page).
 */
export function resolveRendererUrl(devUrl: string | undefined, isPackaged: boolean): string {
  if (isPackaged || !devUrl) return APP_ENTRY_URL;
  let parsed: URL;
  try {
    parsed = new URL(devUrl);
  } catch {
    return APP_ENTRY_URL;
  }
  const isLoopbackHttp = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname);
  return isLoopbackHttp ? parsed.href : APP_ENTRY_URL;
}
