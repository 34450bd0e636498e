import type { AppError, ExportFormat, PagesProgress, ResponseView, SavedBody } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { SliceCreator } from './types';

/** The page facts of a reply, when it is a Helplane list (`{object:"list", has_more, next_cursor}`). */
export function listPageFacts(response: ResponseView | null): { hasMore: boolean; nextCursor: string | null } | null {
  // A large body stays in main (response.large): it is not parsed here.
  if (!response || response.large || response.bodyKind === 'binary' || response.body.length > 4 * 1024 * 1024) return null;
  try {
    const page = JSON.parse(response.body) as { object?: unknown; has_more?: unknown; next_cursor?: unknown };
    if (page?.object !== 'list' || typeof page.has_more !== 'boolean') return null;
    return { hasMore: page.has_more, nextCursor: typeof page.next_cursor === 'string' ? page.next_cursor : null };
  } catch {
    return null;
  }
}

export interface PaginationSlice {
  /** The reply the pagination state belongs to: a new reply (a Send, History) leaves it behind. */
  pagesSource: ResponseView | null;
  nextPageLoading: boolean;
  walkId: string | null;
  /** The walk's latest progress; at the end it carries the merged list. */
  walkProgress: PagesProgress | null;
  pagesError: AppError | null;
  nextPage(): Promise<void>;
  fetchAllPages(): Promise<void>;
  cancelFetchAll(): Promise<void>;
  exportPages(format: ExportFormat): Promise<{ saved: SavedBody } | { error: AppError }>;
}

export const createPaginationSlice: SliceCreator<PaginationSlice> = (set, get, store) => {
  let unsubscribe: (() => void) | null = null;
  const stopListening = () => {
    unsubscribe?.();
    unsubscribe = null;
  };
  // A walk belongs to the reply it started from: when another reply is shown (a Send, History),
  // a running walk is cancelled rather than left spending the budget out of sight.
  store.subscribe((state, prev) => {
    const running = state.walkProgress?.state === 'running' || state.walkProgress?.state === 'waiting';
    if (state.response !== prev.response && state.response !== state.pagesSource && running) void state.cancelFetchAll();
  });
  return {
    pagesSource: null,
    nextPageLoading: false,
    walkId: null,
    walkProgress: null,
    pagesError: null,

    nextPage: async () => {
      const { response, lastSent } = get();
      const facts = listPageFacts(response);
      if (!lastSent || !facts?.nextCursor) return;
      set({ pagesSource: response, nextPageLoading: true, pagesError: null });
      const query = (lastSent.query ?? []).filter((q) => q.name.trim() !== 'starting_after');
      const result = await getDesktopApi().requestNextPage({ keyId: lastSent.keyId, path: lastSent.path, query, cursor: facts.nextCursor });
      if (get().response !== response) return set({ nextPageLoading: false });
      if (result.ok) {
        // Shown as any reply; the next Next page continues from it (its request has the cursor).
        set({
          nextPageLoading: false,
          pagesSource: result.value,
          response: result.value,
          responseError: null,
          lastSent: { ...lastSent, query: [...query, { name: 'starting_after', value: facts.nextCursor }], requestId: undefined },
        });
        void get().loadHistory();
      } else set({ nextPageLoading: false, pagesError: result.error });
    },

    fetchAllPages: async () => {
      const { response, lastSent } = get();
      if (!lastSent || !listPageFacts(response)) return;
      stopListening();
      set({ pagesSource: response, walkId: null, walkProgress: null, pagesError: null });
      const api = getDesktopApi();
      // Listening before the start: the first event may come before the reply.
      const early: PagesProgress[] = [];
      unsubscribe = api.onPagesProgress((p) => {
        const id = get().walkId;
        if (id === null) early.push(p);
        else if (p.walkId === id) set({ walkProgress: p });
        if (id === p.walkId && p.state !== 'running' && p.state !== 'waiting') stopListening();
      });
      const query = (lastSent.query ?? []).filter((q) => q.name.trim() !== 'starting_after');
      const result = await api.requestFetchAllPages({ keyId: lastSent.keyId, path: lastSent.path, query });
      if (!result.ok) {
        stopListening();
        return set({ pagesError: result.error });
      }
      const walkId = result.value.walkId;
      const seen = early.filter((p) => p.walkId === walkId).at(-1) ?? null;
      set({ walkId, walkProgress: seen ?? { walkId, state: 'running', pages: 0, items: 0, requests: 0, rateLimited: 0, message: null, merged: null } });
      if (seen && seen.state !== 'running' && seen.state !== 'waiting') stopListening();
    },

    cancelFetchAll: async () => {
      const walkId = get().walkId;
      if (!walkId) return;
      const result = await getDesktopApi().requestCancelFetchAll({ walkId });
      if (!result.ok) set({ pagesError: result.error });
    },

    exportPages: async (format) => {
      const walkId = get().walkId;
      if (!walkId) return { error: { code: 'not_found', message: 'There is no merged list to export.' } };
      const result = await getDesktopApi().requestExportPages({ walkId, format });
      return result.ok ? { saved: result.value } : { error: result.error };
    },
  };
};
