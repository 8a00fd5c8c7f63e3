export * from './claim-file-check.ts';
export * from './claim-check-view.ts';
export * from './cases.ts';
export * from './case-check.ts';
export * from './deadlines.ts';
export * from './case-view.ts';
export * from './objection.ts';
