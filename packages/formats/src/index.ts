export * from './bank/index.ts';
export * from './icalendar.ts';
export * from './incidents/index.ts';
export * from './claims/index.ts';
export * from './bundle/index.ts';
export * from './briefs/index.ts';
export * from './atom/index.ts';
export * from './filing/index.ts';
