import { describe, expect, it } from 'vitest';
import { generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { createKeyedApp, expectError } from './helpers';

const acme = () => generateSeed().find((s) => s.workspace.id === 'ws_acme')!;
const tiny = () => generateSeed().find((s) => s.workspace.id === 'ws_tiny')!;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('POST /v1/messages, reply form', () => {
  it('adds the message last in the conversation and updates message_count and last_message_at', async () => {
    const { post, get, clock, key } = await createKeyedApp();
    const conversation = acme().conversations[10]!;
    clock.advance(5_000);
    const res = await post('/v1/messages', { conversation_id: conversation.id, body: 'On it!' });
    expect(res.statusCode).toBe(201);
    const message = res.json();
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_/),
      object: 'message',
      conversation_id: conversation.id,
      author: { type: 'api', id: key.id, name: key.name },
      body: 'On it!',
      created_at: iso(clock.now()),
    });
    const detail = (await get(`/v1/conversations/${conversation.id}`)).json();
    expect(detail.message_count).toBe(conversation.message_count + 1);
    expect(detail.messages).toHaveLength(conversation.message_count + 1);
    expect(detail.messages.at(-1)).toEqual(message);
    expect(detail.last_message_at).toBe(iso(clock.now()));
    expect(detail.updated_at).toBe(iso(clock.now()));
    expect(detail.created_at).toBe(conversation.created_at);
  });

  it('answers an unknown conversation, or another workspace\u2019s, with 404 param conversation_id', async () => {
    const { post } = await createKeyedApp();
    for (const id of ['cv_nope', tiny().conversations[0]!.id]) {
      expectError(await post('/v1/messages', { conversation_id: id, body: 'x' }), 404, 'invalid_request', 'not_found', 'conversation_id');
    }
  });
});

describe('POST /v1/messages, new conversation form', () => {
  it('creates an open api conversation, first in the list, and counts it on the contact', async () => {
    const { post, get, clock } = await createKeyedApp();
    const contact = acme().contacts[3]!;
    const res = await post('/v1/messages', { contact_id: contact.id, subject: 'Welcome', body: 'Hello there' });
    expect(res.statusCode).toBe(201);
    const message = res.json();
    const list = (await get('/v1/conversations?limit=1')).json();
    expect(list.data[0]).toEqual({
      id: message.conversation_id,
      object: 'conversation',
      subject: 'Welcome',
      status: 'open',
      channel: 'api',
      contact_id: contact.id,
      assignee: null,
      tags: [],
      message_count: 1,
      created_at: iso(clock.now()),
      updated_at: iso(clock.now()),
      last_message_at: iso(clock.now()),
    });
    const detail = (await get(`/v1/conversations/${message.conversation_id}`)).json();
    expect(detail.messages).toEqual([message]);
    const after = (await get(`/v1/contacts?email=${encodeURIComponent(contact.email)}`)).json();
    expect(after.data[0].conversation_count).toBe(contact.conversation_count + 1);
    const byContact = (await get(`/v1/conversations?contact_id=${contact.id}&limit=100`)).json();
    expect(byContact.data).toHaveLength(contact.conversation_count + 1);
  });

  it('answers an unknown contact with 404 param contact_id and creates nothing', async () => {
    const { post, get } = await createKeyedApp();
    const before = (await get('/v1/conversations?limit=1')).json();
    expectError(
      await post('/v1/messages', { contact_id: 'ct_nope', subject: 's', body: 'b' }),
      404,
      'invalid_request',
      'not_found',
      'contact_id',
    );
    expect((await get('/v1/conversations?limit=1')).json().data).toEqual(before.data);
  });
});

describe('POST /v1/messages validation', () => {
  const conversationId = () => acme().conversations[0]!.id;
  it.each([
    ['neither form', () => ({ body: 'x' }), 'conversation_id'],
    ['both forms', () => ({ conversation_id: conversationId(), contact_id: 'ct_x', body: 'x' }), 'contact_id'],
    ['an empty body', () => ({ conversation_id: conversationId(), body: '' }), 'body'],
    ['a blank body', () => ({ conversation_id: conversationId(), body: '   ' }), 'body'],
    ['a body over 10,000 characters', () => ({ conversation_id: conversationId(), body: 'x'.repeat(10_001) }), 'body'],
    ['a missing subject', () => ({ contact_id: acme().contacts[0]!.id, body: 'x' }), 'subject'],
    ['a numeric conversation_id', () => ({ conversation_id: 7, body: 'x' }), 'conversation_id'],
    ['an unknown field', () => ({ conversation_id: conversationId(), body: 'x', urgent: true }), 'urgent'],
    ['a string body', () => 'hello', null],
  ])('answers %s with 422 validation_failed', async (_label, payload, param) => {
    const { post } = await createKeyedApp();
    expectError(await post('/v1/messages', JSON.stringify(payload())), 422, 'validation_error', 'validation_failed', param);
  });

  it('accepts a body of exactly 10,000 characters', async () => {
    const { post } = await createKeyedApp();
    expect((await post('/v1/messages', { conversation_id: conversationId(), body: 'x'.repeat(10_000) })).statusCode).toBe(201);
  });
});
