import type { AppError, AppInfo, SaveProblem } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import { now } from '../lib/clock';
import type { SliceCreator } from './types';

export type PageId = 'keys' | 'requests' | 'inspector' | 'history' | 'settings';

/** How often the header re-asks while the embedded sandbox is still starting. */
const SANDBOX_POLL_MS = 1000;

export interface AppSlice {
  page: PageId;
  appInfo: AppInfo | null;
  appInfoError: AppError | null;
  /** Files main cannot save right now (the data is kept and saved again), as main last said. */
  saveProblems: SaveProblem[];
  /** Wall clock, ticked each second while a session runs: drives countdowns and "3 min ago". */
  now: number;
  navigate(page: PageId): void;
  loadAppInfo(): Promise<void>;
  tick(nowMs?: number): void;
  /** Load everything, subscribe to key changes, start the clock. Returns the stop function. */
  startSession(): () => void;
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => {
  let sandboxPoll: ReturnType<typeof setTimeout> | undefined;
  let sessionRunning = false;

  return {
    page: 'keys',
    appInfo: null,
    appInfoError: null,
    saveProblems: [],
    now: now(),

    navigate: (page) => set({ page }),

    loadAppInfo: async () => {
      const result = await getDesktopApi().appInfo();
      if (!result.ok) {
        set({ appInfoError: result.error });
        return;
      }
      set({ appInfo: result.value, appInfoError: null });
      // The sandbox starts on demand: keep the header honest until it settles.
      clearTimeout(sandboxPoll);
      if (sessionRunning && result.value.sandbox.state === 'starting') {
        sandboxPoll = setTimeout(() => void get().loadAppInfo(), SANDBOX_POLL_MS);
      }
    },

    tick: (nowMs) => set({ now: nowMs ?? now() }),

    startSession: () => {
      sessionRunning = true;
      const unsubscribe = getDesktopApi().onKeysChanged(({ keys }) => get().setKeys(keys));
      const unsubscribeExport = getDesktopApi().onExportProgress((progress) => get().setExportProgress(progress));
      const unsubscribeRateLimit = getDesktopApi().onRateLimitChanged((state) => get().setBudget(state));
      const unsubscribeSaveProblems = getDesktopApi().onSaveProblemsChanged(({ problems }) => set({ saveProblems: problems }));
      // Support staff (issue 18, supa): contact scans and the Timeline.
      const unsubscribeScan = getDesktopApi().onContactScanProgress((progress) => get().setScanProgress(progress));
      const unsubscribeTimeline = getDesktopApi().onTimelineProgress((progress) => get().applyTimelineProgress(progress));
      // Key rotation (issue 19): its steps, and the references main moved to a replacement.
      const unsubscribeRotations = getDesktopApi().onRotationsChanged(({ rotations }) => get().setRotations(rotations));
      const unsubscribeMoved = getDesktopApi().onKeyReferencesMoved(({ from, to }) => get().replaceKeyReferences(from, to));
      void get().loadRotations();
      void get().loadSettings();
      // The tabs after the catalog, so a draft's endpoint is found in it.
      void get().loadCatalog().finally(() => void get().loadWorkspace());
      // After the subscription, so an event that overtakes the list is not lost (loadBudgets keeps it).
      void get().loadBudgets();
      const clock = setInterval(() => get().tick(), 1000);
      get().tick();
      void get().loadAppInfo();
      void get().refreshKeys();
      return () => {
        sessionRunning = false;
        unsubscribe();
        unsubscribeExport();
        unsubscribeRateLimit();
        unsubscribeSaveProblems();
        unsubscribeScan();
        unsubscribeTimeline();
        unsubscribeRotations();
        unsubscribeMoved();
        clearInterval(clock);
        clearTimeout(sandboxPoll);
      };
    },
  };
};
