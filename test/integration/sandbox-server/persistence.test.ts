import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxApp } from '../../../src-main/sandbox-server/app';
import { MIGRATIONS, SchemaTooNewError } from '../../../src-main/sandbox-server/db/migrations';
import { DATABASE_FILE, openDatabase } from '../../../src-main/sandbox-server/db/open-database';
import { createSqliteStore } from '../../../src-main/sandbox-server/db/sqlite-store';
import { tempDir } from '../../helpers/temp-dir';
import { ADMIN, ADMIN_TOKEN, FakeClock } from '../../unit/sandbox-server/helpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dataDir(): string {
  const dir = tempDir('sandbox-db');
  cleanups.push(dir.cleanup);
  return dir.path;
}

describe('SQLite storage in the data dir', () => {
  it('keeps keys, contacts, messages and revocations across a restart', async () => {
    const dir = dataDir();
    const clock = new FakeClock();
    const first = createSandboxApp({ adminToken: ADMIN_TOKEN, clock, dataDir: dir, seed: 7 });
    const keyA = (await first.inject({ method: 'POST', url: '/_sandbox/workspaces/ws_acme/api_keys', headers: ADMIN, payload: { name: 'a' } })).json();
    const keyB = (await first.inject({ method: 'POST', url: '/_sandbox/workspaces/ws_acme/api_keys', headers: ADMIN, payload: { name: 'b' } })).json();
    const headers = { 'x-api-key': keyA.secret, 'content-type': 'application/json' };
    const contact = (await first.inject({ method: 'POST', url: '/v1/contacts', headers, payload: { name: 'P', email: 'p@q.io' } })).json();
    const message = (
      await first.inject({ method: 'POST', url: '/v1/messages', headers, payload: { contact_id: contact.id, subject: 'S', body: 'B' } })
    ).json();
    await first.inject({ method: 'DELETE', url: `/_sandbox/workspaces/ws_acme/api_keys/${keyB.id}`, headers: ADMIN });
    const page = (await first.inject({ url: '/v1/conversations?limit=50', headers })).json();
    await first.close();

    // Another --seed on restart does not reseed existing data.
    const second = createSandboxApp({ adminToken: ADMIN_TOKEN, clock, dataDir: dir, seed: 99 });
    expect((await second.inject({ url: '/v1/conversations?limit=50', headers })).json()).toEqual(page);
    const detail = (await second.inject({ url: `/v1/conversations/${message.conversation_id}`, headers })).json();
    expect(detail.messages).toEqual([message]);
    expect((await second.inject({ url: '/v1/contacts?email=p@q.io', headers })).json().data).toEqual([
      { ...contact, conversation_count: 1, updated_at: contact.updated_at },
    ]);
    const revoked = await second.inject({ url: '/v1/contacts', headers: { 'x-api-key': keyB.secret } });
    expect(revoked.json().error.code).toBe('revoked_api_key');
    const keys = (await second.inject({ url: '/_sandbox/workspaces/ws_acme/api_keys', headers: ADMIN })).json();
    expect(keys.map((k: { name: string; status: string }) => [k.name, k.status])).toEqual([
      ['b', 'revoked'],
      ['a', 'active'],
    ]);
    // Reset uses the seed the data was made with when none is given.
    const third = createSandboxApp({ adminToken: ADMIN_TOKEN, clock, dataDir: dir });
    await second.close();
    expect((await third.inject({ method: 'POST', url: '/_sandbox/reset', headers: ADMIN })).json().seed).toBe(7);
    await third.close();
  });

  it('uses WAL, synchronous=FULL and records the schema version', async () => {
    const dir = dataDir();
    const app = createSandboxApp({ adminToken: ADMIN_TOKEN, dataDir: dir });
    await app.ready();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
      await app.close();
    }
    const reopened = openDatabase(join(dir, DATABASE_FILE));
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // Reopening applies nothing twice.
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    reopened.close();
  });

  it('refuses a database from a newer sandbox with a clear error', () => {
    const file = join(dataDir(), DATABASE_FILE);
    openDatabase(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(/schema version 999.*another data dir/);
  });

  it('seeds 2,000 conversations with their messages in one quick transaction', () => {
    const file = join(dataDir(), DATABASE_FILE);
    const started = performance.now();
    const store = createSqliteStore({ file, seed: 3 });
    const elapsed = performance.now() - started;
    store.close();
    const db = new Database(file, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT COUNT(*) AS n FROM conversations WHERE workspace_id = 'ws_acme'")).toBe(2_000);
    expect(count("SELECT COUNT(*) AS n FROM contacts WHERE workspace_id = 'ws_acme'")).toBe(500);
    // message_count and conversation_count agree with the rows.
    expect(count('SELECT COUNT(*) AS n FROM conversations c WHERE message_count != (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM contacts t WHERE conversation_count != (SELECT COUNT(*) FROM conversations c WHERE c.contact_id = t.id)')).toBe(0);
    db.close();
    // Generous for slow CI; row-by-row autocommit (one fsync per row) would take many seconds.
    expect(elapsed).toBeLessThan(3_000);
  });
});
