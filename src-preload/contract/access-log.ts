import { z } from 'zod';

/**
 * Access log (Settings > Access log): every contact or conversation opened and every export, as
 * JSON Lines in the data folder, each line chained to the one before by its SHA-256. Ids, kinds and
 * counts only: no message body, no name or email of a contact, never a key's value.
 */

export const AccessActionSchema = z.enum(['contact.opened', 'conversation.opened', 'export.started', 'export.finished', 'export.cancelled', 'export.failed']);
export type AccessAction = z.infer<typeof AccessActionSchema>;

/** What was looked at or exported: ids and counts, nothing personal. */
export const AccessTargetSchema = z.strictObject({
  contactId: z.string().max(128).optional(),
  conversationId: z.string().max(128).optional(),
  exportId: z.string().max(64).optional(),
  /** contacts, conversations or thread. */
  exportKind: z.string().max(32).optional(),
  format: z.string().max(8).optional(),
  status: z.string().max(16).optional(),
  /** Rows written (finished, cancelled or failed exports). */
  rows: z.number().int().min(0).optional(),
  /** The export wrote names, emails and phone numbers masked. */
  masked: z.boolean().optional(),
});
export type AccessTarget = z.infer<typeof AccessTargetSchema>;

/** One line of the file, as written (the field order is the file's). */
export const AccessLogEntrySchema = z.strictObject({
  /** 1 for the first line, one more for each line after: a removed line leaves a gap. */
  seq: z.number().int().min(1),
  /** ISO 8601, UTC. */
  time: z.string().max(40),
  /** The operating system's user name on this computer. */
  user: z.string().max(256),
  /** The name of the key the console read with (never its value), or null when the key is gone. */
  key: z.string().max(256).nullable(),
  action: AccessActionSchema,
  target: AccessTargetSchema,
  /** SHA-256 (hex) of the previous line's text; 64 zeros for the first line. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;

/** Whether the file is as the console wrote it, or where it was edited, cut or damaged. */
export const AccessLogIntegritySchema = z.object({
  intact: z.boolean(),
  entries: z.number(),
  /** 1-based line where the chain breaks, or null when intact. */
  line: z.number().nullable(),
  /** "The log is intact (12 entries)." or "Line 17 was changed or removed." */
  message: z.string(),
});
export type AccessLogIntegrity = z.infer<typeof AccessLogIntegritySchema>;

export const ACCESS_LOG_PAGE_MAX = 200;

export const AccessLogListInputSchema = z
  .strictObject({
    /** Entries to skip, newest first. */
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(ACCESS_LOG_PAGE_MAX).default(50),
  })
  .default({ offset: 0, limit: 50 });

export const AccessLogPageSchema = z.object({
  /** Newest first. */
  entries: z.array(AccessLogEntrySchema),
  total: z.number(),
  integrity: AccessLogIntegritySchema,
  /** Lines not yet on disk (the file could not be written; retried). */
  pending: z.number(),
  /** Where the file is, for the user to find it. */
  path: z.string(),
});
export type AccessLogPage = z.infer<typeof AccessLogPageSchema>;

/** The copy of the log the user asked for: a path (desktop), a download (web host). */
export const AccessLogExportedSchema = z.object({
  exportId: z.string(),
  fileName: z.string(),
  path: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export type AccessLogExported = z.infer<typeof AccessLogExportedSchema>;
