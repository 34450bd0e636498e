import type { KeyMeta, RateLimitState } from '../../../src-preload/contract';
import { isPickable, isUsableKey } from '../lib/key-labels';
import { budgetForKey } from './rate-limit-slice';
import type { ConsoleState } from './types';

// Atomic selectors: each returns one stored value (or a stored object), never a fresh object,
// so components re-render only when that value changes.

/**
 * The key in use, everywhere (Requests, Inspector, the header): the picked one while it exists,
 * else the first usable key; never a recovered key of unknown environment (main refuses it). A
 * picked key that turns out revoked stays picked (Send says why it cannot go): silently moving to
 * another key could move the user to another server.
 */
export function selectActiveKey(s: ConsoleState): KeyMeta | null {
  // A key a rotation replaced (usable during its overlap) is not the default pick: its replacement is.
  return (
    s.keys.find((k) => k.id === s.selectedKeyId && isPickable(k)) ??
    s.keys.find((k) => isUsableKey(k) && !k.replacedBy) ??
    s.keys.find(isUsableKey) ??
    s.keys.find(isPickable) ??
    null
  );
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
/** The method the shown reply was sent with (Save to file would send it again): the last send's, not the endpoint picked now. */
export const selectSentMethod = (s: ConsoleState) => s.lastSent?.method;
