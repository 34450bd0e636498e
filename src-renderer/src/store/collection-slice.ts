import type { AppError, CollectionSnapshotView, EventPayload } from '../../../src-preload/contract';
import { formFromRequest, requestFromForm, type RequestBase, type RequestFileView, type RequestForm } from '../lib/collection-request';
import { getDesktopApi } from '../lib/desktop-api';
import { selectActiveKey } from './selectors';
import type { TabForm } from './tabs-slice';
import type { SliceCreator } from './types';

/**
 * The open collection in the window: its tree and variables (main reads and writes the files; this
 * slice holds what main answered), which tab is which request file, Save / Save as, the tree's
 * actions, and what happens when files change outside (reload a tab with no edits; ask keep mine /
 * take theirs for one with edits). A folder that vanishes costs no tab its draft.
 */

export interface VariableRow {
  name: string;
  value: string;
}

/** A tab whose file changed on disk while it has edits (or whose save was refused for that): the user chooses. */
export interface TabConflict {
  path: string;
  message: string;
}

export type Outcome = { ok: true } | { error: AppError };

export interface CollectionSlice {
  /** The folder of the open collection, kept while it is gone (so Open can try it again). */
  collectionRoot: string | null;
  collection: CollectionSnapshotView | null;
  /** Words when the folder vanished (moved, deleted, unmounted); the tabs keep their drafts. */
  collectionGone: string | null;
  /** The last tree action's or reopen's failure, in words. */
  collectionProblem: string | null;
  /** Each open request file as read, and the form it gave the tab (Save keeps what the tab did not change). */
  requestBases: Record<string, RequestBase>;
  /** By tab id. */
  tabConflicts: Record<string, TabConflict>;
  /** The collection file changed on disk since the Variables were read (or a save was refused for that). */
  variablesConflict: string | null;
  /** The Variables region has edits not saved yet (an outside change then asks instead of replacing them). */
  variablesDirty: boolean;
  setVariablesDirty(dirty: boolean): void;
  openCollection(folder: string): Promise<Outcome>;
  createCollection(folder: string, name: string): Promise<Outcome>;
  pickCollectionFolder(): Promise<{ folder: string | null } | { error: AppError }>;
  /** At start: the collection of the last session, and its linked tabs re-read. */
  restoreCollection(folder: string | null): Promise<void>;
  /** Open a request file in a tab, or focus the tab that already has it. */
  openRequest(path: string): Promise<Outcome>;
  renameRequest(path: string, name: string): Promise<Outcome>;
  duplicateRequest(path: string): Promise<Outcome>;
  moveRequest(path: string, folder: string): Promise<Outcome>;
  deleteRequest(path: string): Promise<Outcome>;
  /** Save: the active tab to its file; `saveAs` when it has none in the open collection. */
  saveActiveTab(options?: { replaceDiskVersion?: boolean }): Promise<Outcome | { saveAs: true }>;
  saveActiveTabAs(name: string, folder: string): Promise<Outcome>;
  /** Keep mine: save over the file on disk. */
  keepMine(tabId: string): Promise<Outcome>;
  /** Take theirs: the file as it is on disk replaces the tab's edits. */
  takeTheirs(tabId: string): Promise<Outcome>;
  /** Variables: collection scope and each environment given (the others kept), with the collection file's revision. */
  saveVariables(collection: VariableRow[], environments: { environment: string; variables: VariableRow[] }[], options?: { replaceDiskVersion?: boolean }): Promise<Outcome>;
  /** Variables: Take theirs (the file as on disk, already in the snapshot). */
  dismissVariablesConflict(): void;
}

/** The tree's requests by path, for names and duplicate marks. */
export function requestsOf(snapshot: CollectionSnapshotView | null): { path: string; name: string; method: string }[] {
  const out: { path: string; name: string; method: string }[] = [];
  const walk = (node: CollectionSnapshotView['tree']) => {
    if (node.kind === 'request') out.push({ path: node.path, name: node.name, method: node.method });
    else if (node.kind === 'folder') node.children.forEach(walk);
  };
  if (snapshot) walk(snapshot.tree);
  return out;
}

/** Every folder of the collection ('' is its root). */
export function foldersOf(snapshot: CollectionSnapshotView | null): string[] {
  const out: string[] = [''];
  const walk = (node: CollectionSnapshotView['tree']) => {
    if (node.kind !== 'folder') return;
    if (node.path !== '') out.push(node.path);
    node.children.forEach(walk);
  };
  if (snapshot) walk(snapshot.tree);
  return out;
}

const formKeys = ['endpointId', 'pathValues', 'queryValues', 'headerRows', 'body', 'customMethod', 'customPath', 'captures', 'tests', 'selectedKeyId'] as const;
const requestFormOf = (form: Pick<TabForm, (typeof formKeys)[number]>): RequestForm => Object.fromEntries(formKeys.map((k) => [k, form[k]])) as unknown as RequestForm;

export const createCollectionSlice: SliceCreator<CollectionSlice> = (set, get) => {
  let listening = false;

  const tabForm = (tabId: string): TabForm | undefined => {
    const s = get();
    if (tabId === s.activeTabId) return s as unknown as TabForm;
    return s.tabs.find((t) => t.id === tabId)?.form;
  };

  /** The tab that holds `path` of the open collection. */
  const tabOf = (path: string): string | undefined => {
    const s = get();
    return s.tabs.find((t) => {
      const link = tabForm(t.id)?.savedRequest;
      return link && link.collection === s.collectionRoot && link.path === path;
    })?.id;
  };

  /** A form made from a file: the file's key when stored here, else the key the tab had. */
  const formFor = (request: RequestFileView, fallbackKey: string | null): RequestForm => {
    const s = get();
    const form = formFromRequest(request, s.catalog, s.keys);
    return { ...form, selectedKeyId: form.selectedKeyId ?? fallbackKey };
  };

  /** Put the file `opened` into tab `tabId`: its form, its link, no unsaved mark. */
  const loadIntoTab = (tabId: string, opened: { path: string; request: RequestFileView; revision: string }, keepForm = false, unsaved = false) => {
    const s = get();
    const current = tabForm(tabId);
    const form = keepForm && current ? requestFormOf(current) : formFor(opened.request, current?.selectedKeyId ?? s.selectedKeyId);
    const base = { request: opened.request, form: keepForm && current ? formFor(opened.request, current.selectedKeyId) : form };
    const { [tabId]: _gone, ...conflicts } = get().tabConflicts;
    set({ requestBases: { ...get().requestBases, [opened.path]: base }, tabConflicts: conflicts });
    s.loadTab(tabId, { ...(keepForm ? {} : form), savedRequest: { collection: s.collectionRoot!, path: opened.path, revision: opened.revision } }, unsaved);
  };

  const fail = (error: AppError): Outcome => ({ error });

  const applySnapshot = (snapshot: CollectionSnapshotView) => {
    set({ collectionRoot: snapshot.root, collection: snapshot, collectionGone: null, collectionProblem: null, variablesConflict: null });
    get().scheduleWorkspaceSave();
  };

  /** A file of a linked tab changed on disk: reload a tab with no edits, ask about one with edits. */
  const fileChanged = async (path: string) => {
    const tabId = tabOf(path);
    if (!tabId) return;
    const read = await getDesktopApi().collectionsReadRequest({ path });
    const tab = get().tabs.find((t) => t.id === tabId);
    const link = tabForm(tabId)?.savedRequest;
    if (!tab || !link) return;
    if (!read.ok) {
      // Now damaged (or gone): the tab keeps what it has; Save refuses to write over a damaged file.
      set({ tabConflicts: { ...get().tabConflicts, [tabId]: { path, message: read.error.message } } });
      return;
    }
    if (read.value.revision === link.revision) return;
    if (!tab.unsaved) {
      loadIntoTab(tabId, read.value);
      return;
    }
    set({
      tabConflicts: {
        ...get().tabConflicts,
        [tabId]: { path, message: `${path} changed outside the console while this tab has unsaved edits. Keep mine saves your edits over it; Take theirs loads the file and drops your edits.` },
      },
    });
  };

  const onChanged = (event: EventPayload<'collectionsChanged'>) => {
    const s = get();
    if (event.snapshot === null) {
      // Gone: the tree goes, every tab keeps its draft (and its link, for when the folder is back).
      set({ collection: null, collectionGone: event.gone?.message ?? `The collection folder ${s.collectionRoot ?? ''} is gone.` });
      return;
    }
    if (s.collectionRoot !== null && event.snapshot.root !== s.collectionRoot) return;
    const before = s.collection?.collectionRevision ?? null;
    set({ collection: event.snapshot, collectionGone: null });
    if (event.changed.includes('collection.yaml') && before !== event.snapshot.collectionRevision && s.variablesDirty) {
      set({ variablesConflict: 'collection.yaml changed outside the console while the Variables have unsaved edits.' });
    }
    for (const path of event.changed) if (path !== 'collection.yaml') void fileChanged(path);
  };

  const listen = () => {
    if (listening) return;
    listening = true;
    getDesktopApi().onCollectionsChanged((event) => onChanged(event));
  };

  /** The linked tabs of the collection just opened: files changed while closed reload or ask. */
  const relink = async () => {
    const s = get();
    for (const tab of s.tabs) {
      const link = tabForm(tab.id)?.savedRequest;
      if (!link || link.collection !== s.collectionRoot) continue;
      const read = await getDesktopApi().collectionsReadRequest({ path: link.path });
      if (!read.ok) continue;
      const unsaved = get().tabs.find((t) => t.id === tab.id)?.unsaved ?? false;
      if (!unsaved) loadIntoTab(tab.id, read.value);
      else if (link.revision === read.value.revision) loadIntoTab(tab.id, read.value, true, true);
      else {
        set({ requestBases: { ...get().requestBases, [link.path]: { request: read.value.request, form: formFor(read.value.request, tabForm(tab.id)?.selectedKeyId ?? null) } } });
        set({ tabConflicts: { ...get().tabConflicts, [tab.id]: { path: link.path, message: `${link.path} changed outside the console since this tab was last saved, and the tab has unsaved edits. Keep mine or Take theirs?` } } });
      }
    }
  };

  const opened = async (reply: Awaited<ReturnType<ReturnType<typeof getDesktopApi>['collectionsOpen']>>): Promise<Outcome> => {
    if (!reply.ok) return fail(reply.error);
    listen();
    // Main starts the new collection with no runtime variables: the window's copy and the resolved preview follow.
    set({ requestBases: {}, tabConflicts: {}, variablesDirty: false, runtimeVariables: [], runtimeVersion: get().runtimeVersion + 1 });
    applySnapshot(reply.value);
    await relink();
    return { ok: true };
  };

  /** Save the tab's form to `target` (its file, or a new one in `folder`). */
  const save = async (tabId: string, target: { path: string; baseRevision: string | null } | { folder: string; name: string }, replaceDiskVersion = false): Promise<Outcome> => {
    const s = get();
    const form = tabForm(tabId);
    if (!form || !s.collection) return fail({ code: 'not_found', message: 'Open a collection first.' });
    const path = 'path' in target ? target.path : undefined;
    const base = path !== undefined ? (s.requestBases[path] ?? null) : null;
    const name = 'name' in target ? target.name : (requestsOf(s.collection).find((r) => r.path === path)?.name ?? base?.request.name ?? 'Request');
    const request = requestFromForm(requestFormOf(form), { name, base, catalog: s.catalog, keys: s.keys, activeKeyId: selectActiveKey(s)?.id ?? null });
    const reply = await getDesktopApi().collectionsSaveRequest(
      'path' in target
        ? { path: target.path, request, baseRevision: target.baseRevision, ...(replaceDiskVersion ? { replaceDiskVersion: true } : {}) }
        : { folder: target.folder, request, baseRevision: null },
    );
    if (!reply.ok) {
      if (reply.error.code === 'changed_on_disk' && path !== undefined) {
        set({ tabConflicts: { ...get().tabConflicts, [tabId]: { path, message: reply.error.message } } });
      }
      return fail(reply.error);
    }
    // The tab keeps its form: the file now holds exactly it; what was sent is the new base.
    const { [tabId]: _done, ...conflicts } = get().tabConflicts;
    const link = { collection: s.collectionRoot!, path: reply.value.path, revision: reply.value.revision };
    set({ requestBases: { ...get().requestBases, [reply.value.path]: { request: reply.value.request, form: requestFormOf(form) } }, tabConflicts: conflicts });
    get().loadTab(tabId, { savedRequest: link }, false);
    await refresh();
    return { ok: true };
  };

  /** After a rename or move: the tab that had the old path follows the file. */
  const follow = (from: string, to: { path: string; request: RequestFileView; revision: string }) => {
    const tabId = tabOf(from);
    const { [from]: base, ...bases } = get().requestBases;
    set({ requestBases: base ? { ...bases, [to.path]: { ...base, request: to.request } } : bases });
    if (!tabId) return;
    const tab = get().tabs.find((t) => t.id === tabId);
    const link = tabForm(tabId)?.savedRequest;
    if (tab && link) get().loadTab(tabId, { savedRequest: { ...link, path: to.path, revision: to.revision } }, tab.unsaved);
  };

  /** After the window's own change: main's watcher reports only outside ones, so the tree is asked for. */
  const refresh = async () => {
    const reply = await getDesktopApi().collectionsSnapshot();
    if (reply.ok && reply.value.root === get().collectionRoot) set({ collection: reply.value });
  };

  const problem = async (outcome: Outcome): Promise<Outcome> => {
    set({ collectionProblem: 'error' in outcome ? outcome.error.message : null });
    if ('ok' in outcome) await refresh();
    return outcome;
  };

  return {
    collectionRoot: null,
    collection: null,
    collectionGone: null,
    collectionProblem: null,
    requestBases: {},
    tabConflicts: {},
    variablesConflict: null,
    variablesDirty: false,
    setVariablesDirty: (dirty) => set({ variablesDirty: dirty }),

    openCollection: async (folder) => opened(await getDesktopApi().collectionsOpen({ folder: folder.trim() })),
    createCollection: async (folder, name) => opened(await getDesktopApi().collectionsCreate({ folder: folder.trim(), name: name.trim() })),

    pickCollectionFolder: async () => {
      const reply = await getDesktopApi().collectionsPickFolder();
      return reply.ok ? { folder: reply.value.folder } : { error: reply.error };
    },

    restoreCollection: async (folder) => {
      if (folder === null) return;
      const outcome = await get().openCollection(folder);
      if ('error' in outcome) set({ collectionRoot: folder, collectionProblem: `The collection of the last session (${folder}) could not be reopened: ${outcome.error.message}` });
    },

    openRequest: async (path) => {
      const existing = tabOf(path);
      if (existing) {
        get().activateTab(existing);
        return { ok: true };
      }
      const reply = await getDesktopApi().collectionsReadRequest({ path });
      if (!reply.ok) return problem(fail(reply.error));
      const s = get();
      s.newTab({});
      const tabId = get().activeTabId!;
      loadIntoTab(tabId, reply.value);
      set({ collectionProblem: null });
      return { ok: true };
    },

    renameRequest: async (path, name) => {
      const reply = await getDesktopApi().collectionsRename({ path, name: name.trim() });
      if (!reply.ok) return problem(fail(reply.error));
      follow(path, reply.value);
      return problem({ ok: true });
    },

    duplicateRequest: async (path) => {
      const reply = await getDesktopApi().collectionsDuplicate({ path });
      return problem(reply.ok ? { ok: true } : fail(reply.error));
    },

    moveRequest: async (path, folder) => {
      const reply = await getDesktopApi().collectionsMove({ path, folder });
      if (!reply.ok) return problem(fail(reply.error));
      follow(path, reply.value);
      return problem({ ok: true });
    },

    deleteRequest: async (path) => {
      const reply = await getDesktopApi().collectionsDelete({ path });
      if (!reply.ok) return problem(fail(reply.error));
      // The tab keeps its draft, unlinked and unsaved: Save then asks where.
      const tabId = tabOf(path);
      const { [path]: _gone, ...bases } = get().requestBases;
      set({ requestBases: bases });
      if (tabId) get().loadTab(tabId, { savedRequest: null }, true);
      return problem({ ok: true });
    },

    saveActiveTab: async (options = {}) => {
      const s = get();
      const tabId = s.activeTabId;
      if (!tabId) return fail({ code: 'not_found', message: 'There is no tab to save.' });
      const link = s.savedRequest;
      if (!s.collection || !link || link.collection !== s.collectionRoot) return { saveAs: true };
      return save(tabId, { path: link.path, baseRevision: link.revision }, options.replaceDiskVersion === true);
    },

    saveActiveTabAs: async (name, folder) => {
      const tabId = get().activeTabId;
      if (!tabId) return fail({ code: 'not_found', message: 'There is no tab to save.' });
      return save(tabId, { folder, name: name.trim() });
    },

    keepMine: async (tabId) => {
      const conflict = get().tabConflicts[tabId];
      const link = tabForm(tabId)?.savedRequest;
      if (!conflict || !link) return { ok: true };
      return save(tabId, { path: link.path, baseRevision: link.revision }, true);
    },

    takeTheirs: async (tabId) => {
      const conflict = get().tabConflicts[tabId];
      if (!conflict) return { ok: true };
      const reply = await getDesktopApi().collectionsReadRequest({ path: conflict.path });
      if (!reply.ok) return fail(reply.error);
      loadIntoTab(tabId, reply.value);
      return { ok: true };
    },

    saveVariables: async (collection, environments, options = {}) => {
      const s = get();
      if (!s.collection) return fail({ code: 'not_found', message: 'Open a collection first.' });
      const clean = (rows: VariableRow[]) => rows.filter((r) => r.name.trim() !== '' || r.value !== '').map((r) => ({ name: r.name.trim(), value: r.value }));
      const reply = await getDesktopApi().collectionsSetVariables({
        variables: clean(collection),
        environments: environments.map((e) => ({ environment: e.environment, variables: clean(e.variables) })),
        baseRevision: s.collection.collectionRevision,
        ...(options.replaceDiskVersion ? { replaceDiskVersion: true } : {}),
      });
      if (!reply.ok) {
        if (reply.error.code === 'changed_on_disk' || reply.error.code === 'damaged_file') set({ variablesConflict: reply.error.message });
        return fail(reply.error);
      }
      const current = get().collection;
      if (current) set({ collection: { ...current, collection: reply.value.collection, collectionRevision: reply.value.revision }, variablesConflict: null, variablesDirty: false });
      return { ok: true };
    },

    dismissVariablesConflict: () => set({ variablesConflict: null, variablesDirty: false }),
  };
};
