import { describe, expect, it } from 'vitest';
import { ADMIN, createKeyedApp, expectError } from './helpers';

describe('POST /_sandbox/reset', () => {
  it('needs the admin token', async () => {
    const { app } = await createKeyedApp();
    expectError(await app.inject({ method: 'POST', url: '/_sandbox/reset' }), 401, 'authentication_error', 'missing_admin_token');
  });

  it('wipes keys and API-made data, reseeds the same data, and refills the buckets', async () => {
    const { app, get, post, key } = await createKeyedApp();
    const before = (await get('/v1/conversations?limit=100')).json();
    await post('/v1/contacts', { name: 'A', email: 'a@b.io' });
    await post('/v1/messages', { conversation_id: before.data[0].id, body: 'hi' });

    const res = await app.inject({ method: 'POST', url: '/_sandbox/reset', headers: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ object: 'sandbox_reset', seed: 1 });
    expect(res.headers['x-ratelimit-remaining']).toBeUndefined();

    // The old key is gone with everything else: not revoked, unknown.
    expectError(await get('/v1/conversations'), 401, 'authentication_error', 'invalid_api_key');
    const keys = await app.inject({ url: '/_sandbox/workspaces/ws_acme/api_keys', headers: ADMIN });
    expect(keys.json()).toEqual([]);
    expect(key.secret).toMatch(/^hl_test_/);

    const fresh = await app.inject({
      method: 'POST',
      url: '/_sandbox/workspaces/ws_acme/api_keys',
      headers: ADMIN,
      payload: { name: 'after reset' },
    });
    const after = await app.inject({ url: '/v1/conversations?limit=100', headers: { 'x-api-key': fresh.json().secret } });
    expect(after.json()).toEqual(before);
    expect(after.headers['x-ratelimit-remaining']).toBe('199');
    const contacts = await app.inject({ url: '/v1/contacts?email=a@b.io', headers: { 'x-api-key': fresh.json().secret } });
    expect(contacts.json().data).toEqual([]);
  });

  it('answers GET with 405 and Allow: POST', async () => {
    const { app } = await createKeyedApp();
    const res = await app.inject({ url: '/_sandbox/reset', headers: ADMIN });
    expectError(res, 405, 'invalid_request', 'method_not_allowed');
    expect(res.headers.allow).toBe('POST');
  });
});
