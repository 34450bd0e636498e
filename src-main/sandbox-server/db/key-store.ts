import type { Database } from 'better-sqlite3';
import type { IdempotencyRecord, SandboxStore } from './store';
import type { ReadCache } from './read-cache';
import { toApiKey, type ApiKeyRow } from './rows';

type KeyStore = Pick<
  SandboxStore,
  | 'insertApiKey'
  | 'findApiKeyByHash'
  | 'getApiKey'
  | 'listApiKeys'
  | 'updateApiKey'
  | 'findIdempotency'
  | 'saveIdempotency'
  | 'purgeIdempotency'
>;

interface IdempotencyRow {
  workspace_id: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_ms: number;
}

/** API keys (hashes only) and stored Idempotency-Key responses. */
export function createKeyStore(db: Database, cache: ReadCache): KeyStore {
  const insertKey = db.prepare(`INSERT INTO api_keys (id, workspace_id, name, prefix, hash, created_ms, last_used_ms, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const keyByHash = db.prepare('SELECT * FROM api_keys WHERE hash = ?');
  const keyById = db.prepare('SELECT * FROM api_keys WHERE id = ? AND workspace_id = ?');
  const keysOf = db.prepare('SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY seq DESC');
  const setStatus = db.prepare('UPDATE api_keys SET status = ? WHERE id = ?');
  const setLastUsed = db.prepare('UPDATE api_keys SET last_used_ms = ? WHERE id = ?');
  const findIdem = db.prepare('SELECT * FROM idempotency_keys WHERE workspace_id = ? AND key = ?');
  const saveIdem = db.prepare(`INSERT INTO idempotency_keys (workspace_id, key, fingerprint, status, body, created_ms)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (workspace_id, key) DO UPDATE SET
      fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, created_ms = excluded.created_ms`);
  const purgeIdem = db.prepare('DELETE FROM idempotency_keys WHERE created_ms < ?');

  return {
    insertApiKey: (r) => {
      cache.invalidate();
      insertKey.run(r.id, r.workspaceId, r.name, r.prefix, r.hash, r.createdAt, r.lastUsedAt, r.status);
    },
    // Every authenticated request looks its key up; the cache drops it on revocation (below).
    findApiKeyByHash: (hash) => {
      const found = cache.get(`key:${hash.toString('hex')}`, () => {
        const row = keyByHash.get(hash) as ApiKeyRow | undefined;
        return row ? toApiKey(row) : null;
      });
      return found ? { ...found, hash: Buffer.from(found.hash) } : null;
    },
    getApiKey: (workspaceId, id) => {
      const row = keyById.get(id, workspaceId) as ApiKeyRow | undefined;
      return row ? toApiKey(row) : null;
    },
    listApiKeys: (workspaceId) => (keysOf.all(workspaceId) as ApiKeyRow[]).map(toApiKey),
    updateApiKey: (id, patch) => {
      cache.invalidate();
      db.transaction(() => {
        if (patch.status !== undefined) setStatus.run(patch.status, id);
        if (patch.lastUsedAt !== undefined) setLastUsed.run(patch.lastUsedAt, id);
      })();
    },
    findIdempotency: (workspaceId, key) => {
      const row = findIdem.get(workspaceId, key) as IdempotencyRow | undefined;
      if (!row) return null;
      const record: IdempotencyRecord = {
        workspaceId: row.workspace_id,
        key: row.key,
        fingerprint: row.fingerprint,
        status: row.status,
        body: row.body,
        createdAt: row.created_ms,
      };
      return record;
    },
    saveIdempotency: (r) => {
      saveIdem.run(r.workspaceId, r.key, r.fingerprint, r.status, r.body, r.createdAt);
    },
    purgeIdempotency: (before) => {
      purgeIdem.run(before);
    },
  };
}
