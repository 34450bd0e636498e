import type {
  AddKeyInput,
  AppError,
  CreatedKey,
  EditKeyInput,
  KeyMeta,
  KeyOptionsInput,
  KeyStatus,
  KeyUsageView,
  Result,
  RevokeResult,
} from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { LoadStatus, SliceCreator } from './types';

/** The latest outcome of a row action, shown beside that row (never contains a secret). */
export type KeyNotice =
  | { kind: 'checked'; status: KeyStatus; at: string; reason?: string | null }
  | { kind: 'info'; message: string }
  | { kind: 'error'; message: string };

export interface KeysSlice {
  keys: KeyMeta[];
  keysStatus: LoadStatus;
  keysError: AppError | null;
  /** Why the last reconcile with the keychain (opening the Keys page) failed, or null. */
  keysSyncError: AppError | null;
  /** Per key id: what the last Test / Revoke / Rename said. */
  keyNotices: Record<string, KeyNotice>;
  refreshKeys(): Promise<void>;
  /** Replace the list (from a refresh or a keys-changed event). */
  setKeys(keys: KeyMeta[]): void;
  /**
   * Hand a new key to the main process. The secret passes straight through: it is never
   * written to the store, so the caller's form field is the only place it ever lived.
   */
  addKey(input: AddKeyInput): Promise<Result<KeyMeta>>;
  /**
   * Create a sandbox key. The reply's secret is returned to the caller (the shown-once dialog)
   * and deliberately NOT kept here: only the metadata enters the store.
   */
  createKey(name: string): Promise<Result<CreatedKey>>;
  testKey(id: string): Promise<Result<KeyMeta>>;
  renameKey(id: string, name: string): Promise<Result<KeyMeta>>;
  /** Edit key: where the key is sent (environment, base URL); main checks both. */
  editKey(input: EditKeyInput): Promise<Result<KeyMeta>>;
  revokeKey(id: string): Promise<Result<RevokeResult>>;
  /** Details: Read only and the rotation reminder. */
  setKeyOptions(input: KeyOptionsInput): Promise<Result<KeyMeta>>;
  /** Details → Key usage: the last 30 days of sends from this computer. */
  loadKeyUsage(id: string): Promise<Result<KeyUsageView>>;
  deleteKey(id: string): Promise<Result<{ deleted: boolean }>>;
  clearKeyNotice(id: string): void;
  /** Reconcile with the keychain and pull the sandbox's last-used times (touches the keychain). */
  syncKeys(): Promise<void>;
}

/** Put `key` in place of the one with the same id, or append it. */
export function upsertKey(keys: readonly KeyMeta[], key: KeyMeta): KeyMeta[] {
  const index = keys.findIndex((k) => k.id === key.id);
  if (index === -1) return [...keys, key];
  return keys.map((k, i) => (i === index ? key : k));
}

function withoutNotice(notices: Record<string, KeyNotice>, id: string): Record<string, KeyNotice> {
  if (!(id in notices)) return notices;
  const next = { ...notices };
  delete next[id];
  return next;
}

export const createKeysSlice: SliceCreator<KeysSlice> = (set, get) => {
  const notify = (id: string, notice: KeyNotice) => set({ keyNotices: { ...get().keyNotices, [id]: notice } });
  /** Show the reply's metadata at once; the keys-changed event (or a refresh) confirms it. */
  const upsert = (key: KeyMeta) => set({ keys: upsertKey(get().keys, key), keysStatus: 'ready' });

  /**
   * Whole lists come from three places whose answers may cross: the plain list, the Keys page's
   * reconcile and keys-changed events. Each is numbered when asked (an event when it arrives); a
   * reply older than the list last shown is dropped, as the event that overtook it says more.
   */
  let asked = 0;
  let shown = 0;
  /** The latest reconcile asked: an older one's answer, success or failure, says nothing now. */
  let latestSync = 0;
  let relisting = false;
  /**
   * A dropped reply may still have seen something no event announced (the sandbox's address, say):
   * the list is asked once more, one at a time, and that answer is newer than anything shown.
   */
  const relist = () => {
    if (relisting) return;
    relisting = true;
    void get()
      .refreshKeys()
      .finally(() => (relisting = false));
  };
  const showList = (number: number, keys: KeyMeta[]) => {
    if (number < shown) {
      relist();
      return;
    }
    shown = number;
    // Notices of keys that are gone would otherwise linger forever.
    const ids = new Set(keys.map((k) => k.id));
    const notices = Object.fromEntries(Object.entries(get().keyNotices).filter(([id]) => ids.has(id)));
    set({ keys, keysStatus: 'ready', keysError: null, keyNotices: notices });
  };

  return {
    keys: [],
    keysStatus: 'idle',
    keysError: null,
    keysSyncError: null,
    keyNotices: {},

    refreshKeys: async () => {
      // Keep showing the old list while reloading; only the first load says "Loading".
      if (get().keysStatus !== 'ready') set({ keysStatus: 'loading' });
      const number = ++asked;
      const result = await getDesktopApi().keysList();
      if (result.ok) showList(number, result.value);
      // A failure older than the list shown does not put "Could not load" over a current list.
      else if (number >= shown) set({ keysStatus: 'error', keysError: result.error });
    },

    setKeys: (keys) => showList(++asked, keys),

    addKey: async (input) => {
      const result = await getDesktopApi().keysAdd(input);
      if (result.ok) {
        upsert(result.value);
        void get().refreshKeys();
      }
      return result;
    },

    createKey: async (name) => {
      const result = await getDesktopApi().keysCreate({ name });
      if (result.ok) {
        // Only `key` (metadata) is stored; `secret` stays with the caller.
        upsert(result.value.key);
        void get().refreshKeys();
      }
      return result;
    },

    testKey: async (id) => {
      const result = await getDesktopApi().keysTest({ id });
      if (result.ok) {
        upsert(result.value);
        notify(id, { kind: 'checked', status: result.value.status, at: result.value.lastCheckedAt ?? new Date().toISOString(), ...(result.value.statusReason ? { reason: result.value.statusReason } : {}) });
      } else {
        notify(id, { kind: 'error', message: `Test failed: ${result.error.message}` });
      }
      return result;
    },

    renameKey: async (id, name) => {
      const result = await getDesktopApi().keysRename({ id, name });
      if (result.ok) upsert(result.value);
      return result;
    },

    editKey: async (input) => {
      const result = await getDesktopApi().keysEdit(input);
      if (result.ok) {
        upsert(result.value);
        // What the old server said of the key no longer holds.
        set({ keyNotices: withoutNotice(get().keyNotices, input.id) });
      }
      return result;
    },

    setKeyOptions: async (input) => {
      const result = await getDesktopApi().keysSetOptions(input);
      if (result.ok) upsert(result.value);
      return result;
    },

    loadKeyUsage: (id) => getDesktopApi().keysUsage({ id }),

    revokeKey: async (id) => {
      const result = await getDesktopApi().keysRevoke({ id });
      if (result.ok) {
        upsert(result.value.key);
        // Production/custom: the message explaining the dashboard is shown by the dialog instead.
        if (result.value.revokedOnServer) notify(id, { kind: 'info', message: result.value.message });
      }
      return result;
    },

    deleteKey: async (id) => {
      const result = await getDesktopApi().keysDelete({ id });
      if (result.ok) {
        set({ keys: get().keys.filter((k) => k.id !== id), keyNotices: withoutNotice(get().keyNotices, id) });
        void get().refreshKeys();
      }
      return result;
    },

    syncKeys: async () => {
      const number = ++asked;
      latestSync = number;
      const result = await getDesktopApi().keysRefresh();
      if (number !== latestSync) {
        if (result.ok) showList(number, result.value);
        return;
      }
      if (result.ok) {
        set({ keysSyncError: null });
        showList(number, result.value);
      } else {
        // The list stays as it was; the page says the keychain check did not happen, and why.
        set({ keysSyncError: result.error });
      }
    },

    clearKeyNotice: (id) => set({ keyNotices: withoutNotice(get().keyNotices, id) }),
  };
};
