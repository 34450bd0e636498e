export { consoleStore, createConsoleStore, resetStore } from './console-store';
export { useConsoleStore } from './use-console-store';
export * from './selectors';
export type { ConsoleState, LoadStatus } from './types';
export type { PageId } from './app-slice';
export { listPageFacts } from './pagination-slice';
