export * from './bank/index.ts';
export * from './icalendar.ts';
