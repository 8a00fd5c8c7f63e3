export * from './case.ts';
export type * from './claim.ts';
export * from './finding.ts';
export * from './plain-decimal.ts';
export * from './limitation-check.ts';
export * from './penalty-check.ts';
export * from './repeat-check.ts';
export * from './appeal-check.ts';
export * from './check-claim.ts';
