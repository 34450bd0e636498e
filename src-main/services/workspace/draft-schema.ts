import { z } from 'zod';
import { HttpMethodSchema, KeyIdSchema, MAX_PATH, MAX_REQUEST_BODY } from '../../../src-preload/contract';

/**
 * What main keeps of the open tabs (`workspace/tabs.json` in the data folder): each tab's draft,
 * their order and the active one. Never a secret: a draft names its key by id, and every text is
 * scrubbed before it is kept (draft-secrets.ts). The IPC ops can take these schemas into the
 * contract as they are.
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
export const CollectionLinkSchema = z.strictObject({ collection: z.string().min(1).max(4096), file: z.string().min(1).max(1024) });

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
});
export type TabDraftInput = z.infer<typeof TabDraftInputSchema>;

export const TabDraftSchema = TabDraftInputSchema.extend({
  id: TabIdSchema,
  /** Changed since it was last saved to its request file (or never saved). */
  unsaved: z.boolean(),
  updatedAt: z.number().int().nonnegative(),
});
export type TabDraft = z.infer<typeof TabDraftSchema>;

export interface WorkspaceState {
  /** In the order of the tab strip. */
  tabs: TabDraft[];
  activeTabId: string | null;
}

export const WORKSPACE_FILE_VERSION = 1;

/** The file as a whole; tabs are checked one by one on read, so one bad tab costs only itself. */
export const WorkspaceFileSchema = z.object({
  version: z.literal(WORKSPACE_FILE_VERSION),
  tabs: z.array(z.unknown()),
  activeTabId: z.string().nullable(),
});

export const EMPTY_DRAFT: TabDraftInput = {
  name: 'Untitled request',
  target: { kind: 'free' },
  method: 'GET',
  path: '/',
  pathParams: [],
  query: [],
  headers: [],
  body: null,
  keyId: null,
  collectionLink: null,
};
