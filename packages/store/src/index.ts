export * from './database.ts';
export * from './migrate.ts';
export type * from './schema.ts';
export * from './organisation.repository.ts';
export * from './test-support.ts';
export * from './case.repository.ts';
export type * from './case.tables.ts';
export * from './log.repository.ts';
export type * from './log.tables.ts';
