export * from './channels';
export * from './result';
export * from './schemas';
export * from './inspector';
export * from './keys';
export * from './requests';
export * from './responses';
export * from './contract';
export type * from './desktop-api';
