import { z } from 'zod';
import { KeyIdSchema, ResourceIdSchema } from './common';
import { ConversationStatusSchema } from './inspector';

/** Exports: contacts, conversations or one conversation's thread written to a file, and the progress event while it runs. */

export const ExportFormatSchema = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** `thread`: the messages of one conversation (filter.conversationId). */
export const ExportKindSchema = z.enum(['contacts', 'conversations', 'thread']);
export type ExportKind = z.infer<typeof ExportKindSchema>;

export const ExportStartInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  kind: ExportKindSchema,
  format: ExportFormatSchema,
  filter: z
    .strictObject({
      q: z.string().trim().max(200).optional(),
      status: ConversationStatusSchema.optional(),
      contactId: ResourceIdSchema.optional(),
      conversationId: ResourceIdSchema.optional(),
    })
    .default({}),
  /** Start a CSV with a UTF-8 byte order mark, so spreadsheet programs read its accents right (JSON never has one). */
  bom: z.boolean().default(false),
}).refine((input) => input.kind !== 'thread' || input.filter.conversationId !== undefined, {
  message: 'A thread export needs the conversation’s id.',
  path: ['filter', 'conversationId'],
});
export type ExportStartInput = z.infer<typeof ExportStartInputSchema>;

export const ExportStartedSchema = z.object({ exportId: z.string(), fileName: z.string() });

export const ExportIdInputSchema = z.strictObject({ exportId: z.string().min(1).max(64) });

export const ExportStateSchema = z.enum(['running', 'waiting', 'done', 'cancelled', 'failed']);
export type ExportState = z.infer<typeof ExportStateSchema>;

/** Event: how far an export is, sent as it goes and once when it ends. */
export const ExportProgressSchema = z.object({
  exportId: z.string(),
  state: ExportStateSchema,
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

/** Show in folder (desktop): whether the file manager was asked to show the finished file. */
export const ShowInFolderResultSchema = z.object({ shown: z.boolean() });
