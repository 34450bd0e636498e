import { createStore } from 'zustand/vanilla';
import { createAppSlice } from './app-slice';
import { createCollectionSlice } from './collection-slice';
import { createInspectorSlice } from './inspector-slice';
import { createKeysSlice } from './keys-slice';
import { createPaginationSlice } from './pagination-slice';
import { createRateLimitSlice } from './rate-limit-slice';
import { createRequestSlice } from './request-slice';
import { createHistorySlice } from './history-slice';
import { createSettingsSlice } from './settings-slice';
import { createTabsSlice } from './tabs-slice';
import { createAccessLogSlice } from './access-log-slice';
import { createTimelineSlice } from './timeline-slice';
import { createRotationSlice } from './rotation-slice';
import type { ConsoleState } from './types';

/** A fresh store; the app uses the single `consoleStore` below. */
export function createConsoleStore() {
  return createStore<ConsoleState>()((...a) => ({
    ...createAppSlice(...a),
    ...createKeysSlice(...a),
    ...createInspectorSlice(...a),
    ...createRequestSlice(...a),
    ...createRateLimitSlice(...a),
    ...createHistorySlice(...a),
    ...createSettingsSlice(...a),
    ...createPaginationSlice(...a),
    ...createTabsSlice(...a),
    ...createAccessLogSlice(...a),
    ...createCollectionSlice(...a),
    ...createTimelineSlice(...a),
    ...createRotationSlice(...a),
  }));
}

export const consoleStore = createConsoleStore();

/** Back to the initial state (tests): actions are kept, data is dropped. */
export function resetStore(): void {
  consoleStore.setState(consoleStore.getInitialState(), true);
}
