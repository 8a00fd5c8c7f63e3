export * from './ledger-journal.ts';
