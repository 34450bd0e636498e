// The contract in one import: channels, Result, every feature's schemas, the CONTRACT/EVENTS tables.
export * from './channels';
export * from './result';
export * from './common';
export * from './app';
export * from './keys';
export * from './requests';
export * from './responses';
export * from './rate-limit';
export * from './history';
export * from './settings';
export * from './inspector';
export * from './exports';
export * from './sandbox';
export * from './save-problems';
export * from './workspace';
export * from './contract';
export type * from './desktop-api';
