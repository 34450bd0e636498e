import type { AddKeyInput, AppError, KeyMeta, Result } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { LoadStatus, SliceCreator } from './types';

export interface KeysSlice {
  keys: KeyMeta[];
  keysStatus: LoadStatus;
  keysError: AppError | null;
  refreshKeys(): Promise<void>;
  /** Replace the list (from a refresh or a keys-changed event). */
  setKeys(keys: KeyMeta[]): void;
  /**
   * Hand a new key to the main process. The secret passes straight through: it is never
   * written to the store, so the caller's form field is the only place it ever lived.
   */
  addKey(input: AddKeyInput): Promise<Result<KeyMeta>>;
}

export const createKeysSlice: SliceCreator<KeysSlice> = (set, get) => ({
  keys: [],
  keysStatus: 'idle',
  keysError: null,

  refreshKeys: async () => {
    // Keep showing the old list while reloading; only the first load says "Loading".
    if (get().keysStatus !== 'ready') set({ keysStatus: 'loading' });
    const result = await getDesktopApi().keysList();
    if (result.ok) get().setKeys(result.value);
    else set({ keysStatus: 'error', keysError: result.error });
  },

  setKeys: (keys) => set({ keys, keysStatus: 'ready', keysError: null }),

  addKey: async (input) => {
    const result = await getDesktopApi().keysAdd(input);
    if (result.ok) {
      // Show the new key at once; the refresh (and the keys-changed event) confirm it.
      const added = result.value;
      set({ keys: [...get().keys.filter((k) => k.id !== added.id), added], keysStatus: 'ready' });
      void get().refreshKeys();
    }
    return result;
  },
});
