import { z } from 'zod';
import { NameValueSchema } from './common';
import { RateLimitSnapshotSchema } from './rate-limit';
import { HttpMethodSchema } from './requests';

/** History: the exchanges the console recorded, and the filter to list them. */

/** One History entry: never the secret, never an X-API-Key value. */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  /** Epoch ms when the request was sent. */
  time: z.number(),
  method: HttpMethodSchema,
  path: z.string(),
  query: z.array(NameValueSchema),
  headers: z.array(NameValueSchema),
  /** Request body, truncated. */
  body: z.string().nullable(),
  bodyTruncated: z.boolean(),
  status: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  durationMs: z.number().nullable(),
  keyId: z.string(),
  keyName: z.string(),
  keyPrefix: z.string(),
  rateLimit: RateLimitSnapshotSchema.nullable(),
  /** Start of the response body, for a glance. */
  responsePreview: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryListInputSchema = z
  .strictObject({
    /** Matches method, path, status or key name (case-insensitive). */
    filter: z.string().max(200).optional(),
  })
  .optional();
