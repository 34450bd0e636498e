import type { KeyMeta, RateLimitState } from '../../../src-preload/contract';
import { budgetForKey } from './rate-limit-slice';
import type { ConsoleState } from './types';
import { isUsableKey } from '../lib/usable-keys';

// Atomic selectors: each returns one stored value (or a stored object), never a fresh object,
// so components re-render only when that value changes.

/** The key requests go out with: the picked one if it still exists, else the first key. */
export function selectActiveKey(s: ConsoleState): KeyMeta | null {
  // A key of unknown environment is never the one a request goes out with (usable-keys.ts).
  return s.keys.find((k) => k.id === s.selectedKeyId && isUsableKey(k)) ?? s.keys.find(isUsableKey) ?? null;
}

/** The rate-limit budget the active key spends from, as main last reported it (null before any). */
export function selectActiveBudget(s: ConsoleState): RateLimitState | null {
  return budgetForKey(s.budgets, selectActiveKey(s)?.id);
}

export const selectPage = (s: ConsoleState) => s.page;
export const selectNow = (s: ConsoleState) => s.now;
export const selectAppInfo = (s: ConsoleState) => s.appInfo;
export const selectAppInfoError = (s: ConsoleState) => s.appInfoError;
export const selectSaveProblems = (s: ConsoleState) => s.saveProblems;
export const selectKeys = (s: ConsoleState) => s.keys;
export const selectKeysStatus = (s: ConsoleState) => s.keysStatus;
export const selectKeysError = (s: ConsoleState) => s.keysError;
export const selectEndpointId = (s: ConsoleState) => s.endpointId;
export const selectQueryValues = (s: ConsoleState) => s.queryValues;
export const selectInFlight = (s: ConsoleState) => s.inFlight;
export const selectResponse = (s: ConsoleState) => s.response;
export const selectResponseError = (s: ConsoleState) => s.responseError;
