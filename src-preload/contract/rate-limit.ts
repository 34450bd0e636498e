import { z } from 'zod';

/** Rate limits: what one reply's headers said, and each budget as the tracker knows it. */

/**
 * The header forms the console reads (README lists them with examples):
 * `ietf` RateLimit + RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers, RFC 9651 lists);
 * `ietf-draft` the older single `RateLimit: limit=…, remaining=…, reset=…` dictionary;
 * `ratelimit-fields` the older RateLimit-Limit / -Remaining / -Reset fields;
 * `x-ratelimit` X-RateLimit-* (GitHub, the sandbox, Discord's Reset-After and decimal resets);
 * `x-rate-limit` x-rate-limit-* (X); `openai` x-ratelimit-limit-requests / -remaining-requests / -reset-requests.
 */
export const RateLimitSourceSchema = z.enum(['ietf', 'ietf-draft', 'ratelimit-fields', 'x-ratelimit', 'x-rate-limit', 'openai']);
export type RateLimitSource = z.infer<typeof RateLimitSourceSchema>;

/** One policy a reply stated: a named IETF policy, or the single policy of another form. */
export const RateLimitPolicySchema = z.object({
  /** The IETF policy name (`"burst"`); null for forms that name none. */
  name: z.string().max(64).nullable(),
  /** The header forms it was read from: two when a server states one policy in two forms (the sandbox's X-RateLimit-* and RateLimit). */
  sources: z.array(RateLimitSourceSchema).min(1).max(6),
  /** Requests that can be sent now (IETF `r`). */
  remaining: z.number().nullable(),
  /** Requests allowed per window (IETF `q`, X-RateLimit-Limit): the refill rate of a token bucket. */
  quota: z.number().nullable(),
  /** The window `quota` counts over, in seconds (IETF `w`); null when the server does not say. */
  windowSeconds: z.number().nullable(),
  /** The bucket's capacity, when the server says (X-RateLimit-Burst). */
  burst: z.number().nullable(),
  /** Epoch ms when this policy's quota is back (IETF `t`, X-RateLimit-Reset, …). */
  resetAt: z.number().nullable(),
  /** IETF `qu` when it is not requests (e.g. "content-bytes"): shown, but it does not pace requests. */
  unit: z.string().max(32).nullable(),
});
export type RateLimitPolicy = z.infer<typeof RateLimitPolicySchema>;

/** At most this many policies are kept from one reply (a hostile server could send thousands). */
export const MAX_POLICIES = 8;

export const RateLimitSnapshotSchema = z.object({
  /** The driving (most constrained) policy's quota per window. */
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  burst: z.number().nullable(),
  /** Unix time in milliseconds when the budget is full again. */
  resetAt: z.number().nullable(),
  retryAfterSeconds: z.number().nullable(),
  workspaceId: z.string().nullable(),
  /** The window `limit` counts over, from the driving policy (null when the server does not say). */
  windowSeconds: z.number().nullable().optional(),
  /** The header forms the driving policy was read from (empty: no rate-limit header was read). */
  sources: z.array(RateLimitSourceSchema).max(6).optional(),
  /** Every policy the reply stated, the driving one first. */
  policies: z.array(RateLimitPolicySchema).max(MAX_POLICIES).optional(),
});
export type RateLimitSnapshot = z.infer<typeof RateLimitSnapshotSchema>;

/** A budget as the tracker knows it: a server's workspace when the server names one, else one key's on that server. `budgetId` is opaque. */
export const RateLimitStateSchema = z.object({
  budgetId: z.string(),
  /** The keys whose latest reply spent from this budget (a key that moved to another server's budget leaves it). */
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
