import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_DEFINITION, createAppRequestHandler, registerAppScheme } from '../../../src-main/app/app-protocol';
import { CSP_NONCE_PLACEHOLDER } from '../../../src-main/app/csp-nonce';
import { rendererCsp } from '../../../src-main/app/security';

// <tmp>/renderer is served; <tmp>/secret.txt and /etc/passwd must never be.
const base = mkdtempSync(join(tmpdir(), 'helplane-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Helplane Console</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'do not serve');
// Symlinks inside the renderer folder: two that lead out of it, one that stays in.
symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
symlinkSync(base, join(root, 'outside'));
symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'alias.js'));
// The renderer folder itself reached through a symlink (as an install may be).
symlinkSync(root, join(base, 'renderer-link'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppRequestHandler(root, () => "default-src 'none'");
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme without CSP bypass', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_DEFINITION]);
    expect(APP_SCHEME_DEFINITION).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_DEFINITION.privileges?.bypassCSP).toBeFalsy();
  });

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get('app://helplane/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Helplane Console</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin and built assets by path', async () => {
    expect(await (await get('app://helplane/')).text()).toContain('Helplane Console');
    const script = await get('app://helplane/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://helplane/../../etc/passwd',
    'app://helplane/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://helplane/%2e%2e%2fsecret.txt',
    'app://helplane/..%2fsecret.txt',
    'app://helplane/..%5csecret.txt',
    'app://helplane/assets/..%2f..%2fsecret.txt',
    'app://helplane/index.html%00.js',
    'app://helplane/%E0%A4%A',
  ])('refuses path traversal and malformed paths: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/do not serve|root:/);
  });

  it('refuses other hosts on the scheme, directories and missing files', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://helplane/assets')).status).toBe(404);
    expect((await get('app://helplane/missing.js')).status).toBe(404);
  });

  it('refuses a symlink that leads out of the renderer folder', async () => {
    for (const url of ['app://helplane/leak.txt', 'app://helplane/outside/secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toMatch(/do not serve/);
    }
  });

  it('serves a symlink that stays inside, and a renderer folder reached through a symlink', async () => {
    expect(await (await get('app://helplane/assets/alias.js')).text()).toBe('console.log(1)');
    const linked = createAppRequestHandler(join(base, 'renderer-link'), () => "default-src 'none'");
    expect(await (await linked(new Request('app://helplane/index.html'))).text()).toContain('Helplane Console');
    expect((await linked(new Request('app://helplane/leak.txt'))).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://helplane/index.html', 'POST')).status).toBe(405);
    const head = await get('app://helplane/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('app:// protocol: a style nonce per page load', () => {
  const page = join(base, 'nonce-renderer');
  mkdirSync(join(page, 'assets'), { recursive: true });
  writeFileSync(join(page, 'index.html'), `<head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}" /></head>`);
  writeFileSync(join(page, 'assets', 'index.css'), 'body{}');
  const served = createAppRequestHandler(page, (styleNonce) => rendererCsp(styleNonce ? { styleNonce } : {}));
  const load = async () => {
    const response = await served(new Request('app://helplane/index.html'));
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    return { html, csp, nonce: /nonce="([^"]+)"/.exec(html)?.[1] ?? '', cache: response.headers.get('cache-control') };
  };

  it('writes a fresh nonce into the page and its CSP\'s style-src on every load', async () => {
    const first = await load();
    const second = await load();
    expect(first.html).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.csp).toContain(`style-src 'self' 'nonce-${first.nonce}'`);
    expect(second.csp).toContain(`style-src 'self' 'nonce-${second.nonce}'`);
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.cache).toBe('no-store');
    expect(first.csp).not.toContain('unsafe-inline');
    expect(first.csp).toContain("script-src 'self';");
  });

  it('gives assets the plain CSP, with no nonce', async () => {
    const css = await served(new Request('app://helplane/assets/index.css'));
    expect(await css.text()).toBe('body{}');
    expect(css.headers.get('content-security-policy')).toBe(rendererCsp());
  });
});
