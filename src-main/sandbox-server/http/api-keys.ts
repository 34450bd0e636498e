import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { checkKeyFormat, generateKey, keyPrefix } from '../../helplane/key-format';
import type { ApiKeyRecord, ApiKeyStatus, Workspace } from '../db/model';
import type { SandboxStore } from '../db/store';
import type { SandboxClock } from '../options';
import { toRfc3339 } from '../db/time';

/** last_used_at is written at most this often per key, bounding writes under load. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  status: ApiKeyStatus;
}

export type AuthResult =
  | { ok: true; key: ApiKeyRecord; workspace: Workspace }
  | { ok: false; code: 'invalid_api_key' | 'revoked_api_key'; message: string };

export function toKeyView(record: ApiKeyRecord): ApiKeyView {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    created_at: toRfc3339(record.createdAt),
    last_used_at: record.lastUsedAt === null ? null : toRfc3339(record.lastUsedAt),
    status: record.status,
  };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Issues, lists, revokes and checks keys; the store only ever sees hashes. */
export class ApiKeyService {
  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
  ) {}

  /** The returned secret exists nowhere else: the caller shows it once. */
  create(workspaceId: string, name: string): { record: ApiKeyRecord; secret: string } {
    const secret = generateKey('test');
    const record: ApiKeyRecord = {
      id: `key_${randomBytes(10).toString('hex')}`,
      workspaceId,
      name,
      prefix: keyPrefix(secret),
      hash: sha256(secret),
      createdAt: this.clock.now(),
      lastUsedAt: null,
      status: 'active',
    };
    this.store.insertApiKey(record);
    return { record, secret };
  }

  list(workspaceId: string): ApiKeyRecord[] {
    return this.store.listApiKeys(workspaceId);
  }

  /** Idempotent: revoking a revoked key returns it unchanged; null if there is no such key. */
  revoke(workspaceId: string, id: string): ApiKeyRecord | null {
    const record = this.store.getApiKey(workspaceId, id);
    if (!record) return null;
    if (record.status !== 'revoked') this.store.updateApiKey(id, { status: 'revoked' });
    return { ...record, status: 'revoked' };
  }

  authenticate(secret: string): AuthResult {
    const format = checkKeyFormat(secret);
    if (!format.ok) {
      const why = format.reason === 'checksum' ? 'its checksum does not match (a typo?)' : 'it is not a Helplane key';
      return { ok: false, code: 'invalid_api_key', message: `The API key is invalid: ${why}.` };
    }
    const hash = sha256(secret);
    const record = this.store.findApiKeyByHash(hash);
    // The lookup is by hash already; the constant-time compare guards any future store that is not.
    if (!record || !timingSafeEqual(record.hash, hash)) {
      return { ok: false, code: 'invalid_api_key', message: 'The API key is not known to this server.' };
    }
    if (record.status === 'revoked') {
      return { ok: false, code: 'revoked_api_key', message: 'The API key has been revoked; create a new one.' };
    }
    const workspace = this.store.getWorkspace(record.workspaceId);
    if (!workspace) throw new Error(`key ${record.id} belongs to missing workspace ${record.workspaceId}`);
    return { ok: true, key: this.touch(record), workspace };
  }

  private touch(record: ApiKeyRecord): ApiKeyRecord {
    const now = this.clock.now();
    if (record.lastUsedAt !== null && now - record.lastUsedAt < LAST_USED_RESOLUTION_MS) return record;
    this.store.updateApiKey(record.id, { lastUsedAt: now });
    return { ...record, lastUsedAt: now };
  }
}
