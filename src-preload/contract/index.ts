export * from './channels';
export * from './result';
export * from './schemas';
export * from './schemas-inspector';
export * from './schemas-requests';
export * from './contract';
export type * from './desktop-api';
