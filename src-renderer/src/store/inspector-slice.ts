import type {
  AppError,
  Contact,
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
}

let searchSeq = 0;

export const createInspectorSlice: SliceCreator<InspectorSlice> = (set, get) => {
  // The key in use is one for the whole console (the header names it): the Inspector reads with it too.
  const keyId = () => selectActiveKey(get())?.id ?? null;

  /** Load what a view shows (on first visit and on back/forward). */
  async function load(view: InspectorView): Promise<void> {
    const id = keyId();
    if (!id) return;
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
      if (r.ok) set({ conversation: r.value, conversationStatus: 'ready' });
      else set({ conversationStatus: 'error', conversationError: r.error });
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


    searchContacts: async (query) => {
      const seq = ++searchSeq;
      set({ searchQuery: query });
      const id = keyId();
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
  };
};
