import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../src-main/helplane/key-format';
import {
  ADMIN,
  RATE_LIMIT_HEADERS,
  createKey,
  createTestApp,
  expectError,
  header,
  listConversations,
} from './helpers';

/** The numeric values of the headers, checked against each other. */
function readHeaders(res: LightMyRequestResponse, nowMs: number) {
  for (const name of RATE_LIMIT_HEADERS) expect(res.headers[name], name).toBeDefined();
  const remaining = Number(header(res, 'x-ratelimit-remaining'));
  const reset = Number(header(res, 'x-ratelimit-reset'));
  const current = /^"default";r=(\d+);t=(\d+)$/.exec(header(res, 'ratelimit'));
  expect(current, 'RateLimit syntax').not.toBeNull();
  const r = Number(current![1]);
  const t = Number(current![2]);
  expect(r).toBe(remaining);
  // Reset is the Unix second at which the bucket is full: now + t, give or take rounding.
  expect(Math.abs(reset - (nowMs / 1000 + t))).toBeLessThanOrEqual(1);
  return {
    limit: Number(header(res, 'x-ratelimit-limit')),
    burst: Number(header(res, 'x-ratelimit-burst')),
    remaining,
    reset,
    t,
    policy: header(res, 'ratelimit-policy'),
    workspace: header(res, 'x-workspace-id'),
  };
}

describe('per-workspace rate limiting', () => {
  it('sends every rate-limit header with the spec defaults, consistent with each other', async () => {
    const { app, clock } = createTestApp();
    const { secret } = await createKey(app);
    const res = await listConversations(app, secret);
    expect(res.statusCode).toBe(200);
    const h = readHeaders(res, clock.now());
    expect(h).toMatchObject({ limit: 100, burst: 200, remaining: 199, workspace: 'ws_acme' });
    expect(h.policy).toBe('"default";q=100;w=60');
    expect(h.t).toBe(1); // one token at 100/min refills in 0.6 s
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('allows exactly the burst capacity at one instant, then 429 with Retry-After and all headers', async () => {
    const { app, clock } = createTestApp();
    const { secret } = await createKey(app);
    for (let i = 1; i <= 200; i++) {
      const res = await listConversations(app, secret, '?limit=1');
      expect(res.statusCode, `request ${i}`).toBe(200);
      expect(Number(res.headers['x-ratelimit-remaining'])).toBe(200 - i);
    }
    const limited = await listConversations(app, secret, '?limit=1');
    expectError(limited, 429, 'rate_limit_error', 'rate_limited');
    const h = readHeaders(limited, clock.now());
    expect(h.remaining).toBe(0);
    expect(h.t).toBe(120); // 200 tokens at 100 per 60 s
    expect(limited.headers['retry-after']).toBe('1'); // one token takes 0.6 s, rounded up
  });

  it('refills continuously with the clock, and a refused request takes no token', async () => {
    const rateLimit = { capacity: 3, refillPerWindow: 2, windowMs: 10_000 }; // a token every 5 s
    const { app, clock } = createTestApp({ rateLimit });
    const { secret } = await createKey(app);
    for (let i = 0; i < 3; i++) expect((await listConversations(app, secret)).statusCode).toBe(200);

    const first = await listConversations(app, secret);
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('5');
    expect(readHeaders(first, clock.now())).toMatchObject({ limit: 2, burst: 3, remaining: 0, t: 15 });
    expect(header(first, 'ratelimit-policy')).toBe('"default";q=2;w=10');

    clock.advance(4_999);
    const stillLimited = await listConversations(app, secret);
    expect(stillLimited.statusCode).toBe(429);
    expect(stillLimited.headers['retry-after']).toBe('1'); // never 0

    clock.advance(1); // exactly one token now: the 429s above took none
    const allowed = await listConversations(app, secret);
    expect(allowed.statusCode).toBe(200);
    expect(readHeaders(allowed, clock.now()).remaining).toBe(0);

    clock.advance(60_000); // far past full: capped at capacity
    expect(readHeaders(await listConversations(app, secret), clock.now()).remaining).toBe(2);
  });

  it('makes all keys of a workspace share one bucket, and other workspaces keep their own', async () => {
    const { app } = createTestApp();
    const a = await createKey(app, 'ws_acme', 'a');
    const b = await createKey(app, 'ws_acme', 'b');
    const tiny = await createKey(app, 'ws_tiny');
    await listConversations(app, a.secret);
    expect((await listConversations(app, b.secret)).headers['x-ratelimit-remaining']).toBe('198');
    expect((await listConversations(app, tiny.secret)).headers['x-ratelimit-remaining']).toBe('199');
  });

  it('takes no tokens for admin requests', async () => {
    const { app } = createTestApp();
    const { secret } = await createKey(app);
    const admin = await app.inject({ url: '/_sandbox/workspaces', headers: ADMIN });
    expect(admin.headers['x-ratelimit-remaining']).toBeUndefined();
    expect((await listConversations(app, secret)).headers['x-ratelimit-remaining']).toBe('199');
  });
});

describe('failed-authentication limiting per client address', () => {
  const authFailureLimit = { perWindow: 3, windowMs: 60_000 }; // a token every 20 s

  it('answers 429 after the allowed failures, without touching workspace buckets', async () => {
    const { app, clock } = createTestApp({ authFailureLimit });
    const { secret } = await createKey(app);
    const bogus = generateKey('test');
    for (let i = 0; i < 3; i++) {
      expectError(await listConversations(app, bogus, '', '10.0.0.1'), 401, 'authentication_error', 'invalid_api_key');
    }
    const limited = await listConversations(app, bogus, '', '10.0.0.1');
    expectError(limited, 429, 'rate_limit_error', 'rate_limited');
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.headers['x-workspace-id']).toBeUndefined();

    // Even a valid key from that address waits: a guesser learns nothing until the budget refills.
    expect((await listConversations(app, secret, '', '10.0.0.1')).statusCode).toBe(429);
    // Another address is unaffected, and the workspace bucket is still full.
    const other = await listConversations(app, secret, '', '10.0.0.2');
    expect(other.statusCode).toBe(200);
    expect(other.headers['x-ratelimit-remaining']).toBe('199');

    clock.advance(20_000);
    expect((await listConversations(app, bogus, '', '10.0.0.1')).statusCode).toBe(401);
    expect((await listConversations(app, bogus, '', '10.0.0.1')).statusCode).toBe(429);
  });

  it('says in the lockout reply that the address is locked out after failed authentications, and when to retry', async () => {
    const { app, clock } = createTestApp({ authFailureLimit });
    const bogus = generateKey('test');
    for (let i = 0; i < 3; i++) await listConversations(app, bogus, '', '10.0.0.9');
    const limited = await listConversations(app, bogus, '', '10.0.0.9');
    expectError(limited, 429, 'rate_limit_error', 'rate_limited');
    expect(limited.headers['retry-after']).toBe('20');
    const { message } = (limited.json() as { error: { message: string } }).error;
    expect(message).toMatch(/locked out after 3 failed authentications/);
    expect(message).toContain('Retry in 20 s');
    expect(message).toContain(new Date(clock.now() + 20_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('does not count requests that send no key', async () => {
    const { app } = createTestApp({ authFailureLimit });
    for (let i = 0; i < 5; i++) expect((await listConversations(app, undefined)).statusCode).toBe(401);
    expect((await listConversations(app, generateKey('test'))).statusCode).toBe(401);
  });
});
