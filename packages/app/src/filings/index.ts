export * from './list-obligations.ts';
export * from './filing-records.ts';
export * from './prepare-filing.ts';
export * from './submit-filing.ts';
export * from './lint-filing.ts';
export * from './render-filing.ts';
export * from './filing-bundle.ts';
export { seedFilingLedger as seedFilingTestLedger } from './filing-test-ledger.ts';
export { organisationToday } from './organisation-ledger.ts';
