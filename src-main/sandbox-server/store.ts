import type { ApiKeyRecord, Conversation, ConversationStatus, Workspace } from './model';
import { paginate, type PageResult } from './paginate';
import { generateSeed, type SeededWorkspace } from './seed';

export interface ConversationQuery {
  status?: ConversationStatus;
  contactId?: string;
  startingAfter?: string;
  limit: number;
}

export type ApiKeyPatch = Partial<Pick<ApiKeyRecord, 'status' | 'lastUsedAt'>>;

/**
 * What routes and services need from storage. Synchronous on purpose: the SQLite store that
 * replaces the in-memory one will use a synchronous driver, and routes stay simple.
 */
export interface SandboxStore {
  listWorkspaces(): Workspace[];
  getWorkspace(id: string): Workspace | null;
  listConversations(workspaceId: string, query: ConversationQuery): PageResult<Conversation>;
  insertApiKey(record: ApiKeyRecord): void;
  findApiKeyByHash(hash: Buffer): ApiKeyRecord | null;
  getApiKey(workspaceId: string, id: string): ApiKeyRecord | null;
  /** Newest first, revoked keys included. */
  listApiKeys(workspaceId: string): ApiKeyRecord[];
  updateApiKey(id: string, patch: ApiKeyPatch): void;
}

/** The thin slice's store: seed data and keys in memory, gone when the process ends. */
export function createMemoryStore(seed: number): SandboxStore {
  const seeded = new Map<string, SeededWorkspace>(generateSeed(seed).map((s) => [s.workspace.id, s]));
  // Insertion order is creation order; lists reverse it to show newest first.
  const keysById = new Map<string, ApiKeyRecord>();
  const keyIdByHash = new Map<string, string>();
  // Copies, so callers cannot change stored state without going through the store (as with SQL).
  const copy = (record: ApiKeyRecord): ApiKeyRecord => ({ ...record, hash: Buffer.from(record.hash) });

  return {
    listWorkspaces: () => [...seeded.values()].map((s) => ({ ...s.workspace })),
    getWorkspace: (id) => {
      const found = seeded.get(id);
      return found ? { ...found.workspace } : null;
    },
    listConversations: (workspaceId, query) =>
      paginate(
        seeded.get(workspaceId)?.conversations ?? [],
        (c) =>
          (query.status === undefined || c.status === query.status) &&
          (query.contactId === undefined || c.contact_id === query.contactId),
        query.startingAfter,
        query.limit,
      ),
    insertApiKey: (record) => {
      if (keysById.has(record.id)) throw new Error(`duplicate api key id ${record.id}`);
      keysById.set(record.id, copy(record));
      keyIdByHash.set(record.hash.toString('hex'), record.id);
    },
    findApiKeyByHash: (hash) => {
      const id = keyIdByHash.get(hash.toString('hex'));
      const record = id === undefined ? undefined : keysById.get(id);
      return record ? copy(record) : null;
    },
    getApiKey: (workspaceId, id) => {
      const record = keysById.get(id);
      return record && record.workspaceId === workspaceId ? copy(record) : null;
    },
    listApiKeys: (workspaceId) =>
      [...keysById.values()]
        .filter((k) => k.workspaceId === workspaceId)
        .reverse()
        .map(copy),
    updateApiKey: (id, patch) => {
      const record = keysById.get(id);
      if (!record) throw new Error(`unknown api key id ${id}`);
      keysById.set(id, { ...record, ...patch });
    },
  };
}
