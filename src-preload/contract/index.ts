export * from './channels';
export * from './result';
export * from './schemas';
export * from './contract';
export type * from './desktop-api';
