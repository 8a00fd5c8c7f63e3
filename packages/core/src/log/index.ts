export * from './canonical-json.ts';
export * from './parse-canonical-json.ts';
export * from './log-entry.ts';
