import type { Session, WebContents } from 'electron';
import { originOf } from './app-url';
import type { ExternalOpener } from './external-links';

/** Directives of the renderer's Content-Security-Policy in production. */
const PRODUCTION_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // React sets style props through CSSOM, which CSP does not govern; built CSS is a file.
  // CodeMirror's injected <style> tags carry the page load's nonce (see csp-nonce.ts).
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The renderer makes no HTTP call of its own: every request goes through main over IPC.
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

/**
 * The renderer's CSP. With `devServerOrigin` (electron-vite dev only) it also admits Vite's
 * inline React-refresh preamble, injected <style> tags and HMR socket; never 'unsafe-eval'.
 * `connectSelf` is the web host's one difference: its shim reaches main over its own origin.
 * `styleNonce` admits the <style> tags that carry it (CodeMirror's): no 'unsafe-inline' needed.
 */
export function rendererCsp(options: { devServerOrigin?: string; connectSelf?: boolean; styleNonce?: string } = {}): string {
  const directives = structuredClone(PRODUCTION_DIRECTIVES);
  if (options.connectSelf) directives['connect-src'] = ["'self'"];
  // Only nonce grammar (base64) gets in: a value with a quote or ';' would rewrite the policy.
  if (options.styleNonce !== undefined) {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(options.styleNonce)) throw new Error('A CSP nonce must be base64.');
    directives['style-src'] = ["'self'", `'nonce-${options.styleNonce}'`];
  }
  const dev = options.devServerOrigin;
  if (dev) {
    const socket = dev.replace(/^http/, 'ws');
    directives['script-src'] = ["'self'", dev, "'unsafe-inline'"];
    directives['style-src'] = ["'self'", dev, "'unsafe-inline'"];
    directives['connect-src'] = [dev, socket];
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export type SecuredSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

function hasCsp(headers: Record<string, unknown> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'content-security-policy');
}

/**
 * Deny every permission (camera, notifications, USB, …) and put the CSP on every response.
 * The app's own pages (`appOrigin`) keep the CSP their protocol handler sent: it carries the
 * page load's style nonce, and adding this one beside it would block CodeMirror's styles.
 */
export function applySessionSecurity(session: SecuredSession, csp: string = rendererCsp(), appOrigin?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const own = appOrigin !== undefined && originOf(details.url) === appOrigin && hasCsp(details.responseHeaders);
    if (own) return callback({ responseHeaders: details.responseHeaders });
    // A second CSP header (if a server sent one) only narrows what is allowed.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

export type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keep a web contents on the app: no navigation or redirect to another origin, no new
 * windows, no <webview>. A link to an allowlisted Helplane https page (see external-links.ts)
 * opens in the OS browser instead; every other URL is simply refused.
 */
export function hardenWebContents(contents: HardenedContents, appOrigin: string, openExternal: ExternalOpener = () => false): void {
  const preventForeign = (event: { url: string; preventDefault(): void }) => {
    if (originOf(event.url) === appOrigin) return;
    event.preventDefault();
    openExternal(event.url);
  };
  contents.on('will-navigate', preventForeign);
  contents.on('will-redirect', (event) => {
    // A redirect is the server's choice, not a click: never open it anywhere.
    if (originOf(event.url) !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
