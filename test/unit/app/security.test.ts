import { describe, expect, it } from 'vitest';
import { applySessionSecurity, hardenWebContents, rendererCsp, type HardenedContents, type SecuredSession } from '../../../src-main/app/security';
import { FakeWebContents, fakeEvent, fakeSession } from './fake-electron';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('renderer CSP', () => {
  const csp = directives(rendererCsp());

  it('allows only the app itself to supply scripts, styles, images and fonts', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('lets the renderer connect nowhere: all HTTP goes through main', () => {
    expect(csp.get('connect-src')).toEqual(["'none'"]);
  });

  it('locks base, forms, framing and plugins', () => {
    for (const name of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) {
      expect(csp.get(name), name).toEqual(["'none'"]);
    }
  });

  it('never allows eval or inline script in production', () => {
    expect(rendererCsp()).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('admits styles by nonce when given one, still no unsafe-inline, and refuses a nonce that could rewrite the policy', () => {
    const withNonce = directives(rendererCsp({ styleNonce: 'abc+/DEF12==' }));
    expect(withNonce.get('style-src')).toEqual(["'self'", "'nonce-abc+/DEF12=='"]);
    expect(withNonce.get('script-src')).toEqual(["'self'"]);
    expect(rendererCsp({ styleNonce: 'abc' })).not.toContain('unsafe-inline');
    for (const bad of ["x'; script-src *", 'a b', '', 'abc;']) expect(() => rendererCsp({ styleNonce: bad }), bad).toThrow();
  });

  it('in dev admits only the loopback dev server, and still no eval', () => {
    const dev = rendererCsp({ devServerOrigin: 'http://localhost:5173' });
    expect(dev).not.toContain('unsafe-eval');
    expect(directives(dev).get('connect-src')).toEqual(['http://localhost:5173', 'ws://localhost:5173']);
  });
});

describe('applySessionSecurity', () => {
  const session = fakeSession();
  applySessionSecurity(session as unknown as SecuredSession, 'default-src self-test');

  it('denies every permission request', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      session.permissionRequest?.({}, permission, (value: boolean) => (granted = value), {});
      expect(granted, permission).toBe(false);
    }
  });

  it('answers every permission check and device check with no', () => {
    expect(session.permissionCheck?.(null, 'media', 'app://helplane', {})).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'usb' })).toBe(false);
  });

  it('adds the CSP to every response and keeps the other headers', () => {
    let result: unknown;
    session.headersReceived?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: unknown) => (result = r));
    expect(result).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src self-test'] },
    });
  });
});

describe('applySessionSecurity with the app origin', () => {
  const session = fakeSession();
  applySessionSecurity(session as unknown as SecuredSession, 'default-src self-test', 'app://helplane');
  const run = (details: { url: string; responseHeaders: Record<string, string[]> }) => {
    let result: unknown;
    session.headersReceived?.(details, (r: unknown) => (result = r));
    return result;
  };

  it('keeps the nonce CSP the app:// handler sent with a page', () => {
    const own = { 'content-security-policy': ["style-src 'self' 'nonce-abc'"] };
    expect(run({ url: 'app://helplane/index.html', responseHeaders: own })).toEqual({ responseHeaders: own });
  });

  it('puts its own CSP on anything else, and on an app response that came without one', () => {
    const foreign = { 'content-security-policy': ["style-src 'self' 'nonce-abc'"] };
    expect(run({ url: 'https://evil.example/', responseHeaders: foreign })).toEqual({
      responseHeaders: { ...foreign, 'Content-Security-Policy': ['default-src self-test'] },
    });
    expect(run({ url: 'app://helplane/x.js', responseHeaders: {} })).toEqual({ responseHeaders: { 'Content-Security-Policy': ['default-src self-test'] } });
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as HardenedContents, 'app://helplane');
    return contents;
  }

  it.each(['will-navigate', 'will-redirect'])('%s: blocks other origins, allows the app', (name) => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8080/', 'javascript:alert(1)']) {
      const event = fakeEvent(url);
      contents.emit(name, event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const inApp = fakeEvent('app://helplane/index.html#keys');
    contents.emit(name, inApp, inApp.url);
    expect(inApp.defaultPrevented).toBe(false);
  });

  it('denies every window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://api.helplane.io/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://helplane/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});
