import { z } from 'zod';
import type { TabDraft, TabDraftInput } from '../../../src-preload/contract';

/**
 * What main keeps of the open tabs (`workspace/tabs.json` in the data folder). The draft schemas
 * are the contract's (src-preload/contract/workspace.ts: workspace:save takes them as they are);
 * the file's own shape is here. Never a secret: a draft names its key by id, and every text is
 * scrubbed before it is kept (draft-secrets.ts).
 */
export {
  CollectionLinkSchema,
  DraftTargetSchema,
  MAX_TAB_NAME,
  MAX_TABS,
  TabDraftInputSchema,
  TabDraftSchema,
  TabIdSchema,
  type TabDraft,
  type TabDraftInput,
} from '../../../src-preload/contract';

export interface WorkspaceState {
  /** In the order of the tab strip. */
  tabs: TabDraft[];
  activeTabId: string | null;
  /** The collection folder open in the window at the last save (reopened at start); null: none. */
  collection?: string | null;
}

export const WORKSPACE_FILE_VERSION = 1;

/** The file as a whole; tabs are checked one by one on read, so one bad tab costs only itself. */
export const WorkspaceFileSchema = z.object({
  version: z.literal(WORKSPACE_FILE_VERSION),
  tabs: z.array(z.unknown()),
  activeTabId: z.string().nullable(),
  collection: z.string().max(4096).nullable().optional(),
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
