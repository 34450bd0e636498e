import { describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../src-main/helplane/key-format';
import { createSqliteStore } from '../../../src-main/sandbox-server/db/sqlite-store';
import { ADMIN, RATE_LIMIT_HEADERS, createKey, createKeyedApp, createTestApp, expectError } from './helpers';

/** One test per row (and code) of the spec's error table, each through a real route. */
describe('the spec\u2019s error table', () => {
  it('400 invalid_request: a bad query parameter', async () => {
    const { get } = await createKeyedApp();
    expectError(await get('/v1/conversations?limit=500'), 400, 'invalid_request', 'invalid_request', 'limit');
  });

  it('400 invalid_json: a malformed body', async () => {
    const { post } = await createKeyedApp();
    for (const url of ['/v1/contacts', '/v1/messages']) {
      expectError(await post(url, '{"name": '), 400, 'invalid_request', 'invalid_json');
    }
  });

  it('401 missing_api_key, invalid_api_key, revoked_api_key', async () => {
    const { app } = createTestApp();
    const key = await createKey(app);
    const get = (headers: Record<string, string>) => app.inject({ url: '/v1/contacts', headers });
    expectError(await get({}), 401, 'authentication_error', 'missing_api_key');
    expectError(await get({ 'x-api-key': generateKey('live') }), 401, 'authentication_error', 'invalid_api_key');
    expectError(await get({ 'x-api-key': 'not-a-key' }), 401, 'authentication_error', 'invalid_api_key');
    await app.inject({ method: 'DELETE', url: `/_sandbox/workspaces/ws_acme/api_keys/${key.id}`, headers: ADMIN });
    expectError(await get({ 'x-api-key': key.secret }), 401, 'authentication_error', 'revoked_api_key');
  });

  it('403 plan_not_eligible: a starter workspace, on every endpoint', async () => {
    const { app } = createTestApp();
    const key = await createKey(app, 'ws_tiny');
    const headers = { 'x-api-key': key.secret, 'content-type': 'application/json' };
    for (const [method, url] of [
      ['GET', '/v1/conversations'],
      ['GET', '/v1/conversations/cv_x'],
      ['GET', '/v1/contacts'],
      ['POST', '/v1/contacts'],
      ['POST', '/v1/messages'],
    ] as const) {
      const res = await app.inject({ method, url, headers, ...(method === 'POST' ? { payload: '{}' } : {}) });
      expectError(res, 403, 'permission_error', 'plan_not_eligible');
    }
  });

  it('404 not_found: an unknown id or path', async () => {
    const { get } = await createKeyedApp();
    expectError(await get('/v1/conversations/cv_unknown'), 404, 'invalid_request', 'not_found', 'id');
    expectError(await get('/v1/tickets'), 404, 'invalid_request', 'not_found');
  });

  it.each([
    ['/v1/conversations', 'PUT', 'GET, HEAD'],
    ['/v1/conversations/cv_x', 'DELETE', 'GET, HEAD'],
    ['/v1/contacts', 'DELETE', 'GET, POST, HEAD'],
    ['/v1/messages', 'GET', 'POST'],
    ['/v1/contacts', 'OPTIONS', 'GET, POST, HEAD'],
  ])('405 method_not_allowed with Allow: %s %s', async (url, method, allow) => {
    const { app, headers } = await createKeyedApp();
    const res = await app.inject({ method: method as 'GET', url, headers });
    expectError(res, 405, 'invalid_request', 'method_not_allowed');
    expect(res.headers.allow).toBe(allow);
  });

  // The spec decides the method before the body is read: what the body is does not matter.
  it.each([
    ['/v1/conversations/cv_x', 'POST', 'GET, HEAD'],
    ['/v1/conversations', 'PATCH', 'GET, HEAD'],
    ['/v1/contacts', 'PUT', 'GET, POST, HEAD'],
    ['/v1/messages', 'DELETE', 'POST'],
    ['/_sandbox/reset', 'PUT', 'POST'],
  ])('405 before the body on %s %s: malformed JSON, another type, an oversized body', async (url, method, allow) => {
    const { app, headers } = await createKeyedApp();
    const bodies: Array<[string, string | Buffer]> = [
      ['application/json', '{"name": '],
      ['text/plain', 'hello'],
      ['application/json', Buffer.alloc(1024 * 1024 + 1, 0x20)],
    ];
    for (const [type, payload] of bodies) {
      const auth = url.startsWith('/_sandbox') ? ADMIN : headers;
      const res = await app.inject({ method: method as 'GET', url, headers: { ...auth, 'content-type': type }, payload });
      expectError(res, 405, 'invalid_request', 'method_not_allowed');
      expect(res.headers.allow).toBe(allow);
    }
  });

  it('409 contact_exists and idempotency_mismatch', async () => {
    const { post } = await createKeyedApp();
    await post('/v1/contacts', { name: 'A', email: 'a@b.io' }, { 'idempotency-key': 'x' });
    expectError(await post('/v1/contacts', { name: 'B', email: 'A@b.io' }), 409, 'conflict', 'contact_exists', 'email');
    expectError(
      await post('/v1/contacts', { name: 'B', email: 'b@b.io' }, { 'idempotency-key': 'x' }),
      409,
      'conflict',
      'idempotency_mismatch',
      'Idempotency-Key',
    );
  });

  it('413 payload_too_large: a body over 1 MiB, and exactly 1 MiB is accepted', async () => {
    const { post } = await createKeyedApp();
    const pad = (size: number) => {
      const head = '{"name":"A","email":"a@b.io","pad":"';
      return head + 'x'.repeat(size - head.length - 2) + '"}';
    };
    expectError(await post('/v1/contacts', pad(1024 * 1024 + 1)), 413, 'invalid_request', 'payload_too_large');
    // Exactly 1 MiB passes the size check and fails on the unknown field instead.
    expectError(await post('/v1/contacts', pad(1024 * 1024)), 422, 'validation_error', 'validation_failed', 'pad');
  });

  it('415 unsupported_media_type: a POST body that is not JSON, or no body at all', async () => {
    const { app, headers } = await createKeyedApp();
    for (const url of ['/v1/contacts', '/v1/messages']) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': type }, payload: 'a=b' });
        expectError(res, 415, 'invalid_request', 'unsupported_media_type');
      }
      expectError(await app.inject({ method: 'POST', url, headers }), 415, 'invalid_request', 'unsupported_media_type');
    }
  });

  it('422 validation_failed names the field', async () => {
    const { post } = await createKeyedApp();
    expectError(await post('/v1/contacts', { name: 'A', email: 'nope' }), 422, 'validation_error', 'validation_failed', 'email');
  });

  it('429 rate_limited with Retry-After', async () => {
    const { get } = await createKeyedApp({ rateLimit: { capacity: 1, refillPerWindow: 1, windowMs: 60_000 } });
    expect((await get('/v1/contacts')).statusCode).toBe(200);
    const res = await get('/v1/contacts');
    expectError(res, 429, 'rate_limit_error', 'rate_limited');
    expect(res.headers['retry-after']).toBe('60');
  });

  it('500 internal_error: a failing store, without leaking internals', async () => {
    const onInternalError = vi.fn();
    const real = createSqliteStore({ file: ':memory:', seed: 1 });
    const store = {
      ...real,
      listContacts: () => {
        throw new Error('SQLITE_IOERR: disk I/O error in /secret/path');
      },
    };
    const { get } = await createKeyedApp({ onInternalError, store });
    const res = await get('/v1/contacts');
    expectError(res, 500, 'api_error', 'internal_error');
    expect(res.body).not.toMatch(/SQLITE|secret|disk/);
    expect(onInternalError).toHaveBeenCalledOnce();
    real.close();
  });

  it('sends every rate-limit header on every authenticated response, errors included', async () => {
    const { get, post } = await createKeyedApp();
    const responses = [
      await get('/v1/conversations'),
      await get('/v1/conversations/cv_nope'),
      await post('/v1/contacts', { name: 'A', email: 'a@b.io' }),
      await post('/v1/contacts', { name: 'A' }),
      await post('/v1/messages', '{'),
      await get('/v1/contacts?limit=0'),
    ];
    for (const res of responses) {
      for (const name of RATE_LIMIT_HEADERS) expect(res.headers[name], `${name} on ${res.statusCode}`).toBeDefined();
      expect(res.headers['x-request-id']).toMatch(/^req_/);
    }
  });
});
