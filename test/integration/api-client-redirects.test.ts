import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';
import { callApi } from '../../src-main/services/api-client';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

const SECRET = 'hl_test_canaryRedirectKey0000000000000000000000';
const transport = createUndiciTransport();
let other: RecordingServer;
let api: RecordingServer;

beforeAll(async () => {
  other = await startRecordingServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"other":true}');
  });
  api = await startRecordingServer((req, res, origin) => {
    const [path, query] = (req.url ?? '/').split('?');
    const status = Number(new URLSearchParams(query).get('status') ?? 302);
    if (path === '/away') return void res.writeHead(status, { Location: `${other.origin}/stolen` }).end();
    if (path === '/userinfo') return void res.writeHead(302, { Location: origin.replace('http://', 'http://user:pw@') + '/ok' }).end();
    if (path === '/other-port') return void res.writeHead(307, { Location: `http://localhost:${new URL(other.origin).port}/x` }).end();
    if (path === '/loop') return void res.writeHead(302, { Location: '/loop2' }).end();
    if (path === '/loop2') return void res.writeHead(302, { Location: '/loop' }).end();
    if (path === '/same') return void res.writeHead(301, { Location: '/ok' }).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ key: req.headers['x-api-key'] === SECRET }));
  });
});

afterAll(async () => {
  await other.close();
  await api.close();
});

const call = (path: string) =>
  callApi(transport, { url: new URL(path, api.origin), method: 'GET', headers: {}, keyOrigin: api.origin, secret: SECRET, timeoutMs: 5000, maxBodyBytes: 1 << 20 });

describe('the API client and redirects', () => {
  it('follows a same-origin redirect, with the key', async () => {
    const { response, redirects } = await call('/same');
    expect(response.status).toBe(200);
    expect(redirects).toBe(1);
    expect(JSON.parse(Buffer.from(response.body).toString())).toEqual({ key: true });
  });

  it.each([301, 302, 303, 307, 308])('never sends the key to another origin on %i', async (status) => {
    const { response } = await call(`/away?status=${status}`);
    expect(response.status).toBe(status);
  });

  it('does not follow to another port, nor to userinfo URLs', async () => {
    expect((await call('/other-port')).response.status).toBe(307);
    expect((await call('/userinfo')).response.status).toBe(302);
  });

  it('stops a redirect loop with a clear error', async () => {
    await expect(call('/loop')).rejects.toThrow(/redirect loop/);
  });

  it('never contacted the other origin at all, so no X-API-Key went there', () => {
    expect(other.seen).toEqual([]);
    expect(api.seen.filter((r) => r.headers['x-api-key'] === SECRET).length).toBeGreaterThan(5);
  });
});
