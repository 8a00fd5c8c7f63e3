export * from './filing-content.ts';
export type * from './filing-record.ts';
