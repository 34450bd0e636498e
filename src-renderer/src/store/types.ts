import type { StateCreator } from 'zustand/vanilla';
import type { AppSlice } from './app-slice';
import type { KeysSlice } from './keys-slice';
import type { RateLimitSlice } from './rate-limit-slice';
import type { RequestSlice } from './request-slice';

/** The whole store: every slice sees every other (zustand's slices pattern). */
export type ConsoleState = AppSlice & KeysSlice & RequestSlice & RateLimitSlice;

export type SliceCreator<S> = StateCreator<ConsoleState, [], [], S>;

/** Where an asynchronous load stands; views pick words for each. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
