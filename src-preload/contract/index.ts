export * from './channels';
export * from './result';
export * from './schemas';
export * from './schemas-inspector';
export * from './schemas-keys';
export * from './schemas-requests';
export * from './schemas-responses';
export * from './contract';
export type * from './desktop-api';
