import { z } from 'zod';

/** Rate limits: what one reply's headers said, and each budget as the tracker knows it. */

export const RateLimitSnapshotSchema = z.object({
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  burst: z.number().nullable(),
  /** Unix time in milliseconds when the budget is full again. */
  resetAt: z.number().nullable(),
  retryAfterSeconds: z.number().nullable(),
  workspaceId: z.string().nullable(),
  /** The window `limit` counts over, from RateLimit-Policy `w` (null when the server does not say). */
  windowSeconds: z.number().nullable().optional(),
});
export type RateLimitSnapshot = z.infer<typeof RateLimitSnapshotSchema>;

/** A budget as the tracker knows it: a server's workspace when the server names one, else one key's on that server. `budgetId` is opaque. */
export const RateLimitStateSchema = z.object({
  budgetId: z.string(),
  keyIds: z.array(z.string()),
  snapshot: RateLimitSnapshotSchema,
  /** Epoch ms of the reply the snapshot came from. */
  receivedAt: z.number(),
  /**
   * Requests in the last 60 s, one entry per second that had any: the second's start (epoch ms)
   * and how many were sent in it. Bounded (at most 61 entries) however fast requests go.
   */
  recent: z.array(z.object({ at: z.number(), count: z.number().int().positive() })).max(61),
  count429: z.number(),
});
export type RateLimitState = z.infer<typeof RateLimitStateSchema>;

/** Every budget known, for the renderer's first read (rateLimitChanged keeps it current). */
export const RateLimitListSchema = z.object({ budgets: z.array(RateLimitStateSchema) });
export type RateLimitList = z.infer<typeof RateLimitListSchema>;
