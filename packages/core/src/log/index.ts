export * from './canonical-json.ts';
export * from './log-entry.ts';
