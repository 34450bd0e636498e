import { z } from 'zod';
import { KeyIdSchema } from './common';
import { ExportFormatSchema } from './exports';
import { SendRequestInputSchema } from './requests';

/** Pagination of a Helplane list reply: Next page, Fetch all pages (a walk), the merged list and its export. */

/** The list request a reply came from: its key, path and query (any cursor in it is replaced). */
export const ListRequestInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  path: SendRequestInputSchema.shape.path,
  query: SendRequestInputSchema.shape.query.unwrap().default([]),
});
export type ListRequestInput = z.input<typeof ListRequestInputSchema>;

/** Next page: the shown reply's request with `starting_after` = its next_cursor. */
export const NextPageInputSchema = ListRequestInputSchema.extend({ cursor: z.string().min(1).max(200) });
export type NextPageInput = z.input<typeof NextPageInputSchema>;

export const WalkIdSchema = z.string().regex(/^walk_[0-9a-f]{16}$/);
export const WalkStartedSchema = z.object({ walkId: z.string() });
export const WalkIdInputSchema = z.strictObject({ walkId: WalkIdSchema });

export const WalkStateSchema = z.enum(['running', 'waiting', 'done', 'cancelled', 'failed']);
export type WalkState = z.infer<typeof WalkStateSchema>;

/** The merged list at the end of a walk, as the response area shows it. */
export const MergedListSchema = z.object({
  /** `{object:"list", data, has_more, next_cursor}` of every item kept, pretty-printed; cut to the byte cap. */
  body: z.string(),
  /** Items fetched and kept (what Export writes). */
  items: z.number(),
  /** Items in `body`: fewer than `items` when the body passed the byte cap. */
  shownItems: z.number(),
  pages: z.number(),
  /** Why the list is not every item (a cap, a cancel), in words; null when it is complete. */
  stopped: z.string().nullable(),
  /** Items dropped because an earlier page had their id (the list changed during the walk). */
  duplicatesDropped: z.number(),
});
export type MergedList = z.infer<typeof MergedListSchema>;

/** Event: how far a walk is (throttled), and once when it ends (with the merged list, or why not). */
export const PagesProgressSchema = z.object({
  walkId: z.string(),
  state: WalkStateSchema,
  pages: z.number(),
  items: z.number(),
  requests: z.number(),
  rateLimited: z.number(),
  message: z.string().nullable(),
  merged: MergedListSchema.nullable(),
});
export type PagesProgress = z.infer<typeof PagesProgressSchema>;

export const PagesExportInputSchema = z.strictObject({ walkId: WalkIdSchema, format: ExportFormatSchema });
export type PagesExportInput = z.infer<typeof PagesExportInputSchema>;
