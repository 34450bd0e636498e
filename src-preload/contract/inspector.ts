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

// ─── Support staff (issue 18, supa): contact scans and the Timeline ───

/**
 * A paced client-side scan of the contacts list, for what the API cannot filter (it filters only
 * `email` and `q`): a company, a phone number, or a contact id (the API has no GET /v1/contacts/{id}).
 */
export const ContactScanBySchema = z.enum(['company', 'phone', 'id']);
export type ContactScanBy = z.infer<typeof ContactScanBySchema>;
export const ContactScanInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  by: ContactScanBySchema,
  value: z.string().trim().min(1, 'Type what to look for.').max(200),
});
export const ContactScanStartedSchema = z.object({ scanId: z.string() });
export const ScanIdSchema = z.string().min(1).max(64).regex(/^scan_[a-f0-9]+$/, 'Not a scan id.');
export const ContactScanIdInputSchema = z.strictObject({ scanId: ScanIdSchema });

export const ContactScanProgressSchema = z.object({
  scanId: z.string(),
  by: ContactScanBySchema,
  /** `done`: every contact was scanned (or, by id, the one was found); the others keep what was found so far. */
  state: z.enum(['running', 'waiting', 'done', 'cancelled', 'failed']),
  /** Contacts read so far; the list says only whether more follow, so the total is known at the end. */
  scanned: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  matches: z.array(ContactSchema),
  /** True when the matches were cut at the cap (the scan says so rather than hiding it). */
  matchesCapped: z.boolean(),
  requests: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  message: z.string().nullable(),
});
export type ContactScanProgress = z.infer<typeof ContactScanProgressSchema>;

/** Timeline of a contact: main walks its conversations (newest first) and reads each, paced. */
export const TimelineOpenInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  contactId: ResourceIdSchema,
  /** How many conversations to read before pausing for a scroll (`inspectorTimelineMore`). */
  window: z.number().int().min(1).max(200).optional(),
});
export const TimelineIdSchema = z.string().min(1).max(64).regex(/^tl_[a-f0-9]+$/, 'Not a timeline id.');
export const TimelineStartedSchema = z.object({ timelineId: z.string() });
export const TimelineIdInputSchema = z.strictObject({ timelineId: TimelineIdSchema });
export const TimelineMoreInputSchema = z.strictObject({ timelineId: TimelineIdSchema, window: z.number().int().min(1).max(200).optional() });

export const TimelineProgressSchema = z.object({
  timelineId: z.string(),
  contactId: z.string(),
  /** `paused`: the window is read and more conversations remain (a scroll asks for them). */
  state: z.enum(['loading', 'waiting', 'paused', 'done', 'failed', 'cancelled']),
  /** Conversations read since the previous event, each with its messages. */
  added: z.array(ConversationDetailSchema),
  /** Conversations read so far. */
  loaded: z.number().int().nonnegative(),
  /** Known to exist: listed so far (the list pages say only whether more follow). */
  listed: z.number().int().nonnegative(),
  /** Every conversation of the contact has been listed: `listed` is the total. */
  listComplete: z.boolean(),
  /** Conversations remain unread (listed or not). */
  hasMore: z.boolean(),
  requests: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  message: z.string().nullable(),
});
export type TimelineProgress = z.infer<typeof TimelineProgressSchema>;
