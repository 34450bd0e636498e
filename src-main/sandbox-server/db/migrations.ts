import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Append-only: a released migration is never edited; a schema change is a new entry.
 * Timestamps are epoch milliseconds; `seq` (the rowid) breaks ties in newest-first order.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'workspaces, contacts, conversations, messages, api keys, idempotency, meta',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        plan TEXT NOT NULL CHECK (plan IN ('starter', 'growth', 'scale'))
      ) STRICT;
      CREATE TABLE contacts (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        email TEXT NOT NULL,
        email_lower TEXT NOT NULL,
        phone TEXT,
        company TEXT,
        conversation_count INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX contacts_email ON contacts (workspace_id, email_lower);
      CREATE INDEX contacts_newest ON contacts (workspace_id, created_ms DESC, seq DESC);
      CREATE TABLE conversations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        contact_id TEXT NOT NULL REFERENCES contacts(id),
        subject TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
        channel TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'api')),
        assignee TEXT,
        tags TEXT NOT NULL,
        message_count INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL,
        last_message_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conversations_newest ON conversations (workspace_id, created_ms DESC, seq DESC);
      CREATE INDEX conversations_status ON conversations (workspace_id, status, created_ms DESC, seq DESC);
      CREATE INDEX conversations_contact ON conversations (workspace_id, contact_id, created_ms DESC, seq DESC);
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        author_type TEXT NOT NULL CHECK (author_type IN ('contact', 'agent', 'api')),
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        body TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX messages_oldest ON messages (conversation_id, created_ms, seq);
      CREATE TABLE api_keys (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        hash BLOB NOT NULL UNIQUE,
        created_ms INTEGER NOT NULL,
        last_used_ms INTEGER,
        status TEXT NOT NULL CHECK (status IN ('active', 'revoked'))
      ) STRICT;
      CREATE INDEX api_keys_workspace ON api_keys (workspace_id, seq DESC);
      CREATE TABLE idempotency_keys (
        workspace_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, key)
      ) STRICT;
      CREATE INDEX idempotency_age ON idempotency_keys (created_ms);
    `,
  },
];

/** A data dir written by a newer sandbox: opening it could corrupt what this version does not know. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/** Applies every migration above the stored version, each in its own transaction. Returns the version. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new SchemaTooNewError(
      `The sandbox database is at schema version ${current}, newer than this sandbox (${latest}); use a newer sandbox or another data dir.`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, new Date().toISOString());
    })();
  }
  return latest;
}
