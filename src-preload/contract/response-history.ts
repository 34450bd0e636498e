import { z } from 'zod';
import { NameValueSchema } from './common';

/**
 * Each tab's last responses, kept by main (scrubbed of keys, bodies up to the size cap): listed
 * without bodies, one fetched whole for Compare.
 */

const TabIdSchema = z.string().regex(/^tab_[0-9a-f]{16}$/);
const ResponseEntryIdSchema = z.string().regex(/^rsp_[0-9a-f]{16}$/);

export const ResponseHistoryListInputSchema = z.strictObject({ tabId: TabIdSchema });
export const ResponseHistoryGetInputSchema = z.strictObject({ tabId: TabIdSchema, responseId: ResponseEntryIdSchema });

export const ResponseSummarySchema = z.object({
  id: z.string(),
  /** Epoch ms. */
  time: z.number(),
  status: z.number(),
  statusText: z.string(),
  bodyTruncated: z.boolean(),
  sizeBytes: z.number(),
  durationMs: z.number(),
  url: z.string(),
});
export type ResponseSummaryView = z.infer<typeof ResponseSummarySchema>;
export const ResponseHistoryListSchema = z.object({ responses: z.array(ResponseSummarySchema) });

export const ResponseHistoryEntrySchema = ResponseSummarySchema.extend({
  headers: z.array(NameValueSchema),
  body: z.string(),
});
export type ResponseHistoryEntryView = z.infer<typeof ResponseHistoryEntrySchema>;
