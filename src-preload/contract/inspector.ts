import { z } from 'zod';

/** The API's resources as the Inspector shows them (validated when they arrive from the server). */
export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  conversation_count: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ConversationStatusSchema = z.enum(['open', 'pending', 'closed']);

export const ConversationSchema = z.object({
  id: z.string(),
  subject: z.string(),
  status: ConversationStatusSchema,
  channel: z.string(),
  contact_id: z.string(),
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  message_count: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  last_message_at: z.string().nullable(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversation_id: z.string(),
  author: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  body: z.string(),
  created_at: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationDetailSchema = ConversationSchema.extend({ messages: z.array(MessageSchema) });
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

const KeyId = z.string().min(1).max(128);
const Cursor = z.string().min(1).max(128).regex(/^[\w-]+$/, 'Not a cursor.');
const ResourceId = z.string().min(1).max(128).regex(/^[\w-]+$/, 'Not an id.');

export const InspectorSearchInputSchema = z.strictObject({
  keyId: KeyId,
  /** An email (exact match) or part of a name or email. */
  query: z.string().trim().min(1, 'Type a name or an email.').max(200),
  /** Lets a newer search cancel this one. */
  searchId: z.string().min(1).max(64).optional(),
});
export const InspectorSearchResultSchema = z.object({
  contacts: z.array(ContactSchema),
  hasMore: z.boolean(),
  matchedBy: z.enum(['email', 'text']),
});
export type InspectorSearchResult = z.infer<typeof InspectorSearchResultSchema>;

export const InspectorConversationsInputSchema = z.strictObject({
  keyId: KeyId,
  contactId: ResourceId,
  cursor: Cursor.optional(),
});
export const ConversationPageSchema = z.object({
  conversations: z.array(ConversationSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const InspectorConversationInputSchema = z.strictObject({ keyId: KeyId, conversationId: ResourceId });

export const ExportFormatSchema = z.enum(['csv', 'json']);
export const ExportStartInputSchema = z.strictObject({
  keyId: KeyId,
  kind: z.enum(['contacts', 'conversations']),
  format: ExportFormatSchema,
  filter: z
    .strictObject({
      q: z.string().trim().max(200).optional(),
      status: ConversationStatusSchema.optional(),
      contactId: ResourceId.optional(),
    })
    .default({}),
});
export type ExportStartInput = z.infer<typeof ExportStartInputSchema>;

export const ExportStartedSchema = z.object({ exportId: z.string(), fileName: z.string() });

export const ExportIdInputSchema = z.strictObject({ exportId: z.string().min(1).max(64) });

export const ExportProgressSchema = z.object({
  exportId: z.string(),
  state: z.enum(['running', 'waiting', 'done', 'cancelled', 'failed']),
  /** Rows written so far. */
  done: z.number(),
  /** Rows expected, when the API lets the console know. */
  total: z.number().nullable(),
  etaMs: z.number().nullable(),
  requests: z.number(),
  rateLimited: z.number(),
  elapsedMs: z.number(),
  message: z.string().nullable(),
  fileName: z.string(),
  /** Web host: where the browser downloads the finished file. */
  downloadUrl: z.string().nullable(),
  /** Electron: where the file was written. */
  path: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
