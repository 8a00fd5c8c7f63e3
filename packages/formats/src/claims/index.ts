export * from './claim-file.ts';
