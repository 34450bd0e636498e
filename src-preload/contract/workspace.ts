import { z } from 'zod';
import { KeyIdSchema, MAX_PATH, MAX_REQUEST_BODY, NameValueSchema } from './common';
import { HttpMethodSchema } from './requests';

/**
 * The request workspace: open tabs and their drafts, which main keeps (`workspace/tabs.json`) so
 * they come back after a restart, and Import curl. A draft names its key by id, never by secret;
 * main scrubs every text of stored keys before it keeps it.
 */

export const MAX_TABS = 50;
export const MAX_TAB_NAME = 200;
const MAX_PAIRS = 100;
const MAX_PAIR_TEXT = 8192;

export const TabIdSchema = z.string().regex(/^tab_[0-9a-f]{16}$/);

const PairSchema = z.strictObject({ name: z.string().max(256), value: z.string().max(MAX_PAIR_TEXT) });

/** A request of the catalog (its operation id), or any method and path typed in (free-form). */
export const DraftTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('endpoint'), endpointId: z.string().min(1).max(128) }),
  z.strictObject({ kind: z.literal('free') }),
]);

/** The request file a tab was opened from or saved to: its collection folder and its path in it. */
export const CollectionLinkSchema = z.strictObject({
  collection: z.string().min(1).max(4096),
  file: z.string().min(1).max(1024),
  /** The text on disk the tab's edits started from: after a restart, a file changed meanwhile is noticed. */
  revision: z.string().max(64).optional(),
});

/** A saved request's captures and tests as the tab holds them (the collection format checks them on Save). */
const DraftCaptureSchema = z.strictObject({ variable: z.string().max(256), path: z.string().max(MAX_PAIR_TEXT) });
const DraftTestSchema = z.record(z.string().max(64), z.unknown()).refine((t) => JSON.stringify(t).length <= MAX_PAIR_TEXT, 'is too large');

/** What a tab holds that the user typed or picked. */
export const TabDraftInputSchema = z.strictObject({
  name: z.string().max(MAX_TAB_NAME),
  target: DraftTargetSchema,
  method: HttpMethodSchema,
  /** With `{param}` of the endpoint and `{{variables}}` as typed. */
  path: z.string().max(MAX_PATH),
  pathParams: z.array(PairSchema).max(MAX_PAIRS),
  query: z.array(PairSchema).max(MAX_PAIRS),
  headers: z.array(PairSchema).max(MAX_PAIRS),
  body: z.string().max(MAX_REQUEST_BODY).nullable(),
  /** The stored key the tab sends with, by id: never its secret. */
  keyId: KeyIdSchema.nullable(),
  collectionLink: CollectionLinkSchema.nullable(),
  captures: z.array(DraftCaptureSchema).max(MAX_PAIRS).optional(),
  tests: z.array(DraftTestSchema).max(MAX_PAIRS).optional(),
});
export type TabDraftInput = z.infer<typeof TabDraftInputSchema>;

export const TabDraftSchema = TabDraftInputSchema.extend({
  id: TabIdSchema,
  /** Changed since it was last saved to its request file (or never saved). */
  unsaved: z.boolean(),
  updatedAt: z.number().int().nonnegative(),
});
export type TabDraft = z.infer<typeof TabDraftSchema>;

/** workspace:save — the whole strip as the window has it now (the window names its tabs' ids). */
export const WorkspaceSaveInputSchema = z.strictObject({
  tabs: z.array(TabDraftInputSchema.extend({ id: TabIdSchema, unsaved: z.boolean() })).max(MAX_TABS),
  activeTabId: TabIdSchema.nullable(),
  /** The collection folder open in the window, reopened at the next start (null: none). */
  collection: z.string().min(1).max(4096).nullable().optional(),
});
export type WorkspaceSaveInput = z.infer<typeof WorkspaceSaveInputSchema>;

/** What main keeps: the tabs in strip order, scrubbed; `warnings` names what was taken out (a key). */
export const WorkspaceStateSchema = z.object({
  tabs: z.array(TabDraftSchema),
  activeTabId: z.string().nullable(),
  /** The collection folder that was open at the last save. */
  collection: z.string().nullable().optional(),
  warnings: z.array(z.string()),
});
export type WorkspaceStateView = z.infer<typeof WorkspaceStateSchema>;

export const CURL_COMMAND_MAX = 1024 * 1024;
export const ImportCurlInputSchema = z.strictObject({ command: z.string().min(1, 'Paste a curl command.').max(CURL_COMMAND_MAX) });

/** Where the command's key stands; a pasted value never comes back, only the id of the key it equals. */
export const ImportedKeySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('unresolved'), variable: z.string() }),
  z.object({ kind: z.literal('matched'), matchedKeyId: z.string() }),
  z.object({ kind: z.literal('offerAddKey'), offerAddKey: z.literal(true) }),
]);

export const ImportedRequestSchema = z.object({
  method: HttpMethodSchema,
  origin: z.string(),
  path: z.string(),
  query: z.array(NameValueSchema),
  headers: z.array(NameValueSchema),
  body: z.string().optional(),
  key: ImportedKeySchema,
  /** A stored key that sends to the command's server, when the pasted key matched none; null if no stored key does. */
  serverKeyId: z.string().nullable(),
  ignored: z.array(z.string()),
  notes: z.array(z.string()),
});
export type ImportedRequestView = z.infer<typeof ImportedRequestSchema>;
