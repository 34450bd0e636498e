import { z } from 'zod';
import { HttpMethodSchema, RateLimitSnapshotSchema, SendRequestInputSchema } from './schemas';

/** Request-engine schemas: cancel, settings, history, copy as code, catalog, rate-limit state. */

export const RequestCancelInputSchema = z.strictObject({ requestId: z.string().regex(/^[\w-]{1,64}$/) });

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export const ProxyModeSchema = z.enum(['system', 'env', 'none']);
export const RedirectPolicySchema = z.enum(['follow-without-key', 'refuse']);

export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** Headers and body timeout, seconds. */
  requestTimeoutSeconds: z.number().int().min(1).max(600),
  /** Largest decoded response body kept, MB. */
  maxResponseMb: z.number().int().min(1).max(1024),
  autoRetryOn429: z.boolean(),
  proxyMode: ProxyModeSchema,
  redirectPolicy: RedirectPolicySchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsUpdateSchema = SettingsSchema.partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  requestTimeoutSeconds: 30,
  maxResponseMb: 100,
  autoRetryOn429: false,
  proxyMode: 'system',
  redirectPolicy: 'refuse',
};

const NameValue = z.object({ name: z.string(), value: z.string() });

/** One History entry: never the secret, never an X-API-Key value. */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  /** Epoch ms when the request was sent. */
  time: z.number(),
  method: HttpMethodSchema,
  path: z.string(),
  query: z.array(NameValue),
  headers: z.array(NameValue),
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

export const SnippetLanguageSchema = z.enum(['curl', 'javascript-fetch', 'node', 'python-requests', 'go']);
export type SnippetLanguage = z.infer<typeof SnippetLanguageSchema>;

export const SnippetInputSchema = z.strictObject({
  request: SendRequestInputSchema,
  language: SnippetLanguageSchema,
});
export const SnippetSchema = z.object({ language: SnippetLanguageSchema, code: z.string() });

export const CatalogParamSchema = z.object({
  name: z.string(),
  description: z.string(),
  required: z.boolean(),
  enum: z.array(z.string()).nullable(),
  type: z.string(),
});

/** One operation of the API as the builder offers it, made from the sandbox's OpenAPI document. */
export const CatalogEntrySchema = z.object({
  id: z.string(),
  method: HttpMethodSchema,
  path: z.string(),
  summary: z.string(),
  description: z.string(),
  pathParams: z.array(CatalogParamSchema),
  queryParams: z.array(CatalogParamSchema),
  /** JSON Schema of the body, as JSON (the renderer validates the editor against it). */
  bodySchema: z.string().nullable(),
  /** A starting body for POSTs, pretty JSON. */
  template: z.string().nullable(),
  /** Whether the API key is needed (the OpenAPI document itself is public). */
  needsKey: z.boolean(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export const CatalogSchema = z.object({ entries: z.array(CatalogEntrySchema) });

/** A budget as the tracker knows it: per workspace when the server names one, else per key. */
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
export const RateLimitListSchema = z.object({ budgets: z.array(RateLimitStateSchema) });

export const BudgetCheckInputSchema = z.strictObject({ keyId: z.string().min(1).max(128) });
/** Said before a send: would it exceed the budget the console knows of? */
export const BudgetCheckSchema = z.object({ warning: z.string().nullable() });

/** Save to file: the whole body of a GET, written by main (no size cap). */
export const SaveBodyInputSchema = SendRequestInputSchema;
export const SavedBodySchema = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number(),
  status: z.number(),
  /** Web host: where the browser downloads it; null in the desktop app (saved where the user chose). */
  downloadUrl: z.string().nullable(),
});
export type SavedBody = z.infer<typeof SavedBodySchema>;
