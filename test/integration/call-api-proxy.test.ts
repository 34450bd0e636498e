import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyMode } from '../../src-preload/contract';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';

let proxy: Server;
let proxyUrl = '';
const seen: string[] = [];
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };

beforeAll(async () => {
  // A stand-in proxy: records what it is asked for and answers every plain request itself.
  proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"via":"proxy"}');
  });
  proxy.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  process.env.HTTP_PROXY = proxyUrl;
  process.env.HTTPS_PROXY = proxyUrl;
  delete process.env.NO_PROXY;
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
});

const send = (mode: ProxyMode, url: string) =>
  createUndiciTransport({ proxyMode: () => mode, ca: undefined }).send({ url, method: 'GET', headers: {}, timeoutMs: 3000, maxBodyBytes: 1024, connectTimeoutMs: 2000 });

describe('the proxy choice', () => {
  it('goes through HTTPS_PROXY / HTTP_PROXY for env and system, and honours NO_PROXY', async () => {
    for (const mode of ['env', 'system'] as const) {
      const before = seen.length;
      await send(mode, 'http://api.helplane.invalid/v1/x').catch(() => undefined);
      expect(seen.slice(before).join('\n')).toMatch(/api\.helplane\.invalid/);
    }
    process.env.NO_PROXY = 'api.helplane.invalid';
    try {
      const before = seen.length;
      await expect(send('env', 'http://api.helplane.invalid/v1/x')).rejects.toThrow();
      expect(seen.length).toBe(before);
    } finally {
      delete process.env.NO_PROXY;
    }
  });

  it('ignores the proxy variables when set to none', async () => {
    const before = seen.length;
    await expect(send('none', 'http://api.helplane.invalid/v1/x')).rejects.toThrow(/could not be found|failed/);
    expect(seen.length).toBe(before);
  });

  it('never sends loopback (sandbox) traffic through the proxy', async () => {
    const before = seen.length;
    const res = await send('env', `${proxyUrl}/direct`);
    // Reached directly: the server sees a plain path, not a proxied absolute URL.
    expect(seen.slice(before)).toEqual(['GET /direct']);
    expect(res.status).toBe(200);
  });
});
