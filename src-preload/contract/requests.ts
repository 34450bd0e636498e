import { z } from 'zod';
import { KeyIdSchema, MAX_PATH, MAX_REQUEST_BODY, NameValueSchema } from './common';
import { RateLimitSnapshotSchema } from './rate-limit';
import { LargeBodySchema } from './responses';
import { CapturedSchema, RuntimeVariablesSchema, SendCollectionContextSchema, TestResultSchema } from './collections';

/** Requests: send and cancel, the reply, copy as code, save to file, the budget check and the catalog. */

const MAX_HEADER_VALUE = 8192;

export const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

/** The tab a send comes from (its response history); the shape of workspace tab ids. */
const SendTabIdSchema = z.string().regex(/^tab_[0-9a-f]{16}$/);

/** Made by the renderer so it can cancel a request it sent. */
const RequestIdSchema = z.string().regex(/^[\w-]{1,64}$/);

/** A header or query parameter the builder sends. */
const NameValueInputSchema = z.strictObject({
  name: z.string().max(256),
  value: z.string().max(MAX_HEADER_VALUE),
});

export const SendRequestInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  method: HttpMethodSchema,
  /** A path under the key's base URL, starting with `/`. */
  path: z.string().startsWith('/').max(MAX_PATH),
  query: z.array(NameValueInputSchema).max(100).optional(),
  headers: z.array(NameValueInputSchema).max(100).optional(),
  body: z.string().max(MAX_REQUEST_BODY).optional(),
  /** Made by the renderer so it can cancel this request (requestCancel). */
  requestId: RequestIdSchema.optional(),
  /** Resolve `{{name}}` in main with the open collection and the key's environment (refused naming any undefined one). */
  collection: SendCollectionContextSchema.optional(),
  /** Runtime variables for this send (Use as variable); implies resolving. */
  variables: RuntimeVariablesSchema.optional(),
  /** The tab that sends it: main keeps the reply in that tab's response history. */
  tabId: SendTabIdSchema.optional(),
});
export type SendRequestInput = z.infer<typeof SendRequestInputSchema>;

/** What a reply's body is, so the renderer knows how to show it. */
export const BodyKindSchema = z.enum(['empty', 'json', 'text', 'binary']);
export type BodyKind = z.infer<typeof BodyKindSchema>;

export const ResponseViewSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.array(NameValueSchema),
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
  bodyKind: BodyKindSchema.optional(),
  /** Words for anything the user should know: a redirect not followed, a too-large body, an API error. */
  notes: z.array(z.string()).optional(),
  /** The body passed the maximum response size (Settings): only its start is here. */
  tooLarge: z.boolean().optional(),
  /** Id of this exchange's History entry. */
  historyId: z.string().optional(),
  /** A large body: `body` is empty and its lines are fetched from main (responseSlice & co). */
  large: LargeBodySchema.optional(),
  /** After a 2xx of a saved request with captures: the variables taken (also kept in main for the next send). */
  captured: CapturedSchema.optional(),
  /** The tab's tests, evaluated by main against this reply. */
  testResults: z.array(TestResultSchema).optional(),
});
export type ResponseView = z.infer<typeof ResponseViewSchema>;

export const RequestCancelInputSchema = z.strictObject({ requestId: RequestIdSchema });

export const SnippetLanguageSchema = z.enum(['curl', 'javascript-fetch', 'node', 'python-requests', 'go']);
export type SnippetLanguage = z.infer<typeof SnippetLanguageSchema>;

export const SnippetInputSchema = z.strictObject({
  request: SendRequestInputSchema,
  language: SnippetLanguageSchema,
});
export const SnippetSchema = z.object({ language: SnippetLanguageSchema, code: z.string() });

/** Save to file: the whole body of a GET, written by main (no size cap). */
export const SaveBodyInputSchema = SendRequestInputSchema;
/** What Save to file wrote, for a request's body or a kept large body alike. */
export const SavedBodySchema = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number(),
  status: z.number(),
  /** Web host: where the browser downloads it; null in the desktop app (saved where the user chose). */
  downloadUrl: z.string().nullable(),
});
export type SavedBody = z.infer<typeof SavedBodySchema>;

export const BudgetCheckInputSchema = z.strictObject({ keyId: KeyIdSchema });
/** Said before a send: would it exceed the budget the console knows of? */
export const BudgetCheckSchema = z.object({ warning: z.string().nullable() });

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
