export * from './claim-file.ts';
export * from './case-file.ts';
