import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createSandboxApp, type SandboxAppOptions } from '../../../src-main/sandbox-server/app';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A clock the test moves by hand; starts on a whole second so RFC 3339 seconds compare exactly. */
export class FakeClock {
  constructor(public ms = Date.UTC(2026, 0, 15, 9, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestSandbox {
  app: FastifyInstance;
  clock: FakeClock;
}

export function createTestApp(options: Partial<SandboxAppOptions> = {}): TestSandbox {
  const clock = new FakeClock();
  const app = createSandboxApp({ adminToken: ADMIN_TOKEN, clock, ...options });
  return { app, clock };
}

export async function createKey(app: FastifyInstance, ws = 'ws_acme', name = 'test key') {
  const res = await app.inject({
    method: 'POST',
    url: `/_sandbox/workspaces/${ws}/api_keys`,
    headers: ADMIN,
    payload: { name },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string; prefix: string; secret: string; status: string };
}

export function listConversations(app: FastifyInstance, key: string | undefined, query = '', remoteAddress?: string) {
  return app.inject({
    method: 'GET',
    url: `/v1/conversations${query}`,
    headers: key === undefined ? {} : { 'x-api-key': key },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** The spec's error body, exactly these fields, with the request id of the response header. */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  type: string,
  code: string,
  param: string | null = null,
): void {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'request_id', 'type']);
  expect(body.error).toMatchObject({ type, code, param });
  expect(typeof body.error.message).toBe('string');
  expect((body.error.message as string).length).toBeGreaterThan(0);
  expect(body.error.request_id).toBe(res.headers['x-request-id']);
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
}

export const RATE_LIMIT_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-burst',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'ratelimit-policy',
  'ratelimit',
  'x-workspace-id',
] as const;

export function header(res: LightMyRequestResponse, name: string): string {
  const value = res.headers[name];
  if (typeof value !== 'string') throw new Error(`missing header ${name}`);
  return value;
}

/** A rate limit no test reaches: for tests that make hundreds of requests about something else. */
export const NO_RATE_LIMIT = { capacity: 1_000_000, refillPerWindow: 1_000_000, windowMs: 60_000 };

/** A sandbox with one ws_acme key and shortcuts that send it. */
export async function createKeyedApp(options: Partial<SandboxAppOptions> = {}) {
  const sandbox = createTestApp(options);
  const key = await createKey(sandbox.app);
  const headers = { 'x-api-key': key.secret };
  const get = (url: string) => sandbox.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: unknown, extra: Record<string, string> = {}) =>
    sandbox.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json', ...extra },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  return { ...sandbox, key, headers, get, post };
}
