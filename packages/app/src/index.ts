export * from './context.ts';
export * from './organisations.ts';
export * from './ids.ts';
export * from './demo/seed-demo.ts';
export * from './log/hash-log.ts';
