import type { Database } from 'better-sqlite3';
import type { SeededWorkspace } from '../seed/seed';

const ms = (rfc3339: string): number => Date.parse(rfc3339);

/** Deletes every row of the data tables, children first (foreign keys are on). */
export function wipe(db: Database): void {
  for (const table of ['idempotency_keys', 'api_keys', 'messages', 'conversations', 'contacts', 'workspaces', 'meta']) {
    db.exec(`DELETE FROM ${table}`);
  }
}

/**
 * Inserts the seed, oldest first so that `seq` grows with time (it breaks created_ms ties the way
 * the seed orders them). The caller wraps this in one transaction: ~20,000 rows in one commit.
 */
export function writeSeed(db: Database, seeded: readonly SeededWorkspace[], seed: number): void {
  const workspace = db.prepare('INSERT INTO workspaces (id, name, plan) VALUES (?, ?, ?)');
  const contact = db.prepare(`INSERT INTO contacts
    (id, workspace_id, name, name_lower, email, email_lower, phone, company, conversation_count, created_ms, updated_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const conversation = db.prepare(`INSERT INTO conversations
    (id, workspace_id, contact_id, subject, status, channel, assignee, tags, message_count, created_ms, updated_ms, last_message_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const message = db.prepare(`INSERT INTO messages
    (id, conversation_id, author_type, author_id, author_name, body, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('seed', String(seed));
  for (const s of seeded) {
    const ws = s.workspace.id;
    workspace.run(ws, s.workspace.name, s.workspace.plan);
    for (let i = s.contacts.length - 1; i >= 0; i--) {
      const c = s.contacts[i]!;
      contact.run(c.id, ws, c.name, c.name.toLowerCase(), c.email, c.email.toLowerCase(), c.phone, c.company,
        c.conversation_count, ms(c.created_at), ms(c.updated_at));
    }
    for (let i = s.conversations.length - 1; i >= 0; i--) {
      const v = s.conversations[i]!;
      conversation.run(v.id, ws, v.contact_id, v.subject, v.status, v.channel, v.assignee, JSON.stringify(v.tags),
        v.message_count, ms(v.created_at), ms(v.updated_at), ms(v.last_message_at));
    }
    for (const m of s.messages) {
      message.run(m.id, m.conversation_id, m.author.type, m.author.id, m.author.name, m.body, ms(m.created_at));
    }
  }
}
