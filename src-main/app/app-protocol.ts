import type { CustomScheme, Protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { newCspNonce, withCspNonce } from './csp-nonce';

/** standard: real origin and relative URLs; secure: a secure context like https. Nothing more (no bypassCSP). */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The file under `root` a URL names, or null when it is outside root or not an app://helplane URL. */
function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // Decoding can reintroduce '..', '\' or NUL (%2e%2e%2f, %5c, %00); check after decoding.
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const candidate = resolve(root, `.${path}`);
  return isInside(root, candidate) ? candidate : null;
}

/**
 * The file's real path when it is really inside the root's real path, else null. The name check
 * above is not enough: a symlink under the renderer folder (to /etc/passwd, to the data folder)
 * passes it, and readFile follows it.
 */
async function realFileInside(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return isInside(realRoot, realFile) ? realFile : null;
  } catch {
    return null;
  }
}

/** The CSP for a response; `styleNonce` is set for a page load (index.html), not for its assets. */
export type CspFor = (styleNonce?: string) => string;

/**
 * Serve files from the built renderer for app://helplane/…; nothing else, GET/HEAD only.
 * Each load of index.html gets a fresh style nonce, written into the page and its CSP.
 */
export function createAppRequestHandler(rendererRoot: string, cspFor: CspFor): (request: Request) => Promise<Response> {
  const root = resolve(rendererRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const named = resolveAppFile(root, request.url);
    const file = named ? await realFileInside(root, named) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const page = extname(file) === '.html';
    const nonce = page ? newCspNonce() : undefined;
    const content = nonce ? new TextEncoder().encode(withCspNonce(body.toString('utf8'), nonce)) : new Uint8Array(body);
    return new Response(request.method === 'HEAD' ? null : content, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        // webRequest may not see custom-protocol responses, so the CSP travels with them.
        'Content-Security-Policy': cspFor(nonce),
        // A page's nonce is for that load only: never a cached copy.
        ...(page ? { 'Cache-Control': 'no-store' } : {}),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** Register the app:// handler on the default session's protocol (after `ready`). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, cspFor: CspFor): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot, cspFor));
}
