import { describe, expect, it } from 'vitest';
import type { ApiGateway } from '../../../../src-main/ports';
import type { AccessRecord } from '../../../../src-main/services/access-log/access-log-service';
import { ContactDirectory } from '../../../../src-main/services/inspector/contact-directory';
import { InspectorService } from '../../../../src-main/services/inspector/inspector-service';

const rate = { limit: 100, remaining: 5, burst: 200, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: 60 };
const contact = { id: 'ct_1', object: 'contact', name: 'Ada', email: 'ada@example.com', phone: null, company: null, conversation_count: 1, created_at: 'x', updated_at: 'x' };
const conv = { id: 'cv_1', object: 'conversation', subject: 'Secret plans', status: 'open', channel: 'email', contact_id: 'ct_1', assignee: null, tags: [], message_count: 1, created_at: 'x', updated_at: 'x', last_message_at: null };
const detail = { ...conv, messages: [{ id: 'msg_1', object: 'message', conversation_id: 'cv_1', author: { type: 'contact', id: 'ct_1', name: 'Ada' }, body: 'my body text', created_at: 'x' }] };

function inspector(status = 200) {
  const api: ApiGateway = {
    budgetFor: async () => 'b',
    async get(_k, path, query) {
      const body =
        path === '/v1/contacts'
          ? { object: 'list', data: [contact], has_more: false, next_cursor: null }
          : path === '/v1/conversations'
            ? { object: 'list', data: [conv], has_more: !query.starting_after, next_cursor: query.starting_after ? null : 'cv_1' }
            : detail;
      return { status, body: JSON.stringify(status === 200 ? body : { error: { code: 'not_found' } }), rateLimit: rate, receivedAt: 0, budgetId: 'b' };
    },
  };
  const access: AccessRecord[] = [];
  const contacts = new ContactDirectory();
  return { service: new InspectorService(api, { access: { record: (r) => void access.push(r) }, contacts }), access, contacts };
}

describe('InspectorService and the access log', () => {
  it('logs a contact opened (its first page of conversations, not Load more) and a conversation opened, by id only', async () => {
    const { service, access } = inspector();
    await service.conversations('key_1', 'ct_1');
    expect(access).toHaveLength(1);
    await service.conversations('key_1', 'ct_1', 'cv_1');
    expect(access).toHaveLength(1);
    await service.conversation('key_1', 'cv_1');
    expect(access).toEqual([
      { action: 'contact.opened', keyId: 'key_1', target: { contactId: 'ct_1' } },
      { action: 'conversation.opened', keyId: 'key_1', target: { conversationId: 'cv_1', contactId: 'ct_1' } },
    ]);
    expect(JSON.stringify(access)).not.toMatch(/body text|Secret plans|Ada/);
  });

  it('logs nothing for a read that failed (nothing was seen), and remembers what a search found', async () => {
    const failing = inspector(404);
    await expect(failing.service.conversation('key_1', 'cv_1')).rejects.toMatchObject({ code: 'api_error' });
    expect(failing.access).toEqual([]);
    const { service, contacts } = inspector();
    await service.search('key_1', 'ad');
    expect(contacts.get('ct_1')).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });
});
