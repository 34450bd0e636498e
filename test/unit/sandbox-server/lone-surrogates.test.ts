import { describe, expect, it } from 'vitest';
import { generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { ADMIN, createKeyedApp, expectError } from './helpers';

const acme = () => generateSeed().find((s) => s.workspace.id === 'ws_acme')!;
const LONE_HIGH = 'Ada \ud800 Lovelace';
const LONE_LOW = 'x\udc00';

describe('text with a lone UTF-16 surrogate', () => {
  const contact = { name: 'Ada', email: 'ada.surrogate@example.com', phone: null, company: 'Analytical' };
  it.each([
    ['POST /v1/contacts', 'name', '/v1/contacts', () => ({ ...contact, name: LONE_HIGH })],
    ['POST /v1/contacts', 'email', '/v1/contacts', () => ({ ...contact, email: `ada${LONE_LOW}@example.com` })],
    ['POST /v1/contacts', 'company', '/v1/contacts', () => ({ ...contact, company: LONE_LOW })],
    ['POST /v1/messages (new conversation)', 'subject', '/v1/messages', () => ({ contact_id: acme().contacts[0]!.id, subject: LONE_HIGH, body: 'x' })],
    ['POST /v1/messages (new conversation)', 'body', '/v1/messages', () => ({ contact_id: acme().contacts[0]!.id, subject: 's', body: LONE_LOW })],
    ['POST /v1/messages (reply)', 'body', '/v1/messages', () => ({ conversation_id: acme().conversations[0]!.id, body: LONE_HIGH })],
  ])('%s answers 422 validation_failed naming %s, and stores nothing', async (_route, field, url, payload) => {
    const { post, get } = await createKeyedApp();
    const newest = async () =>
      Promise.all(['/v1/contacts?limit=1', '/v1/conversations?limit=1'].map(async (u) => (await get(u)).body));
    const before = await newest();
    const res = await post(url, payload());
    expectError(res, 422, 'validation_error', 'validation_failed', field);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/surrogate/);
    expect(await newest()).toEqual(before);
  });

  it('rejects a lone surrogate in an admin key name too', async () => {
    const { app } = await createKeyedApp();
    const res = await app.inject({
      method: 'POST',
      url: '/_sandbox/workspaces/ws_acme/api_keys',
      headers: { ...ADMIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: LONE_HIGH }),
    });
    expectError(res, 422, 'validation_error', 'validation_failed', 'name');
  });

  it('stores a full surrogate pair exactly', async () => {
    const { post } = await createKeyedApp();
    const res = await post('/v1/contacts', { ...contact, name: 'Ada \ud83d\ude00' });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { name: string }).name).toBe('Ada \ud83d\ude00');
  });
});
