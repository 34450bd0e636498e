import type { ApiKeyRecord, ApiKeyStatus, Channel, Contact, Conversation, ConversationStatus, Message } from './model';
import { toRfc3339 } from './time';

export interface ContactRow {
  seq: number;
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  conversation_count: number;
  created_ms: number;
  updated_ms: number;
}

export interface ConversationRow {
  seq: number;
  id: string;
  workspace_id: string;
  contact_id: string;
  subject: string;
  status: ConversationStatus;
  channel: Channel;
  assignee: string | null;
  tags: string;
  message_count: number;
  created_ms: number;
  updated_ms: number;
  last_message_ms: number;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  author_type: Message['author']['type'];
  author_id: string;
  author_name: string;
  body: string;
  created_ms: number;
}

export interface ApiKeyRow {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  hash: Buffer;
  created_ms: number;
  last_used_ms: number | null;
  status: ApiKeyStatus;
}

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  object: 'contact',
  name: r.name,
  email: r.email,
  phone: r.phone,
  company: r.company,
  conversation_count: r.conversation_count,
  created_at: toRfc3339(r.created_ms),
  updated_at: toRfc3339(r.updated_ms),
});

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  object: 'conversation',
  subject: r.subject,
  status: r.status,
  channel: r.channel,
  contact_id: r.contact_id,
  assignee: r.assignee,
  tags: JSON.parse(r.tags) as string[],
  message_count: r.message_count,
  created_at: toRfc3339(r.created_ms),
  updated_at: toRfc3339(r.updated_ms),
  last_message_at: toRfc3339(r.last_message_ms),
});

export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  object: 'message',
  conversation_id: r.conversation_id,
  author: { type: r.author_type, id: r.author_id, name: r.author_name },
  body: r.body,
  created_at: toRfc3339(r.created_ms),
});

export const toApiKey = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  prefix: r.prefix,
  hash: r.hash,
  createdAt: r.created_ms,
  lastUsedAt: r.last_used_ms,
  status: r.status,
});
