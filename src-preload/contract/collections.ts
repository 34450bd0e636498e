import { z } from 'zod';
import { KeyIdSchema, MAX_PATH, MAX_REQUEST_BODY, NameValueSchema } from './common';

/**
 * Collections: a folder of request files the console opens, edits and watches (main reads and writes
 * them; the renderer sees trees, requests and problems), and the variables a request is resolved with.
 * No secret crosses here: a save that holds a key is refused naming where (file, field, line), never what.
 */

const MAX_FOLDER = 4096;
const MAX_TEXT = 8000;
const MAX_ENTRIES = 500;

/** A collection folder from the renderer: an absolute path (POSIX or Windows), capped; main checks it exists and is a folder. */
export const FolderPathSchema = z
  .string()
  .min(1)
  .max(MAX_FOLDER)
  .refine((p) => !p.includes('\0'), 'must not hold a NUL character')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute folder path');

/** A request file's path inside the collection (`/`-separated, ends in .request.yaml); main checks it further. */
const RelativePathSchema = z.string().min(1).max(1000);
const FolderInCollectionSchema = z.string().max(1000);
const NameSchema = z.string().min(1).max(200);
const EntrySchema = z.strictObject({ name: z.string().max(200), value: z.string().max(MAX_TEXT) });
const QueryEntrySchema = z.strictObject({ name: z.string().max(200), value: z.union([z.string().max(MAX_TEXT), z.array(z.string().max(MAX_TEXT)).max(MAX_ENTRIES)]) });
const EnvironmentSchema = z.string().max(300);

/** Where a problem is: file (from the collection root), field path, 1-based line and column. */
export const CollectionProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  field: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type CollectionProblemView = z.infer<typeof CollectionProblemSchema>;

export type CollectionTreeNodeView =
  | { kind: 'folder'; path: string; name: string; children: CollectionTreeNodeView[] }
  | { kind: 'request'; path: string; name: string; method: string; duplicateName: boolean }
  | { kind: 'damaged'; path: string; problem: CollectionProblemView };

export const CollectionTreeNodeSchema: z.ZodType<CollectionTreeNodeView> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('folder'), path: z.string(), name: z.string(), children: z.array(CollectionTreeNodeSchema) }),
    z.object({ kind: z.literal('request'), path: z.string(), name: z.string(), method: z.string(), duplicateName: z.boolean() }),
    z.object({ kind: z.literal('damaged'), path: z.string(), problem: CollectionProblemSchema }),
  ]),
);

export const VariableListSchema = z.array(EntrySchema).max(MAX_ENTRIES);

/** The collection file: name, collection variables, and per environment (`sandbox`, `production`, `custom:<origin>`) variables. */
export const CollectionFileSchema = z.object({
  name: z.string(),
  variables: z.array(NameValueSchema),
  environments: z.array(z.object({ environment: z.string(), variables: z.array(NameValueSchema) })),
});

export const CollectionSnapshotSchema = z.object({
  root: z.string(),
  collection: CollectionFileSchema,
  /** Passed back as baseRevision by collections:setVariables; null when the folder has no collection file yet. */
  collectionRevision: z.string().nullable(),
  tree: CollectionTreeNodeSchema,
  /** Files that could not be read (parse errors with line and column), never overwritten. */
  problems: z.array(CollectionProblemSchema),
});
export type CollectionSnapshotView = z.infer<typeof CollectionSnapshotSchema>;

/** A request as saved in a file (the collection format of the README). */
export const RequestFileInputSchema = z.strictObject({
  name: NameSchema,
  order: z.number().int().min(0).max(1_000_000).optional(),
  method: z.string().max(20),
  endpoint: z.string().max(200).optional(),
  path: z.string().max(MAX_PATH).optional(),
  params: z.array(EntrySchema).max(MAX_ENTRIES).default([]),
  query: z.array(QueryEntrySchema).max(MAX_ENTRIES).default([]),
  headers: z.array(EntrySchema).max(MAX_ENTRIES).default([]),
  body: z.string().max(MAX_REQUEST_BODY).optional(),
  key: z.strictObject({ name: NameSchema, environment: EnvironmentSchema }).optional(),
  captures: z.array(z.strictObject({ variable: z.string().max(200), path: z.string().max(2000) })).max(MAX_ENTRIES).default([]),
  /** Assertions, checked by main against the format's schema (status, header, jsonpath, schema, duration_under_ms). */
  tests: z.array(z.record(z.string(), z.unknown())).max(MAX_ENTRIES).default([]),
});

export const RequestFileSchema = z.object({
  name: z.string(),
  order: z.number().optional(),
  method: z.string(),
  endpoint: z.string().optional(),
  path: z.string().optional(),
  params: z.array(NameValueSchema),
  query: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.array(z.string())]) })),
  headers: z.array(NameValueSchema),
  body: z.string().optional(),
  key: z.object({ name: z.string(), environment: z.string() }).optional(),
  captures: z.array(z.object({ variable: z.string(), path: z.string() })),
  tests: z.array(z.record(z.string(), z.unknown())),
});

export const OpenedRequestSchema = z.object({
  path: z.string(),
  request: RequestFileSchema,
  /** Names the text on disk; pass it back as baseRevision when saving. */
  revision: z.string(),
});

/** collections:pickFolder — the desktop's system folder picker; null when the user cancelled. */
export const PickedFolderSchema = z.object({ folder: z.string().nullable() });

export const CollectionOpenInputSchema = z.strictObject({ folder: FolderPathSchema });
/** A new collection: `<folder>/<name>/` made with its collection file, then opened. */
export const CollectionCreateInputSchema = z.strictObject({ folder: FolderPathSchema, name: NameSchema });
export const CollectionPathInputSchema = z.strictObject({ path: RelativePathSchema });
export const CollectionSaveRequestInputSchema = z.strictObject({
  /** Where to save; omitted for a new request, whose file is named after it inside `folder`. */
  path: RelativePathSchema.optional(),
  folder: FolderInCollectionSchema.optional(),
  request: RequestFileInputSchema,
  /** The revision the edit started from (readRequest's); null for a new file. */
  baseRevision: z.string().max(64).nullable(),
  /** Keep mine: write over a file changed on disk (or one that no longer parses). */
  replaceDiskVersion: z.boolean().optional(),
});
export const CollectionRenameInputSchema = z.strictObject({ path: RelativePathSchema, name: NameSchema });
export const CollectionMoveInputSchema = z.strictObject({ path: RelativePathSchema, folder: FolderInCollectionSchema });
export const CollectionSetVariablesInputSchema = z.strictObject({
  /** Collection-scope variables. */
  variables: VariableListSchema,
  /** Environment-scope variables; each environment given replaces its list, the others are kept. */
  environments: z.array(z.strictObject({ environment: EnvironmentSchema, variables: VariableListSchema })).max(50).default([]),
  baseRevision: z.string().max(64).nullable(),
  replaceDiskVersion: z.boolean().optional(),
});
export const CollectionVariablesSavedSchema = z.object({ collection: CollectionFileSchema, revision: z.string() });
export const CollectionDeletedSchema = z.object({ path: z.string() });

/** Pushed when files change outside the console (an editor, git checkout), or the folder vanishes. */
export const CollectionsChangedEventSchema = z.object({
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  /** The collection after the change; null when the folder is gone. */
  snapshot: CollectionSnapshotSchema.nullable(),
  gone: CollectionProblemSchema.optional(),
});

// ─── Variables: resolve a draft before Send ─────────────────────────────────────────────────────

/** A draft as a tab holds it: catalog endpoint id or free path, and its parameters. */
export const DraftRequestSchema = z.strictObject({
  method: z.string().max(20),
  endpoint: z.string().max(200).optional(),
  path: z.string().max(MAX_PATH).optional(),
  params: z.array(EntrySchema).max(MAX_ENTRIES).default([]),
  query: z.array(QueryEntrySchema).max(MAX_ENTRIES).default([]),
  headers: z.array(EntrySchema).max(MAX_ENTRIES).default([]),
  body: z.string().max(MAX_REQUEST_BODY).optional(),
});

/** Runtime variables the tab adds (Use as variable): highest precedence, this call only. */
export const RuntimeVariablesSchema = z.array(EntrySchema).max(MAX_ENTRIES);

export const RequestResolveInputSchema = z.strictObject({
  keyId: KeyIdSchema,
  request: DraftRequestSchema,
  variables: RuntimeVariablesSchema.optional(),
});

export const ResolvedRequestSchema = z.object({
  method: z.string(),
  endpoint: z.string().optional(),
  /** The free path, or the endpoint's path with its parameters filled in. */
  path: z.string().optional(),
  params: z.array(NameValueSchema),
  query: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.array(z.string())]) })),
  headers: z.array(NameValueSchema),
  body: z.string().optional(),
});

export const RequestResolutionSchema = z.object({
  preview: ResolvedRequestSchema,
  /** Which variables were used and where each value came from. */
  used: z.array(z.object({ name: z.string(), scope: z.enum(['runtime', 'environment', 'collection']) })),
  /** Names that have no value: Send is refused while this is not empty. */
  undefinedVariables: z.array(z.string()),
  /** Everything that blocks Send, in words (undefined variables, loops, a header with a line break). */
  problems: z.array(CollectionProblemSchema),
  /** The environment the key sends to, as collections name it (sandbox, production, custom:<origin>). */
  environment: z.string(),
});
export type RequestResolutionView = z.infer<typeof RequestResolutionSchema>;

/** The optional context of requests:send: resolve `{{name}}` in main, apply captures after a 2xx. */
export const SendCollectionContextSchema = z.strictObject({
  /** The saved request this send comes from (its captures are applied after a 2xx). */
  requestPath: RelativePathSchema.optional(),
  /** The tab's own captures (saved or not): they win over the saved file's; main checks them with the collection format. */
  captures: z.array(z.strictObject({ variable: z.string().max(200), path: z.string().max(2000) })).max(MAX_ENTRIES).optional(),
  /** The tab's own tests (saved or not), evaluated by main after the reply (testResults). */
  tests: z.array(z.record(z.string(), z.unknown())).max(MAX_ENTRIES).optional(),
});
export const CapturedSchema = z.object({
  variables: z.array(NameValueSchema),
  problems: z.array(CollectionProblemSchema),
});

/** One test of the tab after a reply: what it checks, in words, and why it failed (empty when passed). */
export const TestResultSchema = z.object({
  label: z.string(),
  result: z.enum(['passed', 'failed', 'error']),
  detail: z.string(),
});
export type TestResultView = z.infer<typeof TestResultSchema>;

/** Use as variable: a runtime variable (this session, the open collection), highest precedence. */
export const SetRuntimeVariableInputSchema = z.strictObject({
  name: z.string().min(1).max(200),
  value: z.string().max(MAX_TEXT),
});
/** The runtime variables after the change (names and values; never a key: one that holds a key is refused). */
export const RuntimeVariablesViewSchema = z.object({ variables: z.array(NameValueSchema) });
