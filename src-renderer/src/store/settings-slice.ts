import { DEFAULT_SETTINGS, type AppError, type Result, type SandboxReset, type ScanReportView, type Settings, type SettingsUpdate } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  settings: Settings;
  settingsError: AppError | null;
  loadSettings(): Promise<void>;
  updateSettings(patch: SettingsUpdate): Promise<void>;
  /** Wipe and reseed the embedded sandbox; the builder moves to the new demo key if it used a sandbox key. */
  resetSandbox(): Promise<Result<SandboxReset>>;
  /** Scan for leaked keys: main searches the folder's text files for Helplane keys and the stored keys. */
  scanForLeaks(folder: string, maxFileMb: number): Promise<Result<ScanReportView>>;
}

/** Show the chosen theme: `data-theme` on <html> (CSS picks colours; "system" follows the OS). */
function applyTheme(theme: Settings['theme']): void {
  // globalThis: the store is also type-checked and run under Node in tests.
  const doc = (globalThis as { document?: { documentElement: { dataset: Record<string, string | undefined> } } }).document;
  if (doc) doc.documentElement.dataset.theme = theme;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: DEFAULT_SETTINGS,
  settingsError: null,
  loadSettings: async () => {
    const result = await getDesktopApi().settingsGet();
    if (result.ok) {
      set({ settings: result.value, settingsError: null });
      applyTheme(result.value.theme);
    } else set({ settingsError: result.error });
  },
  updateSettings: async (patch) => {
    // Shown at once (a checkbox must follow the click); put back if main refuses.
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    applyTheme(get().settings.theme);
    const result = await getDesktopApi().settingsUpdate(patch);
    if (result.ok) {
      set({ settings: result.value, settingsError: null });
      applyTheme(result.value.theme);
    } else {
      set({ settingsError: result.error, settings: before });
      applyTheme(before.theme);
    }
  },
  scanForLeaks: (folder, maxFileMb) => getDesktopApi().scanFolder({ folder, maxFileMb }),
  resetSandbox: async () => {
    const result = await getDesktopApi().sandboxReset();
    if (result.ok) {
      const { demoKey } = result.value;
      const selected = get().keys.find((k) => k.id === get().selectedKeyId);
      if (demoKey && (!selected || selected.environment === 'sandbox')) get().selectKey(demoKey.id);
      await get().refreshKeys();
    }
    return result;
  },
});
