import { describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../../src-main/helplane/key-format';
import { ADMIN, createKey, createTestApp, expectError, listConversations } from './helpers';

describe('sandbox /v1 authentication', () => {
  it('answers a request without X-API-Key with 401 missing_api_key', async () => {
    const { app } = createTestApp();
    expectError(await listConversations(app, undefined), 401, 'authentication_error', 'missing_api_key');
  });

  it('answers an unknown but well-formed key with 401 invalid_api_key', async () => {
    const { app } = createTestApp();
    await createKey(app);
    expectError(await listConversations(app, generateKey('test')), 401, 'authentication_error', 'invalid_api_key');
  });

  it('answers a key with a typo (bad checksum) with 401 invalid_api_key', async () => {
    const { app } = createTestApp();
    const { secret } = await createKey(app);
    const last = secret.at(-1) === 'a' ? 'b' : 'a';
    const typo = secret.slice(0, -1) + last;
    const res = await listConversations(app, typo);
    expectError(res, 401, 'authentication_error', 'invalid_api_key');
    expect(res.json().error.message).toMatch(/checksum/);
  });

  it('accepts a fresh key and rejects it with 401 revoked_api_key right after revocation', async () => {
    const { app } = createTestApp();
    const key = await createKey(app);
    expect((await listConversations(app, key.secret)).statusCode).toBe(200);

    const revoke = await app.inject({
      method: 'DELETE',
      url: `/_sandbox/workspaces/ws_acme/api_keys/${key.id}`,
      headers: ADMIN,
    });
    expect(revoke.statusCode).toBe(200);
    expectError(await listConversations(app, key.secret), 401, 'authentication_error', 'revoked_api_key');
  });

  it('answers keys of a starter-plan workspace with 403 plan_not_eligible, with rate-limit headers', async () => {
    const { app } = createTestApp();
    const key = await createKey(app, 'ws_tiny');
    const res = await listConversations(app, key.secret);
    expectError(res, 403, 'permission_error', 'plan_not_eligible');
    expect(res.headers['x-workspace-id']).toBe('ws_tiny');
    expect(res.headers['x-ratelimit-remaining']).toBeDefined();
  });

  it('gives every response its own X-Request-Id of the form req_<random>', async () => {
    const { app } = createTestApp();
    const key = await createKey(app);
    const responses = [
      await listConversations(app, key.secret),
      await listConversations(app, undefined),
      await app.inject({ url: '/nowhere' }),
      await app.inject({ url: '/_sandbox/workspaces', headers: ADMIN }),
    ];
    const ids = responses.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{16,}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ignores a client-supplied request id', async () => {
    const { app } = createTestApp();
    const res = await app.inject({ url: '/nowhere', headers: { 'x-request-id': 'req_forged' } });
    expect(res.headers['x-request-id']).not.toBe('req_forged');
  });

  it('answers unknown paths with 404 not_found in the error shape', async () => {
    const { app } = createTestApp();
    expectError(await app.inject({ url: '/v1/nope' }), 404, 'invalid_request', 'not_found');
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const { app } = createTestApp();
    const key = await createKey(app);
    const res = await app.inject({ method: 'DELETE', url: '/v1/conversations', headers: { 'x-api-key': key.secret } });
    expectError(res, 405, 'invalid_request', 'method_not_allowed');
    expect(res.headers.allow).toContain('GET');
  });

  it('turns a thrown error into 500 internal_error without leaking its message or stack', async () => {
    const onInternalError = vi.fn();
    const { app } = createTestApp({ onInternalError });
    app.get('/boom', async () => {
      throw new Error('kaboom: secret internals');
    });
    const res = await app.inject({ url: '/boom' });
    expectError(res, 500, 'api_error', 'internal_error');
    expect(res.body).not.toContain('kaboom');
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});
