export * from './case.ts';
export type * from './claim.ts';
