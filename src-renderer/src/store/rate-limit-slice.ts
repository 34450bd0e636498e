import type { RateLimitState } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { SliceCreator } from './types';

export interface RateLimitSlice {
  /**
   * The main process's tracker, per budget: the latest rate-limit headers, recent requests, 429s.
   * Keyed by main's `budgetId`, which is opaque here: never parse or build one in the renderer.
   */
  budgets: Record<string, RateLimitState>;
  /** A budget from a rateLimitChanged event (main sends one after every reply, throttled). */
  setBudget(state: RateLimitState): void;
  /** The budgets main already knows (a reloaded window); a newer one from an event is kept. */
  loadBudgets(): Promise<void>;
}

export const createRateLimitSlice: SliceCreator<RateLimitSlice> = (set, get) => ({
  budgets: {},
  setBudget: (state) => set({ budgets: { ...get().budgets, [state.budgetId]: state } }),
  loadBudgets: async () => {
    const result = await getDesktopApi().rateLimitList();
    if (!result.ok) return;
    const budgets = { ...get().budgets };
    for (const listed of result.value.budgets) {
      const known = budgets[listed.budgetId];
      // An event may have arrived while the list was on its way: it is the fresher state.
      if (!known || known.receivedAt <= listed.receivedAt) budgets[listed.budgetId] = listed;
    }
    set({ budgets });
  },
});

/** The budget a key spends from: the newest one main says the key reported to. */
export function budgetForKey(budgets: Record<string, RateLimitState>, keyId: string | undefined): RateLimitState | null {
  if (!keyId) return null;
  let best: RateLimitState | null = null;
  for (const b of Object.values(budgets)) {
    if (b.keyIds.includes(keyId) && (!best || b.receivedAt > best.receivedAt)) best = b;
  }
  return best;
}
