export * from './filing-content.ts';
