export * from './result.ts';
export * from './calendar-date.ts';
export * from './currency.ts';
export * from './money.ts';
export * from './ids.ts';
export * from './random.ts';
export type * from './bank-statement.ts';
export * from './incident.ts';
