import type {
  ApiKeyRecord,
  Contact,
  Conversation,
  ConversationDetail,
  ConversationStatus,
  Message,
  Workspace,
} from './model';
import type { PageResult } from './paginate';

export interface ConversationQuery {
  status?: ConversationStatus;
  contactId?: string;
  startingAfter?: string;
  limit: number;
}

export interface ContactQuery {
  /** Exact match, case-insensitive. */
  email?: string;
  /** Substring of name or email, case-insensitive. */
  q?: string;
  startingAfter?: string;
  limit: number;
}

export interface NewContact {
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
}

export type CreateContactResult = { ok: true; contact: Contact } | { ok: false; reason: 'email_taken' };

export interface NewReply {
  conversationId: string;
  body: string;
  author: Message['author'];
}

export interface NewConversation {
  contactId: string;
  subject: string;
  body: string;
  author: Message['author'];
}

/** A stored first response to a POST with an Idempotency-Key. */
export interface IdempotencyRecord {
  workspaceId: string;
  key: string;
  /** Method, path and canonical body of the first request. */
  fingerprint: string;
  status: number;
  /** The JSON response body, as sent. */
  body: string;
  createdAt: number;
}

export type ApiKeyPatch = Partial<Pick<ApiKeyRecord, 'status' | 'lastUsedAt'>>;

/**
 * What routes and services need from storage. Synchronous on purpose (better-sqlite3): a route's
 * read-check-write runs without an await in between, so no other request interleaves.
 */
export interface SandboxStore {
  listWorkspaces(): Workspace[];
  getWorkspace(id: string): Workspace | null;

  listConversations(workspaceId: string, query: ConversationQuery): PageResult<Conversation>;
  getConversation(workspaceId: string, id: string): ConversationDetail | null;
  listContacts(workspaceId: string, query: ContactQuery): PageResult<Contact>;
  createContact(workspaceId: string, input: NewContact, now: number): CreateContactResult;
  /** null: no such conversation in the workspace. */
  addReply(workspaceId: string, input: NewReply, now: number): Message | null;
  /** A new conversation with its first message; null: no such contact in the workspace. */
  startConversation(workspaceId: string, input: NewConversation, now: number): Message | null;

  insertApiKey(record: ApiKeyRecord): void;
  findApiKeyByHash(hash: Buffer): ApiKeyRecord | null;
  getApiKey(workspaceId: string, id: string): ApiKeyRecord | null;
  /** Newest first, revoked keys included. */
  listApiKeys(workspaceId: string): ApiKeyRecord[];
  updateApiKey(id: string, patch: ApiKeyPatch): void;

  findIdempotency(workspaceId: string, key: string): IdempotencyRecord | null;
  saveIdempotency(record: IdempotencyRecord): void;
  /** Forgets records created before `before` (epoch ms). */
  purgeIdempotency(before: number): void;

  /** Runs `fn` in one transaction: all its writes land, or none do. */
  atomically<T>(fn: () => T): T;
  /** The seed the data was generated from. */
  seed(): number;
  /** Wipes everything (keys included) and reseeds with `seed`. */
  reset(seed: number): void;
  close(): void;
}
