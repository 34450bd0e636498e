import { z } from 'zod';

/** Large-body schemas: main keeps the whole body; the renderer asks for the lines and nodes it shows. */

const ResponseId = z.string().regex(/^resp_[0-9a-f]{16}$/, 'A response id looks like resp_ followed by 16 hex digits.');

/** Sent instead of the body when it is large: its size, the first window of lines and where to ask for more. */
export const LargeBodySchema = z.object({
  responseId: z.string(),
  /** Display lines (pretty-printed for JSON). */
  lineCount: z.number(),
  firstLines: z.array(z.string()),
  /** Whether the body is well-formed JSON structure, so the tree view is offered. */
  json: z.boolean(),
  /** Epoch ms (fractional) when main had the whole body: the start of "time to first rows". */
  receivedAt: z.number(),
});
export type LargeBody = z.infer<typeof LargeBodySchema>;

export const ResponseSliceInputSchema = z.strictObject({
  responseId: ResponseId,
  fromLine: z.number().int().min(0),
  count: z.number().int().min(1).max(2000),
});
export const ResponseSliceSchema = z.object({ fromLine: z.number(), lines: z.array(z.string()), lineCount: z.number() });
export type ResponseSlice = z.infer<typeof ResponseSliceSchema>;

export const ResponseSearchInputSchema = z.strictObject({
  responseId: ResponseId,
  query: z.string().min(1).max(200),
  /** How many match positions to return (the total is counted further, up to a cap). */
  limit: z.number().int().min(1).max(10_000).optional(),
});
export const ResponseSearchSchema = z.object({
  /** Matches counted (stops at a cap, see `capped`). */
  total: z.number(),
  capped: z.boolean(),
  /** Display line of each returned match, in order. */
  lines: z.array(z.number()),
});
export type ResponseSearch = z.infer<typeof ResponseSearchSchema>;

export const ResponseTreeInputSchema = z.strictObject({
  responseId: ResponseId,
  /** The display line of the object or array to expand (the root is line 0). */
  line: z.number().int().min(0),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export const TreeNodeSchema = z.object({
  /** The node's display line: its id for expanding it and for jumping to it in Raw. */
  line: z.number(),
  depth: z.number(),
  /** `"key": value` as printed, without the trailing comma; for a container, `"key": {`. */
  text: z.string(),
  /** Children of an object or array; null for a leaf. */
  childCount: z.number().nullable(),
});
export type TreeNode = z.infer<typeof TreeNodeSchema>;
export const ResponseTreeSchema = z.object({ nodes: z.array(TreeNodeSchema), total: z.number(), offset: z.number() });
export type ResponseTree = z.infer<typeof ResponseTreeSchema>;

/** Save to file for a body main keeps: written from memory, no second request. */
export const ResponseSaveInputSchema = z.strictObject({ responseId: ResponseId });
