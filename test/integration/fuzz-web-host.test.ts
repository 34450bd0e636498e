import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { createWebCore } from '../../src-main/web-host/web-core';
import { tempDir } from '../helpers/temp-dir';
import { argFor, fuzzOverrides, junkArb, KEY_SHAPED, operationArb, STORED_SECRET } from './fuzz-fixtures';

// The web host's HTTP face, fuzzed: bodies, channels, methods, and the Host / Origin / token checks.
const dir = tempDir('fuzz-web');
const overrides = fuzzOverrides();
let host: WebHost;
let port = 0;
let routed = 0;

beforeAll(async () => {
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  const createCore = createWebCore(join(dir.path, 'data'), overrides);
  host = await startWebHost({
    rendererDir,
    // Count calls that reach the router: a refused request must never get there.
    createRouter: async (ctx) => {
      const core = await createCore(ctx);
      return { ...core, router: { handle: (...args: Parameters<typeof core.router.handle>) => (routed++, core.router.handle(...args)) } };
    },
  });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host.close();
  dir.cleanup();
});

interface Reply {
  status: number;
  body: string;
}

/** Bodies above this are cut off by the server (2 MiB, see server.ts). */
const MAX_IPC_BODY = 2 * 1024 * 1024;

/**
 * A raw HTTP exchange on a fresh connection (fetch would not let the test set Host or send
 * malformed paths). A reset connection is reported as status 0.
 */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, agent: false, method: options.method ?? 'POST', path: options.path, headers: options.headers ?? {} });
    const reset = (error: Error) => resolve({ status: 0, body: (error as NodeJS.ErrnoException).code ?? error.message });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reset);
    });
    req.on('error', reset);
    req.end(options.body);
  });
}

/** An oversized body is refused: a 413, or the connection cut while the client still writes. */
function expectTooLarge(reply: Reply): void {
  if (reply.status === 0) expect(['ECONNRESET', 'EPIPE']).toContain(reply.body);
  else expect(reply.status).toBe(413);
}

function goodHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Host: `127.0.0.1:${port}`, Origin: host.origin, 'X-Helplane-Token': host.token, 'Content-Type': 'application/json', ...extra };
}

/** JSON.stringify that survives what fast-check makes (bigint, cycles are not generated). */
function toJson(value: unknown): string {
  try {
    return JSON.stringify({ arg: value }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '{}';
  } catch {
    return '{}';
  }
}

function expectResultReply(reply: Reply): { ok: boolean; error?: { code: string } } {
  expect(reply.status, reply.body.slice(0, 200)).not.toBe(500);
  expect(reply.body).not.toMatch(KEY_SHAPED);
  expect(reply.body).not.toContain(STORED_SECRET);
  const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
  expect(typeof parsed.ok).toBe('boolean');
  if (!parsed.ok) expect(parsed.error?.message.length).toBeGreaterThan(0);
  return parsed;
}

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x21-\\x7e]{0,${max}}$`));

describe('web host fuzz', () => {
  it('any JSON argument on any channel: a Result with status 200, never a 500 or a key', async () => {
    await fc.assert(
      fc.asyncProperty(operationArb.chain((op) => fc.tuple(fc.constant(op), argFor(op))), async ([op, arg]) => {
        const body = toJson(arg);
        const reply = await send({ path: `/ipc/${encodeURIComponent(INVOKE_CHANNELS[op])}`, headers: goodHeaders(), body });
        if (Buffer.byteLength(body) > MAX_IPC_BODY) return expectTooLarge(reply);
        expect(reply.status).toBe(200);
        expectResultReply(reply);
      }),
      { numRuns: 150 },
    );
    expect(overrides.unexpected).toEqual([]);
  });

  it('bodies that are not an {arg} object, or not JSON at all, are refused with a Result', async () => {
    const bodyArb = fc.oneof(fc.string({ maxLength: 200 }), junkArb.map((v) => toJson(v).slice(7, -1)), fc.constantFrom('', 'null', '[]', '"x"', '{"arg":', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'));
    await fc.assert(
      fc.asyncProperty(operationArb, bodyArb, async (op, body) => {
        const reply = await send({ path: `/ipc/${INVOKE_CHANNELS[op]}`, headers: goodHeaders(), body });
        if (Buffer.byteLength(body) > MAX_IPC_BODY) return expectTooLarge(reply);
        expect([200, 400]).toContain(reply.status);
        expectResultReply(reply);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown and malformed channel paths get a Result error, not a crash', async () => {
    const pathArb = fc.oneof(
      fc.string({ maxLength: 40 }).map((c) => `/ipc/${encodeURIComponent(c)}`),
      fc.constantFrom('/ipc/%', '/ipc/%E0%A4%A', '/ipc/%ZZ', '/ipc/__proto__', '/ipc/constructor', '/ipc/..%2f..%2fetc%2fpasswd', '/ipc/', '/ipc//keys:list', `/ipc/${'a'.repeat(5000)}`),
    );
    await fc.assert(
      fc.asyncProperty(pathArb, async (path) => {
        const reply = await send({ path, headers: goodHeaders(), body: '{"arg":null}' });
        const parsed = expectResultReply(reply);
        if (!Object.values(INVOKE_CHANNELS).some((c) => path === `/ipc/${encodeURIComponent(c)}`)) expect(parsed.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('a missing or wrong token, a foreign Host or Origin, or another method never reaches the router', async () => {
    const before = routed;
    const tokenArb = fc.oneof(fc.constant(undefined), printable(80).filter((t) => t !== host.token), fc.constant(host.token.slice(0, -1)), fc.constant(`${host.token}x`), fc.constant(host.token.toUpperCase()));
    // (Whitespace around a header value is not part of it in HTTP, so `token ` is the token.)
    const hostArb = fc.oneof(fc.constant(`127.0.0.1:${port}`), fc.constantFrom('evil.test', `127.0.0.1:${port + 1}`, `localhost.evil.test:${port}`, '127.0.0.1', `[::1]:${port}`), printable(40).filter((h) => h !== ''));
    // (An empty Host is replaced by Node's client with the real one, so it is not generated.)
    const originArb = fc.oneof(fc.constant(undefined), fc.constant(host.origin), fc.constantFrom('null', 'http://evil.test', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}.evil.test`, `http://127.0.0.1:${port + 1}`), printable(40));
    const methodArb = fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
    await fc.assert(
      fc.asyncProperty(operationArb, tokenArb, hostArb, originArb, methodArb, async (op, token, hostHeader, origin, method) => {
        const allGood = token === host.token && hostHeader === `127.0.0.1:${port}` && origin === host.origin && method === 'POST';
        fc.pre(!allGood);
        const headers: Record<string, string> = { Host: hostHeader, 'Content-Type': 'application/json' };
        if (token !== undefined) headers['X-Helplane-Token'] = token;
        if (origin !== undefined) headers.Origin = origin;
        const reply = await send({ method, path: `/ipc/${INVOKE_CHANNELS[op]}`, headers, body: '{"arg":null}' });
        expect([401, 403, 405, 421]).toContain(reply.status);
        const parsed = expectResultReply(reply);
        expect(parsed.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(routed).toBe(before);
  });

  it('the events stream refuses a missing or wrong token and a foreign Host', async () => {
    await fc.assert(
      fc.asyncProperty(printable(60).filter((t) => t !== host.token), async (token) => {
        const reply = await send({ method: 'GET', path: '/events', headers: { Host: `127.0.0.1:${port}`, 'X-Helplane-Token': token } });
        expect(reply.status).toBe(401);
      }),
      { numRuns: 50 },
    );
    expect((await send({ method: 'GET', path: '/events', headers: { Host: 'evil.test', 'X-Helplane-Token': host.token } })).status).toBe(421);
  });
});
