import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';
import type { RedirectPolicy } from '../../src-preload/contract';
import { callApi } from '../../src-main/services/http/call-api';
import { buildUrl, checkUserHeaders } from '../../src-main/services/requests/request-guard';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

const SECRET = 'hl_test_canaryRedirectKey0000000000000000000000';
let other: RecordingServer;
let api: RecordingServer;
let tls: { server: HttpsServer; origin: string; seen: Array<Record<string, unknown>>; ca: string; dir: string };

/** A self-signed certificate made now, trusted only by this test's transport. */
function selfSigned(dir: string): { key: string; cert: string } {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

beforeAll(async () => {
  other = await startRecordingServer((req, res) => {
    const [path, query] = (req.url ?? '/').split('?');
    if (path === '/bounce') return void res.writeHead(302, { Location: new URLSearchParams(query).get('to') ?? '/' }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"other":true}');
  });
  api = await startRecordingServer((req, res, origin) => {
    const [path, query] = (req.url ?? '/').split('?');
    const status = Number(new URLSearchParams(query).get('status') ?? 302);
    if (path === '/away') return void res.writeHead(status, { Location: `${other.origin}/stolen` }).end();
    if (path === '/userinfo') return void res.writeHead(302, { Location: other.origin.replace('http://', 'http://user:pw@') + '/ok' }).end();
    if (path === '/other-port') return void res.writeHead(307, { Location: `http://localhost:${new URL(other.origin).port}/x` }).end();
    if (path === '/away-and-back') return void res.writeHead(302, { Location: `${other.origin}/bounce?to=${encodeURIComponent(origin + '/ok')}` }).end();
    if (path === '/loop') return void res.writeHead(302, { Location: '/loop2' }).end();
    if (path === '/loop2') return void res.writeHead(302, { Location: '/loop' }).end();
    if (path === '/same') return void res.writeHead(301, { Location: '/ok' }).end();
    if (path === '/file') return void res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ key: req.headers['x-api-key'] === SECRET }));
  });
  const dir = mkdtempSync(join(tmpdir(), 'helplane-tls-'));
  const { key, cert } = selfSigned(dir);
  const seen: Array<Record<string, unknown>> = [];
  const server = createHttpsServer({ key, cert }, (req, res) => {
    seen.push({ url: req.url, ...req.headers });
    if (req.url === '/downgrade') return void res.writeHead(302, { Location: `${other.origin}/downgraded` }).end();
    if (req.url === '/same') return void res.writeHead(308, { Location: '/ok' }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ key: req.headers['x-api-key'] === SECRET }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  tls = { server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, ca: cert, dir };
});

afterAll(async () => {
  await other.close();
  await api.close();
  tls.server.closeAllConnections();
  await new Promise<void>((r) => tls.server.close(() => r()));
  rmSync(tls.dir, { recursive: true, force: true });
});

const transport = () => createUndiciTransport({ proxyMode: () => 'none', ca: tls.ca });

const call = (path: string, redirectPolicy: RedirectPolicy = 'refuse', origin = api.origin, method = 'GET', body?: string) =>
  callApi(transport(), {
    url: new URL(path, origin),
    method,
    headers: {},
    ...(body !== undefined ? { body } : {}),
    keyOrigin: origin,
    secret: SECRET,
    timeoutMs: 5000,
    maxBodyBytes: 1 << 20,
    redirectPolicy,
  });

const reached = (path: string) => other.seen.filter((r) => r.url.startsWith(path));
const json = (body: Uint8Array) => JSON.parse(Buffer.from(body).toString()) as unknown;

describe('the API client and redirects', () => {
  it('follows a same-origin redirect, with the key', async () => {
    const { response, redirects } = await call('/same');
    expect(response.status).toBe(200);
    expect(redirects).toBe(1);
    expect(json(response.body)).toEqual({ key: true });
  });

  it.each([301, 302, 303, 307, 308])('refuses to leave the key’s origin on %i when set to refuse', async (status) => {
    const before = reached('/stolen').length;
    const result = await call(`/away?status=${status}`, 'refuse');
    expect(result.response.status).toBe(status);
    expect(result.redirectNote).toMatch(/leaves the key’s server/);
    expect(reached('/stolen').length).toBe(before);
  });

  it.each([301, 302, 303, 307, 308])('follows %i to another origin WITHOUT the key when set to follow', async (status) => {
    const before = reached('/stolen').length;
    const result = await call(`/away?status=${status}`, 'follow-without-key', api.origin, 'POST', '{"a":1}');
    expect(result.response.status).toBe(200);
    expect(json(result.response.body)).toEqual({ other: true });
    const hits = reached('/stolen');
    expect(hits.length).toBe(before + 1);
    expect(hits.at(-1)?.headers['x-api-key']).toBeUndefined();
    // 301/302/303 turn a POST into a GET; 307/308 keep it.
    expect(hits.at(-1)?.method).toBe(status === 307 || status === 308 ? 'POST' : 'GET');
  });

  it('does not follow to another port when refusing, and never with the key when following', async () => {
    expect((await call('/other-port')).response.status).toBe(307);
    const before = reached('/x').length;
    expect((await call('/other-port', 'follow-without-key')).response.status).toBe(200);
    expect(reached('/x').length).toBe(before + 1);
  });

  it('never follows a redirect with userinfo in its URL', async () => {
    for (const policy of ['refuse', 'follow-without-key'] as const) {
      const result = await call('/userinfo', policy);
      expect(result.response.status).toBe(302);
      expect(result.redirectNote).toMatch(/user name or password/);
    }
    expect(reached('/ok')).toEqual([]);
  });

  it('keeps the key off once a chain has left the origin, even when it comes back', async () => {
    const bounce = await startRecordingServer((req, res) => {
      res.writeHead(302, { Location: `${api.origin}/ok` }).end();
    });
    try {
      const result = await callApi(transport(), {
        url: new URL('/go', bounce.origin),
        method: 'GET',
        headers: {},
        keyOrigin: api.origin,
        secret: SECRET,
        timeoutMs: 5000,
        maxBodyBytes: 1 << 20,
        redirectPolicy: 'follow-without-key',
      });
      expect(json(result.response.body)).toEqual({ key: false });
    } finally {
      await bounce.close();
    }
  });

  it('does not follow non-http redirects', async () => {
    const result = await call('/file', 'follow-without-key');
    expect(result.response.status).toBe(302);
    expect(result.redirectNote).toMatch(/file:/);
  });

  it('stops a redirect loop with a clear error', async () => {
    await expect(call('/loop')).rejects.toThrow(/redirect loop/);
    await expect(call('/loop', 'follow-without-key')).rejects.toThrow(/redirect loop/);
  });

  it('follows same-origin https with the key, and an https -> http downgrade only without it', async () => {
    const same = await call('/same', 'refuse', tls.origin);
    expect(json(same.response.body)).toEqual({ key: true });
    expect((await call('/downgrade', 'refuse', tls.origin)).response.status).toBe(302);
    expect(reached('/downgraded')).toEqual([]);
    const followed = await call('/downgrade', 'follow-without-key', tls.origin);
    expect(followed.response.status).toBe(200);
    expect(reached('/downgraded').length).toBe(1);
  });

  it('explains an untrusted certificate', async () => {
    const untrusting = createUndiciTransport({ proxyMode: () => 'none' });
    await expect(
      callApi(untrusting, { url: new URL('/ok', tls.origin), method: 'GET', headers: {}, keyOrigin: tls.origin, secret: SECRET, timeoutMs: 5000, maxBodyBytes: 1024 }),
    ).rejects.toThrow(/TLS connection .* certificate is not trusted/);
  });

  const CREDENTIALS = {
    Authorization: 'Bearer user-own-token',
    Cookie: 'session=user-own-cookie',
    'Proxy-Authorization': 'Basic dXNlcjpwdw==',
    'X-Auth-Token': 'user-own-auth',
    'X-Session-Id': 'user-own-session',
    'X-Client-Secret': 'user-own-secret',
    Api_Key: 'user-own-api-key',
  };
  const withCredentials = (path: string, origin = api.origin, method = 'GET', body?: string) =>
    callApi(transport(), {
      url: new URL(path, origin),
      method,
      headers: { ...CREDENTIALS, 'X-Trace': 'kept' },
      ...(body !== undefined ? { body } : {}),
      keyOrigin: origin,
      secret: SECRET,
      timeoutMs: 5000,
      maxBodyBytes: 1 << 20,
      redirectPolicy: 'follow-without-key',
    });

  it.each([301, 302, 303, 307, 308])('strips the user’s own credential headers on a %i to another origin when following', async (status) => {
    const before = reached('/stolen').length;
    const result = await withCredentials(`/away?status=${status}`, api.origin, 'POST', '{"a":1}');
    expect(result.response.status).toBe(200);
    const hits = reached('/stolen');
    expect(hits.length).toBe(before + 1);
    const received = hits.at(-1)?.headers ?? {};
    for (const name of Object.keys(CREDENTIALS)) expect(received[name.toLowerCase()], name).toBeUndefined();
    expect(received['x-trace']).toBe('kept');
  });

  it('keeps the user’s credential headers on a same-origin redirect', async () => {
    const before = api.seen.length;
    await withCredentials('/same');
    const hop = api.seen.slice(before).find((r) => r.url === '/ok');
    expect(hop?.headers.authorization).toBe(CREDENTIALS.Authorization);
    expect(hop?.headers.cookie).toBe(CREDENTIALS.Cookie);
    expect(hop?.headers['x-auth-token']).toBe(CREDENTIALS['X-Auth-Token']);
  });

  it('keeps the user’s credential headers off every later hop, even back on the first origin', async () => {
    const before = api.seen.length;
    const result = await withCredentials('/away-and-back');
    expect(result.response.status).toBe(200);
    const back = api.seen.slice(before).find((r) => r.url === '/ok');
    expect(back).toBeDefined();
    for (const name of Object.keys(CREDENTIALS)) expect(back?.headers[name.toLowerCase()], name).toBeUndefined();
  });

  it('no server other than the key’s own ever saw X-API-Key', () => {
    expect(other.seen.length).toBeGreaterThan(5);
    expect(other.seen.filter((r) => r.headers['x-api-key'] !== undefined)).toEqual([]);
    expect(api.seen.filter((r) => r.headers['x-api-key'] === SECRET).length).toBeGreaterThan(5);
    expect(tls.seen.filter((r) => r['x-api-key'] === SECRET).length).toBeGreaterThan(0);
  });
});

describe('the request guard', () => {
  it.each([
    [{ name: 'X-Test', value: 'a\r\nX-API-Key: stolen' }, /line break/],
    [{ name: 'X-Test', value: 'a\nb' }, /line break/],
    [{ name: 'X-Test', value: 'a\0b' }, /NUL/],
    [{ name: 'X-Te\r\nst', value: 'a' }, /not valid/],
    [{ name: 'X-API-Key', value: 'mine' }, /sets X-API-Key itself/],
    [{ name: 'host', value: 'evil.example' }, /sets host itself/],
    [{ name: 'Content-Length', value: '1' }, /sets Content-Length itself/],
    [{ name: 'Transfer-Encoding', value: 'chunked' }, /sets Transfer-Encoding itself/],
  ])('rejects header %j', (header, message) => {
    expect(() => checkUserHeaders([header])).toThrow(message);
  });

  it('rejects non-http URLs, userinfo and paths that leave the origin', () => {
    expect(() => buildUrl('ftp://example.com', '/x')).toThrow(/Only http and https/);
    expect(() => buildUrl('https://u:p@example.com', '/x')).toThrow(/user name or password/);
    expect(() => buildUrl('https://example.com', '//evil.example/x')).toThrow(/single \//);
    expect(() => buildUrl('https://example.com', '/a\r\nb')).toThrow(/line breaks/);
    expect(buildUrl('https://example.com', '/v1/x', [{ name: 'q', value: 'a b' }]).href).toBe('https://example.com/v1/x?q=a+b');
  });
});
