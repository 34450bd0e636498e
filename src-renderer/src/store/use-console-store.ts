import { useStore } from 'zustand';
import { consoleStore } from './console-store';
import type { ConsoleState } from './types';

/** React binding: pass an atomic selector from ./selectors (or `s => s.someAction`). */
export function useConsoleStore<T>(selector: (s: ConsoleState) => T): T {
  return useStore(consoleStore, selector);
}
