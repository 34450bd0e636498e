import { describe, expect, it } from 'vitest';
import { checkKeyFormat } from '../../../src-main/helplane/key-format';
import { ADMIN, ADMIN_TOKEN, createKey, createTestApp, expectError, listConversations } from './helpers';

const keysUrl = (ws: string) => `/_sandbox/workspaces/${ws}/api_keys`;

describe('sandbox admin routes', () => {
  it.each([
    ['no header', {}, 'missing_admin_token'],
    ['a wrong token', { authorization: 'Bearer wrong-token' }, 'invalid_admin_token'],
    ['another scheme', { authorization: `Basic ${ADMIN_TOKEN}` }, 'missing_admin_token'],
    ['an API key', { 'x-api-key': ADMIN_TOKEN }, 'missing_admin_token'],
  ])('answers %s with 401', async (_label, headers, code) => {
    const { app } = createTestApp();
    for (const [method, url] of [
      ['GET', '/_sandbox/workspaces'],
      ['GET', keysUrl('ws_acme')],
      ['POST', keysUrl('ws_acme')],
      ['DELETE', `${keysUrl('ws_acme')}/key_x`],
    ] as const) {
      const res = await app.inject({ method, url, headers, ...(method === 'POST' ? { payload: { name: 'x' } } : {}) });
      expectError(res, 401, 'authentication_error', code);
    }
  });

  it('lists the seeded workspaces with their plans', async () => {
    const { app } = createTestApp();
    const res = await app.inject({ url: '/_sandbox/workspaces', headers: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: 'ws_acme', name: 'Acme Support', plan: 'growth' },
      { id: 'ws_tiny', name: 'Tiny Shop', plan: 'starter' },
    ]);
  });

  it('returns the secret once at creation, and the list never shows it', async () => {
    const { app, clock } = createTestApp();
    const created = await app.inject({ method: 'POST', url: keysUrl('ws_acme'), headers: ADMIN, payload: { name: 'CI' } });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(Object.keys(key).sort()).toEqual(['created_at', 'id', 'last_used_at', 'name', 'prefix', 'secret', 'status']);
    expect(key).toMatchObject({ name: 'CI', status: 'active', last_used_at: null });
    expect(key.id).toMatch(/^key_/);
    expect(key.created_at).toBe(new Date(clock.now()).toISOString().replace('.000Z', 'Z'));
    expect(checkKeyFormat(key.secret)).toEqual({ ok: true, mode: 'test' });
    expect(key.prefix).toBe(key.secret.slice(0, 12));

    const list = await app.inject({ url: keysUrl('ws_acme'), headers: ADMIN });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.secret);
    expect(list.json()).toEqual([
      { id: key.id, name: 'CI', prefix: key.prefix, created_at: key.created_at, last_used_at: null, status: 'active' },
    ]);
  });

  it('lists keys newest first, per workspace', async () => {
    const { app } = createTestApp();
    const first = await createKey(app, 'ws_acme', 'first');
    const second = await createKey(app, 'ws_acme', 'second');
    const tiny = await createKey(app, 'ws_tiny', 'tiny');
    const acme = (await app.inject({ url: keysUrl('ws_acme'), headers: ADMIN })).json() as Array<{ id: string }>;
    expect(acme.map((k) => k.id)).toEqual([second.id, first.id]);
    const tinyList = (await app.inject({ url: keysUrl('ws_tiny'), headers: ADMIN })).json() as Array<{ id: string }>;
    expect(tinyList.map((k) => k.id)).toEqual([tiny.id]);
  });

  it('revokes idempotently and shows the key as revoked', async () => {
    const { app } = createTestApp();
    const key = await createKey(app);
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'DELETE', url: `${keysUrl('ws_acme')}/${key.id}`, headers: ADMIN });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: key.id, status: 'revoked' });
      expect(res.json().secret).toBeUndefined();
    }
    const list = (await app.inject({ url: keysUrl('ws_acme'), headers: ADMIN })).json();
    expect(list[0]).toMatchObject({ id: key.id, status: 'revoked' });
  });

  it('answers unknown workspaces and keys with 404', async () => {
    const { app } = createTestApp();
    const key = await createKey(app, 'ws_acme');
    expectError(await app.inject({ url: keysUrl('ws_nope'), headers: ADMIN }), 404, 'invalid_request', 'not_found', 'ws');
    expectError(
      await app.inject({ method: 'POST', url: keysUrl('ws_nope'), headers: ADMIN, payload: { name: 'x' } }),
      404,
      'invalid_request',
      'not_found',
      'ws',
    );
    expectError(
      await app.inject({ method: 'DELETE', url: `${keysUrl('ws_acme')}/key_nope`, headers: ADMIN }),
      404,
      'invalid_request',
      'not_found',
      'id',
    );
    // A key cannot be revoked through another workspace's path.
    expectError(
      await app.inject({ method: 'DELETE', url: `${keysUrl('ws_tiny')}/${key.id}`, headers: ADMIN }),
      404,
      'invalid_request',
      'not_found',
      'id',
    );
  });

  it('validates the create body: 422 for a bad name, 400 for bad JSON, 415 for non-JSON', async () => {
    const { app } = createTestApp();
    const post = (payload: string, contentType = 'application/json') =>
      app.inject({ method: 'POST', url: keysUrl('ws_acme'), headers: { ...ADMIN, 'content-type': contentType }, payload });
    expectError(await post('{}'), 422, 'validation_error', 'validation_failed', 'name');
    expectError(await post('{"name":"   "}'), 422, 'validation_error', 'validation_failed', 'name');
    expectError(await post(JSON.stringify({ name: 'x'.repeat(201) })), 422, 'validation_error', 'validation_failed', 'name');
    expectError(await post('[]'), 422, 'validation_error', 'validation_failed', null);
    expectError(await post('{"name":'), 400, 'invalid_request', 'invalid_json');
    expectError(await post('name=x', 'text/plain'), 415, 'invalid_request', 'unsupported_media_type');
  });

  it('updates last_used_at on use, at most once per 60 s', async () => {
    const { app, clock } = createTestApp();
    const key = await createKey(app);
    const lastUsed = async () =>
      ((await app.inject({ url: keysUrl('ws_acme'), headers: ADMIN })).json() as Array<{ last_used_at: string | null }>)[0]
        ?.last_used_at;
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

    const t0 = clock.now();
    await listConversations(app, key.secret);
    expect(await lastUsed()).toBe(iso(t0));
    clock.advance(59_000);
    await listConversations(app, key.secret);
    expect(await lastUsed()).toBe(iso(t0));
    clock.advance(1_000);
    await listConversations(app, key.secret);
    expect(await lastUsed()).toBe(iso(t0 + 60_000));
  });
});
