import type { RateLimitSnapshot } from '../../../src-preload/contract';
import type { SliceCreator } from './types';

export interface RateLimitEntry {
  snapshot: RateLimitSnapshot;
  /** When the response carrying these headers arrived (ms epoch). */
  receivedAt: number;
}

export interface RateLimitSlice {
  /** The latest rate-limit headers seen, per key id. Workspace grouping builds on workspaceId. */
  rateLimits: Record<string, RateLimitEntry>;
  recordRateLimit(keyId: string, snapshot: RateLimitSnapshot, receivedAt: number): void;
}

export const createRateLimitSlice: SliceCreator<RateLimitSlice> = (set, get) => ({
  rateLimits: {},
  recordRateLimit: (keyId, snapshot, receivedAt) =>
    set({ rateLimits: { ...get().rateLimits, [keyId]: { snapshot, receivedAt } } }),
});
