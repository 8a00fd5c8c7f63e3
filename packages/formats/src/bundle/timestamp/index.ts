export * from './timestamp-query.ts';
export * from './verify-timestamp.ts';
export * from './timestamp-trust.ts';
