import { z } from 'zod';
import { CursorSchema, KeyIdSchema, ResourceIdSchema } from './common';

/** Inspector: contacts and their conversations, searched and read through a key. */

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
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

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

export const InspectorSearchInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  /** An email (exact match) or part of a name or email. */
  query: z.string().trim().min(1, 'Type a name or an email.').max(200),
  /** Lets a newer search cancel this one. */
  searchId: z.string().min(1).max(64).optional(),
  /** The next page of the same search (Load more): the previous page's nextCursor. */
  cursor: CursorSchema.optional(),
});

/** How a search matched: the email exactly, or text in a name or email. */
export const SearchMatchSchema = z.enum(['email', 'text']);
export type SearchMatch = z.infer<typeof SearchMatchSchema>;

export const InspectorSearchResultSchema = z.object({
  contacts: z.array(ContactSchema),
  hasMore: z.boolean(),
  matchedBy: SearchMatchSchema,
  /** Where the next page starts (Load more); null (or absent) on the last page. */
  nextCursor: z.string().nullable().optional(),
});
export type InspectorSearchResult = z.infer<typeof InspectorSearchResultSchema>;

export const InspectorConversationsInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  contactId: ResourceIdSchema,
  cursor: CursorSchema.optional(),
});
export const ConversationPageSchema = z.object({
  conversations: z.array(ConversationSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const InspectorConversationInputSchema = z.strictObject({ keyId: KeyIdSchema, conversationId: ResourceIdSchema });
