import type { Database } from 'better-sqlite3';
import { newId } from './ids';
import type { Message } from './model';
import type { SandboxStore } from './store';
import { toRfc3339 } from './time';
import { PageQuery, type Condition } from './page-query';
import type { ReadCache } from './read-cache';
import { toContact, toConversation, toMessage, type ContactRow, type ConversationRow, type MessageRow } from './rows';

type ResourceStore = Pick<
  SandboxStore,
  'listConversations' | 'getConversation' | 'listContacts' | 'createContact' | 'addReply' | 'startConversation'
>;

/** Contacts, conversations and messages: reads and the multi-row writes that keep counts right. */
export function createResourceStore(db: Database, cache: ReadCache): ResourceStore {
  const conversationPages = new PageQuery<ConversationRow>(db, 'conversations', cache);
  const contactPages = new PageQuery<ContactRow>(db, 'contacts', cache);
  const conversationById = db.prepare('SELECT * FROM conversations WHERE id = ? AND workspace_id = ?');
  const messagesOf = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_ms, seq');
  const contactById = db.prepare('SELECT * FROM contacts WHERE id = ? AND workspace_id = ?');
  const contactByEmail = db.prepare('SELECT 1 FROM contacts WHERE workspace_id = ? AND email_lower = ?');
  const insertContact = db.prepare(`INSERT INTO contacts
    (id, workspace_id, name, name_lower, email, email_lower, phone, company, conversation_count, created_ms, updated_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const insertConversation = db.prepare(`INSERT INTO conversations
    (id, workspace_id, contact_id, subject, status, channel, assignee, tags, message_count, created_ms, updated_ms, last_message_ms)
    VALUES (?, ?, ?, ?, 'open', 'api', NULL, '[]', 1, ?, ?, ?)`);
  const insertMessage = db.prepare(`INSERT INTO messages
    (id, conversation_id, author_type, author_id, author_name, body, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const bumpConversation = db.prepare(`UPDATE conversations
    SET message_count = message_count + 1, last_message_ms = ?, updated_ms = ? WHERE id = ?`);
  const bumpContact = db.prepare(
    'UPDATE contacts SET conversation_count = conversation_count + 1, updated_ms = ? WHERE id = ?',
  );

  const addMessage = (conversationId: string, body: string, author: Message['author'], now: number): Message => {
    const id = newId('msg');
    insertMessage.run(id, conversationId, author.type, author.id, author.name, body, now);
    return { id, object: 'message', conversation_id: conversationId, author, body, created_at: toRfc3339(now) };
  };

  return {
    listConversations: (workspaceId, query) => {
      const conditions: Condition[] = [];
      if (query.status !== undefined) conditions.push({ sql: 'status = ?', params: [query.status] });
      if (query.contactId !== undefined) conditions.push({ sql: 'contact_id = ?', params: [query.contactId] });
      return conversationPages.run(
        { workspaceId, conditions, startingAfter: query.startingAfter, limit: query.limit },
        toConversation,
      );
    },
    getConversation: (workspaceId, id) => {
      const row = conversationById.get(id, workspaceId) as ConversationRow | undefined;
      if (!row) return null;
      return { ...toConversation(row), messages: (messagesOf.all(id) as MessageRow[]).map(toMessage) };
    },
    listContacts: (workspaceId, query) => {
      const conditions: Condition[] = [];
      if (query.email !== undefined) conditions.push({ sql: 'email_lower = ?', params: [query.email.toLowerCase()] });
      if (query.q !== undefined && query.q !== '') {
        // instr, not LIKE: no wildcard escaping, and both sides are lower-cased by JS the same way.
        const q = query.q.toLowerCase();
        conditions.push({ sql: '(instr(name_lower, ?) > 0 OR instr(email_lower, ?) > 0)', params: [q, q] });
      }
      return contactPages.run(
        { workspaceId, conditions, startingAfter: query.startingAfter, limit: query.limit },
        toContact,
      );
    },
    createContact: (workspaceId, input, now) => {
      const emailLower = input.email.toLowerCase();
      if (contactByEmail.get(workspaceId, emailLower)) return { ok: false, reason: 'email_taken' };
      const id = newId('ct');
      cache.invalidate();
      insertContact.run(id, workspaceId, input.name, input.name.toLowerCase(), input.email, emailLower,
        input.phone, input.company, now, now);
      return { ok: true, contact: toContact(contactById.get(id, workspaceId) as ContactRow) };
    },
    addReply: (workspaceId, input, now) =>
      db.transaction(() => {
        if (!conversationById.get(input.conversationId, workspaceId)) return null;
        cache.invalidate();
        bumpConversation.run(now, now, input.conversationId);
        return addMessage(input.conversationId, input.body, input.author, now);
      })(),
    startConversation: (workspaceId, input, now) =>
      db.transaction(() => {
        if (!contactById.get(input.contactId, workspaceId)) return null;
        cache.invalidate();
        const conversationId = newId('cv');
        insertConversation.run(conversationId, workspaceId, input.contactId, input.subject, now, now, now);
        bumpContact.run(now, input.contactId);
        return addMessage(conversationId, input.body, input.author, now);
      })(),
  };
}
