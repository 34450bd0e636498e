import type { StateCreator } from 'zustand/vanilla';
import type { AppSlice } from './app-slice';
import type { CollectionSlice } from './collection-slice';
import type { InspectorSlice } from './inspector-slice';
import type { KeysSlice } from './keys-slice';
import type { PaginationSlice } from './pagination-slice';
import type { RateLimitSlice } from './rate-limit-slice';
import type { RequestSlice } from './request-slice';
import type { HistorySlice } from './history-slice';
import type { SettingsSlice } from './settings-slice';
import type { TabsSlice } from './tabs-slice';
import type { AccessLogSlice } from './access-log-slice';
import type { TimelineSlice } from './timeline-slice';
import type { RotationSlice } from './rotation-slice';

/** The whole store: every slice sees every other (zustand's slices pattern). */
export type ConsoleState = AppSlice & KeysSlice & InspectorSlice & RequestSlice & RateLimitSlice & HistorySlice & SettingsSlice & PaginationSlice & TabsSlice & AccessLogSlice & CollectionSlice & TimelineSlice & RotationSlice;

export type SliceCreator<S> = StateCreator<ConsoleState, [], [], S>;

/** Where an asynchronous load stands; views pick words for each. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
