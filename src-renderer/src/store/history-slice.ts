import type { AppError, HistoryEntry } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { LoadStatus, SliceCreator } from './types';

export interface HistorySlice {
  history: HistoryEntry[];
  historyStatus: LoadStatus;
  historyError: AppError | null;
  historyFilter: string;
  loadHistory(): Promise<void>;
  setHistoryFilter(filter: string): void;
  clearHistory(): Promise<void>;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => {
  let sequence = 0;
  return {
    history: [],
    historyStatus: 'idle',
    historyError: null,
    historyFilter: '',
    loadHistory: async () => {
      const mine = ++sequence;
      set({ historyStatus: 'loading' });
      const filter = get().historyFilter.trim();
      const result = await getDesktopApi().historyList(filter ? { filter } : undefined);
      if (mine !== sequence) return;
      if (result.ok) set({ history: result.value, historyStatus: 'ready', historyError: null });
      else set({ historyStatus: 'error', historyError: result.error });
    },
    setHistoryFilter: (filter) => {
      set({ historyFilter: filter });
      void get().loadHistory();
    },
    clearHistory: async () => {
      const result = await getDesktopApi().historyClear();
      if (result.ok) set({ history: [], historyError: null });
      else set({ historyError: result.error });
    },
  };
};
