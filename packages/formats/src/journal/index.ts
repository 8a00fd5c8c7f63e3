export * from './ledger-journal.ts';
export * from './beancount-journal.ts';
