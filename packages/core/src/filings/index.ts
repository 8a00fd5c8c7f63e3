export * from './filing-content.ts';
export type * from './filing-record.ts';
export * from './build-filing-content.ts';
export * from './lint-problem.ts';
export * from './lint-filing.ts';
export * from './filing-words.ts';
export * from './lint-view.ts';
