import { describe, expect, it } from 'vitest';
import { generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { createKeyedApp, expectError } from './helpers';

const acme = () => generateSeed().find((s) => s.workspace.id === 'ws_acme')!;
const tiny = () => generateSeed().find((s) => s.workspace.id === 'ws_tiny')!;

interface Detail {
  id: string;
  message_count: number;
  messages: Array<{ id: string; conversation_id: string; created_at: string; author: { type: string } }>;
}

describe('GET /v1/conversations/{id}', () => {
  it('returns the conversation with all its messages, oldest first', async () => {
    const { get } = await createKeyedApp();
    const seeded = acme().conversations.find((c) => c.message_count >= 3)!;
    const res = await get(`/v1/conversations/${seeded.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Detail;
    const { messages, ...conversation } = body;
    expect(conversation).toEqual(seeded);
    expect(messages).toHaveLength(seeded.message_count);
    const times = messages.map((m) => m.created_at);
    expect([...times].sort()).toEqual(times);
    for (const m of messages) expect(m.conversation_id).toBe(seeded.id);
    expect(messages.map((m) => m.id)).toEqual(
      acme().messages.filter((m) => m.conversation_id === seeded.id).map((m) => m.id),
    );
  });

  it('answers an unknown id, and another workspace\u2019s conversation, with 404 param "id"', async () => {
    const { get } = await createKeyedApp();
    expectError(await get('/v1/conversations/cv_nope'), 404, 'invalid_request', 'not_found', 'id');
    expectError(await get(`/v1/conversations/${tiny().conversations[0]!.id}`), 404, 'invalid_request', 'not_found', 'id');
  });

  it('answers POST on the path with 405 and Allow: GET, HEAD', async () => {
    const { post } = await createKeyedApp();
    const res = await post(`/v1/conversations/${acme().conversations[0]!.id}`, {});
    expectError(res, 405, 'invalid_request', 'method_not_allowed');
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});
