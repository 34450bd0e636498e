import type {
  AppError,
  Contact,
  ContactScanBy,
  ContactScanProgress,
  Conversation,
  ConversationDetail,
  ExportProgress,
  ExportStartInput,
} from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import { selectActiveKey } from './selectors';
import type { LoadStatus, SliceCreator } from './types';

/** One place in the Inspector; back/forward move through a stack of these. */
export type InspectorView =
  | { kind: 'search' }
  | { kind: 'contact'; contact: Contact }
  | { kind: 'conversation'; conversationId: string; contact: Contact | null };

/** What the Find box searches: names, emails and ids (the API's filters), or a paced scan. */
export type SearchBy = 'auto' | 'company' | 'phone';
/** Why a contact scan runs: to list matches, to open the contact of an id, or to name a conversation's contact. */
export type ScanPurpose = 'find' | 'open-contact' | 'conversation-contact';

/** An id the Find box opens directly (`ct_…` a contact, `cv_…` a conversation). */
export function idKind(query: string): 'contact' | 'conversation' | null {
  const q = query.trim();
  return /^ct_[\w-]+$/.test(q) ? 'contact' : /^cv_[\w-]+$/.test(q) ? 'conversation' : null;
}

export interface InspectorSlice {
  searchQuery: string;
  searchStatus: LoadStatus;
  searchResults: Contact[];
  searchHasMore: boolean;
  /** Where the next page of the search starts (Load more). */
  searchCursor: string | null;
  searchError: AppError | null;
  views: InspectorView[];
  viewIndex: number;
  contactConversations: Conversation[];
  contactCursor: string | null;
  contactStatus: LoadStatus;
  contactError: AppError | null;
  conversation: ConversationDetail | null;
  conversationStatus: LoadStatus;
  conversationError: AppError | null;
  exportProgress: ExportProgress | null;
  exportError: AppError | null;
  /** Which Export panel started the current export (`list`, `contact:ct_…`, `thread:cv_…`): only that one shows it. */
  exportScope: string | null;
  searchBy: SearchBy;
  scanId: string | null;
  scanPurpose: ScanPurpose | null;
  /** The scan's by and value as started (the progress carries no value: a phone number stays here). */
  scanQuery: { by: ContactScanBy; value: string } | null;
  scanProgress: ContactScanProgress | null;
  scanError: AppError | null;

  searchContacts(query: string): Promise<void>;
  /** The next page of the current search, added below the results. */
  loadMoreContacts(): Promise<void>;
  openContact(contact: Contact): void;
  loadMoreConversations(): Promise<void>;
  openConversation(conversationId: string): void;
  inspectorBack(): void;
  inspectorForward(): void;
  startExport(input: Omit<ExportStartInput, 'keyId' | 'bom'> & { bom?: boolean }, scope?: string): Promise<void>;
  cancelExport(): Promise<void>;
  setExportProgress(progress: ExportProgress): void;
  /** Desktop: the finished export in the system's file manager (main knows its path by id). */
  showExportInFolder(exportId: string): Promise<void>;
  setSearchBy(by: SearchBy): void;
  /** Enter in the Find box: opens an id, starts a scan, or searches at once. */
  submitSearch(query: string): Promise<void>;
  startScan(by: ContactScanBy, value: string, purpose: ScanPurpose): Promise<void>;
  cancelScan(): Promise<void>;
  setScanProgress(progress: ContactScanProgress): void;
  /** Opens a conversation by its id; its contact is looked up (paced scan) to name it and to go back to. */
  openConversationById(conversationId: string): void;
}

let searchSeq = 0;
/** Scan events that overtook the reply of their start. */
let earlyScanEvents: ContactScanProgress[] = [];

export const createInspectorSlice: SliceCreator<InspectorSlice> = (set, get) => {
  // The key in use is one for the whole console (the header names it): the Inspector reads with it too.
  const keyId = () => selectActiveKey(get())?.id ?? null;

  /** Load what a view shows (on first visit and on back/forward). */
  async function load(view: InspectorView): Promise<void> {
    const id = keyId();
    if (!id) return;
    // The contact's timeline stays open while one of its conversations is read: back is instant.
    if (view.kind === 'contact' && get().timelineContactId !== view.contact.id) void get().openTimeline(view.contact.id);
    else if (view.kind === 'search') get().closeTimeline();
    if (view.kind === 'contact') {
      set({ contactConversations: [], contactCursor: null, contactStatus: 'loading', contactError: null });
      const r = await getDesktopApi().inspectorConversations({ keyId: id, contactId: view.contact.id });
      if (currentView() !== view) return;
      if (r.ok) set({ contactConversations: r.value.conversations, contactCursor: r.value.nextCursor, contactStatus: 'ready' });
      else set({ contactStatus: 'error', contactError: r.error });
    } else if (view.kind === 'conversation') {
      set({ conversation: null, conversationStatus: 'loading', conversationError: null });
      const r = await getDesktopApi().inspectorConversation({ keyId: id, conversationId: view.conversationId });
      if (currentView() !== view) return;
      if (r.ok) {
        set({ conversation: r.value, conversationStatus: 'ready' });
        // Opened by its id: the API has no contact by id, so a paced scan finds its contact.
        if (!view.contact) void get().startScan('id', r.value.contact_id, 'conversation-contact');
      } else set({ conversationStatus: 'error', conversationError: r.error });
    }
  }

  const currentView = () => get().views[get().viewIndex];

  function go(view: InspectorView): void {
    const views = [...get().views.slice(0, get().viewIndex + 1), view];
    set({ views, viewIndex: views.length - 1 });
    void load(view);
  }

  return {
    searchQuery: '',
    searchStatus: 'idle',
    searchResults: [],
    searchHasMore: false,
    searchCursor: null,
    searchError: null,
    views: [{ kind: 'search' }],
    viewIndex: 0,
    contactConversations: [],
    contactCursor: null,
    contactStatus: 'idle',
    contactError: null,
    conversation: null,
    conversationStatus: 'idle',
    conversationError: null,
    exportProgress: null,
    exportError: null,
    exportScope: null,

    searchBy: 'auto',
    scanId: null,
    scanPurpose: null,
    scanQuery: null,
    scanProgress: null,
    scanError: null,

    searchContacts: async (query) => {
      const seq = ++searchSeq;
      set({ searchQuery: query });
      const id = keyId();
      // Ids open on Enter (submitSearch); company and phone scan on Enter: typing alone spends no budget.
      if (get().searchBy !== 'auto' || idKind(query)) {
        set({ searchStatus: 'idle', searchResults: [], searchHasMore: false, searchCursor: null, searchError: null });
        return;
      }
      if (query.trim() === '' || !id) {
        set({ searchStatus: 'idle', searchResults: [], searchHasMore: false, searchCursor: null, searchError: null });
        return;
      }
      set({ searchStatus: 'loading', searchError: null });
      // The id lets main cancel the request of a search this one supersedes.
      const r = await getDesktopApi().inspectorSearch({ keyId: id, query, searchId: `s${seq}` });
      if (seq !== searchSeq) return;
      if (r.ok) set({ searchStatus: 'ready', searchResults: r.value.contacts, searchHasMore: r.value.hasMore, searchCursor: r.value.nextCursor ?? null });
      else if (r.error.code !== 'cancelled') set({ searchStatus: 'error', searchError: r.error });
    },

    loadMoreContacts: async () => {
      const { searchQuery: query, searchCursor: cursor } = get();
      const id = keyId();
      if (!cursor || !id) return;
      const seq = ++searchSeq;
      set({ searchStatus: 'loading', searchError: null });
      const r = await getDesktopApi().inspectorSearch({ keyId: id, query, searchId: `s${seq}`, cursor });
      if (seq !== searchSeq) return;
      if (r.ok) {
        set({
          searchStatus: 'ready',
          searchResults: [...get().searchResults, ...r.value.contacts],
          searchHasMore: r.value.hasMore,
          searchCursor: r.value.nextCursor ?? null,
        });
      } else if (r.error.code !== 'cancelled') set({ searchStatus: 'error', searchError: r.error });
    },

    openContact: (contact) => go({ kind: 'contact', contact }),

    loadMoreConversations: async () => {
      const view = currentView();
      const id = keyId();
      const cursor = get().contactCursor;
      if (view?.kind !== 'contact' || !id || !cursor) return;
      set({ contactStatus: 'loading' });
      const r = await getDesktopApi().inspectorConversations({ keyId: id, contactId: view.contact.id, cursor });
      if (currentView() !== view) return;
      if (r.ok) {
        set({
          contactConversations: [...get().contactConversations, ...r.value.conversations],
          contactCursor: r.value.nextCursor,
          contactStatus: 'ready',
        });
      } else set({ contactStatus: 'error', contactError: r.error });
    },

    openConversation: (conversationId) => {
      const view = currentView();
      go({ kind: 'conversation', conversationId, contact: view?.kind === 'contact' ? view.contact : null });
    },

    inspectorBack: () => {
      if (get().viewIndex === 0) return;
      set({ viewIndex: get().viewIndex - 1 });
      void load(currentView()!);
    },

    inspectorForward: () => {
      if (get().viewIndex >= get().views.length - 1) return;
      set({ viewIndex: get().viewIndex + 1 });
      void load(currentView()!);
    },

    startExport: async (input, scope = 'list') => {
      const id = keyId();
      if (!id) return;
      set({ exportError: null, exportProgress: null, exportScope: scope });
      const r = await getDesktopApi().exportStart({ ...input, keyId: id });
      if (!r.ok) set({ exportError: r.error });
    },

    cancelExport: async () => {
      const p = get().exportProgress;
      if (p) await getDesktopApi().exportCancel({ exportId: p.exportId });
    },

    setExportProgress: (progress) => set({ exportProgress: progress }),

    showExportInFolder: async (exportId) => {
      const r = await getDesktopApi().exportShowInFolder({ exportId });
      set({ exportError: r.ok ? null : r.error });
    },

    setSearchBy: (by) => {
      if (get().scanPurpose === 'find') void get().cancelScan();
      set({ searchBy: by, searchResults: [], searchHasMore: false, searchCursor: null, searchStatus: 'idle', scanProgress: null, scanError: null });
    },

    submitSearch: async (query) => {
      const q = query.trim();
      if (q === '') return;
      const by = get().searchBy;
      if (by !== 'auto') {
        set({ searchQuery: query });
        return get().startScan(by, q, 'find');
      }
      const kind = idKind(q);
      if (kind === 'conversation') return get().openConversationById(q);
      if (kind === 'contact') {
        set({ searchQuery: query });
        return get().startScan('id', q, 'open-contact');
      }
      return get().searchContacts(query);
    },

    startScan: async (by, value, purpose) => {
      const id = keyId();
      if (!id) return;
      if (get().scanId) void get().cancelScan();
      earlyScanEvents = [];
      ++searchSeq;
      set({ scanId: null, scanPurpose: purpose, scanQuery: { by, value }, scanProgress: null, scanError: null, ...(purpose === 'find' ? { searchResults: [], searchHasMore: false, searchCursor: null, searchStatus: 'idle' as const } : {}) });
      const r = await getDesktopApi().inspectorScanStart({ keyId: id, by, value });
      if (get().scanQuery?.value !== value || get().scanPurpose !== purpose || get().scanId !== null) {
        if (r.ok) void getDesktopApi().inspectorScanCancel({ scanId: r.value.scanId });
        return;
      }
      if (!r.ok) return set({ scanError: r.error, scanPurpose: null });
      set({ scanId: r.value.scanId });
      for (const p of earlyScanEvents.filter((e) => e.scanId === r.value.scanId)) get().setScanProgress(p);
      earlyScanEvents = [];
    },

    cancelScan: async () => {
      const scanId = get().scanId;
      if (scanId) await getDesktopApi().inspectorScanCancel({ scanId });
    },

    setScanProgress: (progress) => {
      const { scanId, scanPurpose, scanQuery } = get();
      if (scanId === null) {
        if (scanPurpose !== null) earlyScanEvents.push(progress);
        return;
      }
      if (progress.scanId !== scanId) return;
      set({ scanProgress: progress });
      const ended = progress.state !== 'running' && progress.state !== 'waiting';
      if (ended) set({ scanId: null });
      const found = progress.matches[0];
      if (progress.state !== 'done' || !found || scanQuery?.by !== 'id') return;
      if (scanPurpose === 'open-contact') {
        set({ scanProgress: null, scanPurpose: null });
        get().openContact(found);
      } else if (scanPurpose === 'conversation-contact') {
        // Named in the conversation, and Back goes to the contact rather than to the search.
        const view = currentView();
        if (view?.kind !== 'conversation' || view.contact) return;
        const views = [...get().views];
        views.splice(get().viewIndex, 1, { kind: 'contact', contact: found }, { ...view, contact: found });
        set({ views, viewIndex: get().viewIndex + 1, scanProgress: null, scanPurpose: null });
      }
    },

    openConversationById: (conversationId) => {
      go({ kind: 'conversation', conversationId, contact: null });
    },
  };
};
