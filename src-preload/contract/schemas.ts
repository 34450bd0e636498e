import { z } from 'zod';
import { LargeBodySchema } from './responses';

const MAX_NAME = 200;
/** Generous upper bound for a pasted secret; real keys are 47 characters. */
const MAX_SECRET = 512;
const MAX_PATH = 2048;
const MAX_HEADER_VALUE = 8192;
/** Request bodies the builder may send (the API refuses more than 1 MiB anyway). */
export const MAX_REQUEST_BODY = 1024 * 1024;

export const EnvironmentKindSchema = z.enum(['production', 'sandbox', 'custom']);
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>;

export const KeyStatusSchema = z.enum([
  'active',
  'revoked',
  'invalid',
  'plan_not_eligible',
  'unverified',
  'missing_secret',
]);
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/** What the renderer may know about a key: everything except the secret. */
export const KeyMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: EnvironmentKindSchema,
  baseUrl: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  status: KeyStatusSchema,
  workspaceId: z.string().nullable(),
  /** `environment`: from HELPLANE_API_KEY, usable but never stored. */
  source: z.enum(['keychain', 'environment']).optional(),
  /** When Test (or adding) last asked the server about this key. */
  lastCheckedAt: z.string().nullable().optional(),
  /** The server's own last_used_at (sandbox keys), accurate to 60 s. */
  serverLastUsedAt: z.string().nullable().optional(),
});
export type KeyMeta = z.infer<typeof KeyMetaSchema>;

export const AddKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the key a name.').max(MAX_NAME),
  environment: EnvironmentKindSchema,
  /** Only for `custom`: https, or http on a loopback address. */
  baseUrl: z.string().max(MAX_PATH).optional(),
  secret: z.string().min(1, 'Paste the API key.').max(MAX_SECRET),
});
export type AddKeyInput = z.infer<typeof AddKeyInputSchema>;

export const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

const NameValueSchema = z.strictObject({
  name: z.string().max(256),
  value: z.string().max(MAX_HEADER_VALUE),
});

export const SendRequestInputSchema = z.strictObject({
  keyId: z.string().min(1).max(128),
  method: HttpMethodSchema,
  /** A path under the key's base URL, starting with `/`. */
  path: z.string().startsWith('/').max(MAX_PATH),
  query: z.array(NameValueSchema).max(100).optional(),
  headers: z.array(NameValueSchema).max(100).optional(),
  body: z.string().max(MAX_REQUEST_BODY).optional(),
  /** Made by the renderer so it can cancel this request (requestCancel). */
  requestId: z.string().regex(/^[\w-]{1,64}$/).optional(),
});
export type SendRequestInput = z.infer<typeof SendRequestInputSchema>;

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

export const ResponseViewSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  body: z.string(),
  bodyTruncated: z.boolean(),
  sizeBytes: z.number(),
  durationMs: z.number(),
  url: z.string(),
  rateLimit: RateLimitSnapshotSchema,
  /** Time to first byte (response headers), ms. */
  ttfbMs: z.number().optional(),
  /** Bytes on the wire (compressed); sizeBytes is the decoded size. */
  wireBytes: z.number().optional(),
  /** How the body is shown: binary bodies are not sent as text. */
  bodyKind: z.enum(['empty', 'json', 'text', 'binary']).optional(),
  /** Words for anything the user should know: a redirect not followed, a too-large body, an API error. */
  notes: z.array(z.string()).optional(),
  /** The body passed the maximum response size (Settings): only its start is here. */
  tooLarge: z.boolean().optional(),
  /** Id of this exchange's History entry. */
  historyId: z.string().optional(),
  /** A large body: `body` is empty and its lines are fetched from main (responseSlice & co). */
  large: LargeBodySchema.optional(),
});
export type ResponseView = z.infer<typeof ResponseViewSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  sandbox: z.object({
    state: z.enum(['starting', 'ready', 'failed', 'stopped']),
    baseUrl: z.string().nullable(),
    message: z.string().nullable(),
    /** Where the embedded sandbox keeps its data (null: not known, e.g. an external sandbox). */
    dataDir: z.string().nullable().optional(),
  }),
  /** The console's own data folder: key metadata, History, settings, logs. */
  dataDir: z.string().optional(),
  keychain: z.object({
    available: z.boolean(),
    message: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Settings > Reset sandbox: what happened, for the message the user sees. */
export const SandboxResetSchema = z.object({
  /** The seed the sandbox's data was rebuilt from. */
  seed: z.number(),
  /** Sandbox keys of this console the reset made unusable (now marked Invalid). */
  invalidatedKeys: z.number(),
  /** The new "Sandbox demo" key, so the console works at once (null when it could not be made). */
  demoKey: KeyMetaSchema.nullable(),
});
export type SandboxReset = z.infer<typeof SandboxResetSchema>;

export const KeysChangedEventSchema = z.object({ keys: z.array(KeyMetaSchema) });
export type KeysChangedEvent = z.infer<typeof KeysChangedEventSchema>;
