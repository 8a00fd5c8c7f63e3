export * from './ledger-entities.ts';
export * from './ledger-records.ts';
export * from './official-rates.ts';
export * from './import-bank-statement.ts';
export * from './preview-bank-statement.ts';
export * from './list-bank-imports.ts';
export { statementBalances, unbalancedReason } from './import-balances.ts';
export * from './import-settings.ts';
export * from './import-aliases.ts';
export * from './foreign-candidates.ts';
export * from './ledger-balance.ts';
export * from './export-ledger-journal.ts';
export * from './ledger-transaction.ts';
export * from './ledger-json.ts';
export * from './import-rates.ts';
export * from './ledger-edit.ts';
export * from './ledger-record-inputs.ts';
export {
  LEDGER_KIND_OPS,
  accountJson,
  type LedgerInputs,
  type LedgerRecordJson,
} from './ledger-record-ops.ts';
export * from './enter-rate.ts';
export * from './preview-bank-stream.ts';
export * from './statement-unknown-fields.ts';
