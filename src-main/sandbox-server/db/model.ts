/** The sandbox's resources, shaped exactly as the API spec's Resources section returns them. */

export type Plan = 'starter' | 'growth' | 'scale';

export interface Workspace {
  id: string;
  name: string;
  plan: Plan;
}

export interface Contact {
  id: string;
  object: 'contact';
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  conversation_count: number;
  created_at: string;
  updated_at: string;
}

export const CONVERSATION_STATUSES = ['open', 'pending', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export type Channel = 'email' | 'chat' | 'api';

export interface Conversation {
  id: string;
  object: 'conversation';
  subject: string;
  status: ConversationStatus;
  channel: Channel;
  contact_id: string;
  assignee: string | null;
  tags: string[];
  message_count: number;
  created_at: string;
  updated_at: string;
  last_message_at: string;
}

export const MESSAGE_AUTHOR_TYPES = ['contact', 'agent', 'api'] as const;
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number];

export interface Message {
  id: string;
  object: 'message';
  conversation_id: string;
  author: { type: MessageAuthorType; id: string; name: string };
  body: string;
  created_at: string;
}

/** `GET /v1/conversations/{id}`: the conversation plus its messages, oldest first. */
export interface ConversationDetail extends Conversation {
  messages: Message[];
}

export type ApiKeyStatus = 'active' | 'revoked';

/** A key as stored: the SHA-256 of the secret and its prefix, never the secret itself. */
export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  hash: Buffer;
  createdAt: number;
  lastUsedAt: number | null;
  status: ApiKeyStatus;
}
