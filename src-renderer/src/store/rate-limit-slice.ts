import type { RateLimitSnapshot, RateLimitState } from '../../../src-preload/contract';
import type { SliceCreator } from './types';

export interface RateLimitEntry {
  snapshot: RateLimitSnapshot;
  /** When the response carrying these headers arrived (ms epoch). */
  receivedAt: number;
}

export interface RateLimitSlice {
  /** The latest rate-limit headers seen, per key id. */
  rateLimits: Record<string, RateLimitEntry>;
  /** The main process's tracker, per budget (workspace or key): recent requests, 429 count. */
  budgets: Record<string, RateLimitState>;
  recordRateLimit(keyId: string, snapshot: RateLimitSnapshot, receivedAt: number): void;
  setBudget(state: RateLimitState): void;
}

export const createRateLimitSlice: SliceCreator<RateLimitSlice> = (set, get) => ({
  rateLimits: {},
  budgets: {},
  recordRateLimit: (keyId, snapshot, receivedAt) =>
    set({ rateLimits: { ...get().rateLimits, [keyId]: { snapshot, receivedAt } } }),
  setBudget: (state) => set({ budgets: { ...get().budgets, [state.budgetId]: state } }),
});

/** The budget a key spends from (its workspace's, once known). */
export function budgetForKey(budgets: Record<string, RateLimitState>, keyId: string | undefined): RateLimitState | null {
  if (!keyId) return null;
  let best: RateLimitState | null = null;
  for (const b of Object.values(budgets)) {
    if (b.keyIds.includes(keyId) && (!best || b.receivedAt > best.receivedAt)) best = b;
  }
  return best;
}
