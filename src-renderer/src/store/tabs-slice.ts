import type { AppError, ImportedRequestView, TabDraft, WorkspaceSaveInput } from '../../../src-preload/contract';
import { CUSTOM_ENDPOINT_ID, DEFAULT_ENDPOINT_ID, findEndpoint } from '../lib/endpoint-catalog';
import { getDesktopApi } from '../lib/desktop-api';
import { freshExchange, type RequestSlice } from './request-slice';
import type { ConsoleState, SliceCreator } from './types';

/**
 * Open request tabs. Design: the request slice's single form stays the form the builder and the
 * response panel read (so none of them changed); it is the ACTIVE tab's state. Each other tab keeps
 * a snapshot of those same fields, and switching tabs swaps them. Drafts go to main (workspace:save)
 * a moment after the last change; main scrubs them of keys and keeps them for the next start.
 */

/** The request-slice fields one tab owns: what it would send, and what it got back. */
export const TAB_FORM_FIELDS = [
  'selectedKeyId',
  'endpointId',
  'pathValues',
  'queryValues',
  'headerRows',
  'body',
  'customMethod',
  'customPath',
  'savedRequest',
  'captures',
  'tests',
  'idempotencyKey',
  'lastSent',
  'attempt',
  'autoRetryStopped',
  'inFlight',
  'requestId',
  'response',
  'responseError',
  'budgetWarning',
  'retryAt',
  'retryKeyId',
] as const satisfies ReadonlyArray<keyof RequestSlice>;
type FormField = (typeof TAB_FORM_FIELDS)[number];
export type TabForm = Pick<RequestSlice, FormField>;

/** The fields a draft is made of: a change to one marks the tab unsaved and is saved to main. */
const DRAFT_FIELDS = ['selectedKeyId', 'endpointId', 'pathValues', 'queryValues', 'headerRows', 'body', 'customMethod', 'customPath', 'captures', 'tests'] as const satisfies readonly FormField[];

export interface RequestTab {
  id: string;
  unsaved: boolean;
  /** The tab's form while it is not the active one (the active tab's lives in the request slice). */
  form: TabForm;
}

export interface TabsSlice {
  tabs: RequestTab[];
  activeTabId: string | null;
  /** Words when the drafts could not be loaded or saved (or a key was taken out of one). */
  workspaceProblem: string | null;
  loadWorkspace(): Promise<void>;
  newTab(form?: Partial<TabForm>): void;
  closeTab(tabId: string): void;
  activateTab(tabId: string): void;
  /** A reply for a tab that is no longer the active one lands in its snapshot. */
  patchTab(tabId: string, patch: Partial<TabForm>): void;
  /**
   * Collections: a tab's form replaced by its request file (opened, saved, reloaded): not an edit, so
   * the tab is marked `unsaved` as given, and the drafts are saved to main a moment later.
   */
  loadTab(tabId: string, patch: Partial<TabForm>, unsaved: boolean): void;
  /** The drafts (and the open collection) saved to main a moment from now. */
  scheduleWorkspaceSave(): void;
  /** Import curl: main parses the command (and matches its key); the request opens in a new tab. */
  importCurl(command: string): Promise<{ imported: ImportedRequestView } | { error: AppError }>;
  /**
   * A key rotation moved every reference from key `from` to key `to` (main's drafts already did):
   * every tab, its last send and its saved version now name `to`. Not an edit: no tab becomes unsaved.
   */
  replaceKeyReferences(from: string, to: string): void;
}

/** Headers the console sets itself: an imported one would be sent twice. */
const OWN_HEADERS = new Set(['idempotency-key', 'content-type', 'accept', 'user-agent', 'content-length', 'host']);

/** The catalog endpoint an imported method and path is, with its path parameters' values. */
function endpointFor(imported: ImportedRequestView, catalog: ConsoleState['catalog']): { endpointId: string; pathValues: Record<string, string> } | null {
  const parts = imported.path.split('/');
  for (const entry of catalog) {
    if (entry.method !== imported.method) continue;
    const template = entry.path.split('/');
    if (template.length !== parts.length) continue;
    const pathValues: Record<string, string> = {};
    const fits = template.every((seg, i) => {
      const name = /^\{([^}]+)\}$/.exec(seg)?.[1];
      if (name === undefined) return seg === parts[i];
      if (!parts[i]) return false;
      pathValues[name] = decodeURIComponent(parts[i]!);
      return true;
    });
    if (fits) return { endpointId: entry.id, pathValues };
  }
  return null;
}

export const SAVE_DELAY_MS = 400;
const MAX_TABS = 50;

function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `tab_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const formOf = (s: ConsoleState): TabForm => Object.fromEntries(TAB_FORM_FIELDS.map((f) => [f, s[f]])) as TabForm;

/** A fresh form on `endpointId`, sending with `keyId`. */
function freshForm(s: ConsoleState, keyId: string | null, endpointId = s.catalog[0]?.id ?? DEFAULT_ENDPOINT_ID): TabForm {
  return {
    selectedKeyId: keyId,
    endpointId,
    pathValues: {},
    queryValues: {},
    headerRows: [],
    body: findEndpoint(endpointId, s.catalog)?.template ?? '',
    savedRequest: null,
    captures: [],
    tests: [],
    ...freshExchange(),
  };
}

const pairs = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => ({ name, value }));

/** What main keeps of a tab: its draft, never its response. */
function draftOf(tab: RequestTab, s: ConsoleState): WorkspaceSaveInput['tabs'][number] {
  const form = tab.id === s.activeTabId ? formOf(s) : tab.form;
  const endpoint = findEndpoint(form.endpointId, s.catalog);
  const custom = form.endpointId === CUSTOM_ENDPOINT_ID;
  return {
    id: tab.id,
    unsaved: tab.unsaved,
    name: tabLabel(form, s),
    target: custom ? { kind: 'free' } : { kind: 'endpoint', endpointId: form.endpointId },
    method: custom ? form.customMethod : (endpoint?.method ?? 'GET'),
    path: custom ? form.customPath.slice(0, 2048) : (endpoint?.path ?? '/'),
    pathParams: pairs(form.pathValues),
    query: pairs(form.queryValues),
    headers: form.headerRows.map((h) => ({ name: h.name, value: h.value })),
    body: form.body,
    keyId: form.selectedKeyId,
    collectionLink: form.savedRequest ? { collection: form.savedRequest.collection, file: form.savedRequest.path, revision: form.savedRequest.revision } : null,
    captures: form.captures.map((c) => ({ variable: c.variable, path: c.path })),
    tests: form.tests,
  };
}

function formFromDraft(draft: TabDraft, s: ConsoleState): TabForm {
  // Still linked to its request file after a restart; the collection slice re-reads its revision.
  const link = draft.collectionLink;
  const saved = {
    savedRequest: link ? { collection: link.collection, path: link.file, revision: link.revision ?? '' } : null,
    captures: (draft.captures ?? []).map((c) => ({ ...c })),
    tests: draft.tests ?? [],
  };
  if (draft.target.kind === 'free') {
    return { ...freshForm(s, draft.keyId, CUSTOM_ENDPOINT_ID), customMethod: draft.method, customPath: draft.path, headerRows: draft.headers.map((h) => ({ ...h })), body: draft.body ?? '', ...saved };
  }
  const endpointId = draft.target.kind === 'endpoint' && findEndpoint(draft.target.endpointId, s.catalog) ? draft.target.endpointId : (s.catalog[0]?.id ?? DEFAULT_ENDPOINT_ID);
  return {
    ...freshForm(s, draft.keyId, endpointId),
    pathValues: Object.fromEntries(draft.pathParams.map((p) => [p.name, p.value])),
    queryValues: Object.fromEntries(draft.query.map((p) => [p.name, p.value])),
    headerRows: draft.headers.map((h) => ({ name: h.name, value: h.value })),
    body: draft.body ?? '',
    ...saved,
  };
}

/** The tab's name in the strip: the method and path of its request. */
export function tabLabel(form: Pick<TabForm, 'endpointId' | 'customMethod' | 'customPath'>, s: Pick<ConsoleState, 'catalog'>): string {
  if (form.endpointId === CUSTOM_ENDPOINT_ID) return `${form.customMethod} ${form.customPath}`;
  const endpoint = findEndpoint(form.endpointId, s.catalog);
  return endpoint ? `${endpoint.method} ${endpoint.path}` : 'New request';
}

export const createTabsSlice: SliceCreator<TabsSlice> = (set, get, api) => {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  // Set while a tab switch swaps the form: that is not an edit.
  let swapping = false;
  let syncing = false;

  const saveNow = async () => {
    const s = get();
    // No collection yet (or not reopened yet at start): main keeps the one it has.
    const input: WorkspaceSaveInput = { tabs: s.tabs.map((t) => draftOf(t, s)), activeTabId: s.activeTabId, ...(s.collectionRoot ? { collection: s.collectionRoot } : {}) };
    const result = await getDesktopApi().workspaceSave(input);
    if (!result.ok) set({ workspaceProblem: `Open tabs could not be kept for the next start: ${result.error.message}` });
    else set({ workspaceProblem: result.value.warnings[0] ?? null });
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  /** Make `tabId` active: the current form goes into the old tab's snapshot, the new tab's comes out. */
  const swapTo = (tabs: RequestTab[], tabId: string) => {
    const s = get();
    if (s.autoRetryPending) s.cancelAutoRetry();
    const kept = tabs.map((t) => (t.id === s.activeTabId ? { ...t, form: formOf(s) } : t));
    const next = kept.find((t) => t.id === tabId);
    if (!next) return;
    swapping = true;
    try {
      set({ tabs: kept, activeTabId: tabId, ...next.form, autoRetryPending: false });
    } finally {
      swapping = false;
    }
    scheduleSave();
  };

  /** Edits of the active form mark its tab unsaved and are saved a moment later. */
  const startSync = () => {
    if (syncing) return;
    syncing = true;
    api.subscribe((state, prev) => {
      if (swapping || state.activeTabId === null) return;
      if (!DRAFT_FIELDS.some((f) => state[f] !== prev[f])) return;
      const tab = state.tabs.find((t) => t.id === state.activeTabId);
      if (tab && !tab.unsaved) set({ tabs: state.tabs.map((t) => (t.id === tab.id ? { ...t, unsaved: true } : t)) });
      scheduleSave();
    });
  };

  return {
    tabs: [],
    activeTabId: null,
    workspaceProblem: null,

    loadWorkspace: async () => {
      const result = await getDesktopApi().workspaceLoad();
      const s = get();
      if (!result.ok) set({ workspaceProblem: `The tabs of the last session could not be read: ${result.error.message}` });
      const drafts = result.ok ? result.value.tabs : [];
      if (drafts.length === 0) {
        const id = newTabId();
        set({ tabs: [{ id, unsaved: false, form: formOf(s) }], activeTabId: id });
      } else {
        const tabs = drafts.map((d) => ({ id: d.id, unsaved: d.unsaved, form: formFromDraft(d, s) }));
        const activeId = result.ok && tabs.some((t) => t.id === result.value.activeTabId) ? result.value.activeTabId! : tabs[0]!.id;
        swapping = true;
        try {
          set({ tabs, activeTabId: activeId, ...tabs.find((t) => t.id === activeId)!.form });
        } finally {
          swapping = false;
        }
      }
      startSync();
      // The collection open at the last save reopens, and the linked tabs re-read their files.
      await get().restoreCollection(result.ok ? (result.value.collection ?? null) : null);
    },

    newTab: (form = {}) => {
      const s = get();
      if (s.tabs.length >= MAX_TABS) {
        set({ workspaceProblem: `At most ${MAX_TABS} tabs can be open; close one first.` });
        return;
      }
      const tab: RequestTab = { id: newTabId(), unsaved: Object.keys(form).length > 0, form: { ...freshForm(s, s.selectedKeyId), ...form } };
      const at = s.tabs.findIndex((t) => t.id === s.activeTabId) + 1;
      const tabs = [...s.tabs.slice(0, at), tab, ...s.tabs.slice(at)];
      set({ tabs });
      swapTo(tabs, tab.id);
    },

    closeTab: (tabId) => {
      const s = get();
      const at = s.tabs.findIndex((t) => t.id === tabId);
      if (at < 0) return;
      const tab = s.tabs[at]!;
      const form = tab.id === s.activeTabId ? formOf(s) : tab.form;
      if (form.requestId) void getDesktopApi().requestCancel({ requestId: form.requestId });
      // The strip never goes empty: closing the last tab leaves a fresh one.
      if (s.tabs.length === 1) {
        const fresh: RequestTab = { id: newTabId(), unsaved: false, form: freshForm(s, s.selectedKeyId) };
        swapping = true;
        try {
          set({ tabs: [fresh], activeTabId: fresh.id, ...fresh.form });
        } finally {
          swapping = false;
        }
        scheduleSave();
        return;
      }
      const rest = s.tabs.filter((t) => t.id !== tabId);
      if (tabId !== s.activeTabId) {
        set({ tabs: rest });
        scheduleSave();
        return;
      }
      const next = (rest[at] ?? rest[at - 1])!;
      swapping = true;
      try {
        set({ tabs: rest, activeTabId: next.id, ...next.form });
      } finally {
        swapping = false;
      }
      scheduleSave();
    },

    activateTab: (tabId) => {
      if (tabId === get().activeTabId) return;
      swapTo(get().tabs, tabId);
    },

    replaceKeyReferences: (from, to) => {
      const s = get();
      const moved = <F extends Partial<Pick<TabForm, 'selectedKeyId' | 'retryKeyId' | 'lastSent'>>>(form: F): F => ({
        ...form,
        ...(form.selectedKeyId === from ? { selectedKeyId: to } : {}),
        ...(form.retryKeyId === from ? { retryKeyId: to } : {}),
        ...(form.lastSent?.keyId === from ? { lastSent: { ...form.lastSent, keyId: to } } : {}),
      });
      const bases = Object.fromEntries(Object.entries(s.requestBases).map(([path, base]) => [path, base.form.selectedKeyId === from ? { ...base, form: { ...base.form, selectedKeyId: to } } : base]));
      swapping = true;
      try {
        set({ ...moved({ selectedKeyId: s.selectedKeyId, retryKeyId: s.retryKeyId, lastSent: s.lastSent }), tabs: s.tabs.map((t) => ({ ...t, form: moved(t.form) })), requestBases: bases });
      } finally {
        swapping = false;
      }
    },

    importCurl: async (command) => {
      const result = await getDesktopApi().requestImportCurl({ command });
      if (!result.ok) return { error: result.error };
      const imported = result.value;
      const s = get();
      const target = endpointFor(imported, s.catalog);
      // The pasted key's own entry, else a stored key on the command's server, else the key in use.
      const keyId = imported.key.kind === 'matched' ? imported.key.matchedKeyId : (imported.serverKeyId ?? s.selectedKeyId);
      const headerRows = imported.headers.filter((h) => !OWN_HEADERS.has(h.name.toLowerCase())).map((h) => ({ name: h.name, value: h.value }));
      if (!target) {
        // Not in the catalog: a Custom request with the same method, path and query.
        const search = new URLSearchParams(imported.query.map((q): [string, string] => [q.name, q.value])).toString();
        s.newTab({ endpointId: CUSTOM_ENDPOINT_ID, customMethod: imported.method, customPath: `${imported.path}${search ? `?${search}` : ''}`, headerRows, body: imported.body ?? '', selectedKeyId: keyId });
        return { imported };
      }
      s.newTab({
        endpointId: target.endpointId,
        pathValues: target.pathValues,
        queryValues: Object.fromEntries(imported.query.map((q) => [q.name, q.value])),
        headerRows,
        body: imported.body ?? findEndpoint(target.endpointId, s.catalog)?.template ?? '',
        selectedKeyId: keyId,
      });
      return { imported };
    },

    loadTab: (tabId, patch, unsaved) => {
      const s = get();
      swapping = true;
      try {
        if (tabId === s.activeTabId) set(patch);
        set({ tabs: get().tabs.map((t) => (t.id === tabId ? { ...t, unsaved, form: tabId === s.activeTabId ? t.form : { ...t.form, ...patch } } : t)) });
      } finally {
        swapping = false;
      }
      scheduleSave();
    },

    scheduleWorkspaceSave: () => scheduleSave(),

    patchTab: (tabId, patch) => {
      const s = get();
      if (tabId === s.activeTabId) set(patch);
      else set({ tabs: s.tabs.map((t) => (t.id === tabId ? { ...t, form: { ...t.form, ...patch } } : t)) });
    },
  };
};
