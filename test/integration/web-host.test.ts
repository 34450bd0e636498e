import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../src-preload/contract';
import type { SandboxRunner } from '../../src-main/ports';
import { CSP_NONCE_PLACEHOLDER } from '../../src-main/app/csp-nonce';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { createWebCore } from '../../src-main/web-host/web-core';
import { tempDir } from '../helpers/temp-dir';
import { testKeychain } from '../helpers/test-keychain';

const dir = tempDir('web-host');
const keychain = testKeychain();
const sandbox: SandboxRunner = {
  status: () => ({ state: 'stopped', baseUrl: null, message: null }),
  ensureStarted: () => Promise.reject(new Error('not in this test')),
  adminToken: () => null,
  stop: async () => undefined,
};
let host: WebHost;

beforeAll(async () => {
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), `<!doctype html><html><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}" /><title>t</title></head><body></body></html>`);
  host = await startWebHost({
    rendererDir,
    createRouter: createWebCore(join(dir.path, 'data'), { secrets: keychain.store, sandbox }),
  });
});

afterAll(async () => {
  await host.close();
  await keychain.cleanup();
  dir.cleanup();
});

function ipc(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Helplane-Token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('web host', () => {
  it('gives a URL that carries the token in its fragment', () => {
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an IPC call with the Result', async () => {
    const res = await ipc(INVOKE_CHANNELS.keysList, { arg: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: [] });
  });

  it('passes bad arguments to the router, which says invalid_argument', async () => {
    const res = await ipc(INVOKE_CHANNELS.keysAdd, { arg: { name: 5 } });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await ipc(INVOKE_CHANNELS.keysList, { arg: null }, { 'X-Helplane-Token': '' })).status).toBe(401);
    expect((await ipc(INVOKE_CHANNELS.keysList, { arg: null }, { 'X-Helplane-Token': host.token.slice(1) + 'x' })).status).toBe(401);
  });

  it('refuses a foreign or missing Origin', async () => {
    expect((await ipc(INVOKE_CHANNELS.keysList, { arg: null }, { Origin: 'http://evil.test' })).status).toBe(403);
    const res = await fetch(`${host.origin}/ipc/${INVOKE_CHANNELS.keysList}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Helplane-Token': host.token },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}/ipc/${INVOKE_CHANNELS.keysList}`, {
        method: 'POST',
        headers: { Host: 'evil.test', Origin: host.origin, 'X-Helplane-Token': host.token, 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('refuses non-JSON and malformed JSON', async () => {
    expect((await ipc(INVOKE_CHANNELS.keysList, 'x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    const res = await fetch(`${host.origin}/ipc/${INVOKE_CHANNELS.keysList}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Helplane-Token': host.token },
      body: '{nope',
    });
    expect(res.status).toBe(400);
  });

  it('answers an oversized body with 413, not a reset connection', async () => {
    const res = await ipc(INVOKE_CHANNELS.keysList, { arg: 'x'.repeat(3 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('answers an unknown channel with a Result error', async () => {
    expect(await (await ipc('keys:everything', { arg: null })).json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('serves the renderer with the shim injected and a strict CSP', async () => {
    const res = await fetch(`${host.origin}/`);
    const html = await res.text();
    expect(html).toContain('/__helplane/web-shim.js');
    expect(html).toContain(INVOKE_CHANNELS.requestSend);
    expect(html).not.toContain(host.token);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.origin}/__helplane/web-shim.js`)).status).toBe(200);
  });

  it('gives each HTML response a fresh style nonce, in the page and in its CSP, never unsafe-inline', async () => {
    const load = async () => {
      const res = await fetch(`${host.origin}/`);
      const html = await res.text();
      return { html, nonce: /nonce="([^"]+)"/.exec(html)?.[1] ?? '', csp: res.headers.get('content-security-policy') ?? '' };
    };
    const first = await load();
    const second = await load();
    expect(first.html).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(first.csp).toContain(`style-src 'self' 'nonce-${first.nonce}'`);
    expect(second.csp).toContain(`style-src 'self' 'nonce-${second.nonce}'`);
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.csp).not.toContain('unsafe-inline');
    expect(first.csp).toContain("connect-src 'self'");
  });

  it('does not serve files outside the renderer', async () => {
    for (const path of ['/../data/keys.json', '/%2e%2e/data/keys.json', '/..%2fdata%2fkeys.json']) {
      expect((await fetch(`${host.origin}${path}`)).status).toBe(404);
    }
  });

  it('answers a malformed or host-like request path in words, not with a 500', async () => {
    const { request } = await import('node:http');
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${host.origin}/`, { path });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject).end();
      });
    for (const path of ['//[', '//[::1', '//evil.test/index.html', '/%']) {
      const { status, body } = await get(path);
      expect([400, 404], path).toContain(status);
      expect(body, path).toMatch(/[A-Za-z]{3,}/);
      expect(body, path).not.toMatch(/internal_error|failed/);
    }
    expect((await get('/')).status).toBe(200);
  });

  it('streams events to a client with the token, and refuses one without', async () => {
    expect((await fetch(`${host.origin}/events`)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/events`, { headers: { 'X-Helplane-Token': host.token }, signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    // Adding a key with a bad secret fails offline and emits nothing; a custom key on a dead port emits keysChanged.
    const added = await (await ipc(INVOKE_CHANNELS.keysAdd, { arg: { name: 'Dead', environment: 'custom', baseUrl: 'http://127.0.0.1:9', secret: 'abcdefgh12345678' } })).json();
    expect(added).toMatchObject({ ok: true, value: { name: 'Dead', status: 'unverified' } });
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`event: ${EVENT_CHANNELS.keysChanged}`);
    expect(text).not.toContain('abcdefgh12345678');
    controller.abort();
  });
});
