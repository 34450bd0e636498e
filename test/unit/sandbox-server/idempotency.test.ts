import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS } from '../../../src-main/sandbox-server/http/idempotency';
import { createKey, createKeyedApp, expectError } from './helpers';

const contact = { name: 'Ada', email: 'ada@example.com' };

describe('Idempotency-Key on POST', () => {
  it('replays the first response for the same key and body, with Idempotent-Replayed: true, writing once', async () => {
    const { post, get } = await createKeyedApp();
    const first = await post('/v1/contacts', contact, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same body with keys in another order and other whitespace is the same request.
    const again = await post('/v1/contacts', '{ "email": "ada@example.com",  "name": "Ada" }', { 'idempotency-key': 'k-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.headers['x-ratelimit-remaining']).toBeDefined();
    const found = (await get('/v1/contacts?email=ada@example.com')).json();
    expect(found.data).toHaveLength(1);
  });

  it('answers the same key with another body with 409 idempotency_mismatch', async () => {
    const { post } = await createKeyedApp();
    expect((await post('/v1/contacts', contact, { 'idempotency-key': 'k-2' })).statusCode).toBe(201);
    const res = await post('/v1/contacts', { ...contact, name: 'Ada L.' }, { 'idempotency-key': 'k-2' });
    expectError(res, 409, 'conflict', 'idempotency_mismatch', 'Idempotency-Key');
    // Another endpoint is another request too.
    const other = await post('/v1/messages', { contact_id: 'ct_x', subject: 's', body: 'b' }, { 'idempotency-key': 'k-2' });
    expectError(other, 409, 'conflict', 'idempotency_mismatch', 'Idempotency-Key');
  });

  it('replays message creation too, so a retried send never duplicates a message', async () => {
    const { post, get } = await createKeyedApp();
    const conversations = (await get('/v1/conversations?limit=1')).json();
    const target = conversations.data[0];
    const body = { conversation_id: target.id, body: 'Once only' };
    const a = await post('/v1/messages', body, { 'idempotency-key': 'send-1' });
    const b = await post('/v1/messages', body, { 'idempotency-key': 'send-1' });
    expect(b.json()).toEqual(a.json());
    expect((await get(`/v1/conversations/${target.id}`)).json().message_count).toBe(target.message_count + 1);
  });

  it('forgets a key after 24 h', async () => {
    const { post, clock } = await createKeyedApp();
    const first = await post('/v1/contacts', contact, { 'idempotency-key': 'k-3' });
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect((await post('/v1/contacts', contact, { 'idempotency-key': 'k-3' })).headers['idempotent-replayed']).toBe('true');
    clock.advance(1);
    // No longer a replay: the request runs again and meets the contact it created the first time.
    const late = await post('/v1/contacts', contact, { 'idempotency-key': 'k-3' });
    expectError(late, 409, 'conflict', 'contact_exists', 'email');
    expect(first.statusCode).toBe(201);
  });

  it('stores only successes: a failed request can be corrected and retried with the same key', async () => {
    const { post } = await createKeyedApp();
    expectError(await post('/v1/contacts', { name: 'Ada' }, { 'idempotency-key': 'k-4' }), 422, 'validation_error', 'validation_failed', 'email');
    expect((await post('/v1/contacts', contact, { 'idempotency-key': 'k-4' })).statusCode).toBe(201);
  });

  it('keeps keys per workspace', async () => {
    const { app, post } = await createKeyedApp();
    await createKey(app, 'ws_acme', 'second');
    expect((await post('/v1/contacts', contact, { 'idempotency-key': 'shared' })).statusCode).toBe(201);
    // Another key of the same workspace replays.
    const second = await createKey(app, 'ws_acme', 'third');
    const replay = await app.inject({
      method: 'POST',
      url: '/v1/contacts',
      headers: { 'x-api-key': second.secret, 'content-type': 'application/json', 'idempotency-key': 'shared' },
      payload: JSON.stringify(contact),
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
  ])('rejects a key that is %s with 400 param Idempotency-Key', async (_label, key) => {
    const { post } = await createKeyedApp();
    expectError(await post('/v1/contacts', contact, { 'idempotency-key': key }), 400, 'invalid_request', 'invalid_request', 'Idempotency-Key');
  });

  it('accepts a key of exactly 255 characters', async () => {
    const { post } = await createKeyedApp();
    expect((await post('/v1/contacts', contact, { 'idempotency-key': 'k'.repeat(255) })).statusCode).toBe(201);
  });
});
