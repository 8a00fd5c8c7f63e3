export * from './claim-file-check.ts';
export * from './claim-check-view.ts';
