import type { ColumnType, Generated } from 'kysely';
import type { Flag, Int } from './schema.ts';

/** A nullable integer column (bigint when read). */
export type NullableInt = ColumnType<bigint | null, bigint | number | null, bigint | number | null>;

/** A foreign source (issue 2). `accounts` and `aliases` are JSON arrays of strings. */
export interface ForeignSourceTable {
  id: string;
  /** Optimistic concurrency: 1 when created, one more on each change. */
  version: Generated<bigint>;
  organisation_id: string;
  name: string;
  category: string | null;
  country: string | null;
  tax_id: string | null;
  accounts: string;
  aliases: string;
  notes: string | null;
  illustrative: Flag;
  created_at: string;
}

/** A grant agreement ("grant" is an SQL keyword, hence the prefix). */
export interface LedgerGrantTable {
  id: string;
  /** Optimistic concurrency: 1 when created, one more on each change. */
  version: Generated<bigint>;
  organisation_id: string;
  source_id: string;
  agreement_number: string;
  agreement_date: string | null;
  currency: string;
  amount_minor: Int;
  period_from: string | null;
  period_to: string | null;
  activity: string | null;
  title: string | null;
  illustrative: Flag;
  created_at: string;
}

/** One line of a grant's budget (2026-12-07-140-grant-budget-lines), in the grant's currency. */
export interface LedgerGrantBudgetLineTable {
  id: string;
  organisation_id: string;
  grant_id: string;
  /** Its place in the agreement's order, from 0. */
  position: number;
  name: string;
  amount_minor: Int;
}

/** One of the organisation's bank accounts. */
export interface BankAccountTable {
  id: string;
  /** Optimistic concurrency: 1 when created, one more on each change. */
  version: Generated<bigint>;
  organisation_id: string;
  number: string;
  currency: string;
  bank_name: string | null;
  bank_code: string | null;
  label: string | null;
  created_at: string;
}

/** One imported file: bank statement or rates. */
export interface ImportBatchTable {
  id: string;
  organisation_id: string | null;
  kind: string;
  file_name: string;
  format: string;
  sha256: string;
  encoding: string | null;
  read_count: Int;
  imported_count: Int;
  duplicate_count: Int;
  candidate_count: Int;
  imported_at: string;
  /** Why the batch was imported although its balances do not add up; null when they do. */
  unbalanced: string | null;
}

/** A bank-statement line; `fingerprint` is unique per organisation and is the line's id. */
export interface BankLineTable {
  organisation_id: string;
  fingerprint: string;
  batch_id: string;
  account_id: string;
  booked_on: string;
  document_date: string | null;
  direction: string;
  amount_minor: Int;
  currency: string;
  document_number: string | null;
  counterparty_name: string | null;
  counterparty_tax_id: string | null;
  counterparty_account: string | null;
  counterparty_bank_code: string | null;
  counterparty_sector: string | null;
  counterparty_country: string | null;
  purpose: string | null;
  purpose_code: string | null;
  bank_reference: string | null;
  source_line: Int;
  /** JSON object of the fields the importer does not know (name → value as written); null when none. */
  extras: string | null;
}

/** The KZT-equivalent columns shared by receipts and expenditures. */
export interface KztColumns {
  kzt_minor: NullableInt;
  rate_status: string;
  rate_date: string | null;
  rate_text: string | null;
  rate_units: NullableInt;
  rate_source: string | null;
}

export interface LedgerReceiptTable extends KztColumns {
  id: string;
  /** Optimistic concurrency: 1 when created, one more on each change. */
  version: Generated<bigint>;
  organisation_id: string;
  source_id: string;
  grant_id: string | null;
  account_id: string | null;
  bank_line: string | null;
  received_on: string;
  kind: string;
  currency: string | null;
  /** Null only for property in kind not yet valued. */
  amount_minor: NullableInt;
  property_description: string | null;
  valuation_method: string | null;
  valued_on: string | null;
  description: string | null;
  illustrative: Flag;
  created_at: string;
}

export interface LedgerExpenditureTable extends KztColumns {
  id: string;
  /** Optimistic concurrency: 1 when created, one more on each change. */
  version: Generated<bigint>;
  organisation_id: string;
  account_id: string | null;
  bank_line: string | null;
  spent_on: string;
  currency: string;
  amount_minor: Int;
  description: string | null;
  counterparty: string | null;
  illustrative: Flag;
  created_at: string;
}

/** An expenditure's share for one grant; date, currency and KZT share are copied for fast balances. */
export interface LedgerAllocationTable {
  expenditure_id: string;
  organisation_id: string;
  grant_id: string;
  spent_on: string;
  currency: string;
  amount_minor: Int;
  kzt_minor: NullableInt;
  /** The line of the grant's budget it is spent under (a `ledger_grant_budget_line` of that grant), or null. */
  budget_line_id: string | null;
}

/** An official rate: `rate_text` KZT per `units` of `currency` on `date`. */
export interface OfficialRateTable {
  /** The currency the rate is quoted in (KZT: the NBK's; INR: the RBI's), from the pack. */
  base: string;
  date: string;
  currency: string;
  rate_text: string;
  units: Int;
  source: string;
  batch_id: string | null;
}

/** An incoming bank line proposed as foreign funding, and the person's decision on it. */
export interface ForeignCandidateTable {
  id: string;
  organisation_id: string;
  /** The bank line's fingerprint (its amount, date and payer are read from it). */
  bank_line: string;
  batch_id: string;
  /** JSON array of CandidateReason. */
  reasons: string;
  suggested_source_id: string | null;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  receipt_id: string | null;
  created_at: string;
}

/** A saved CSV column mapping (JSON), by name, per organisation. */
export interface CsvMappingTable {
  organisation_id: string;
  name: string;
  mapping: string;
  created_at: string;
}

/** Moves on every change to an organisation's sources, receipts, expenditures or filings (kept by triggers). */
export interface LedgerRevisionTable {
  organisation_id: string;
  revision: Int;
}

/** The balance's maintained sums per month ('m') or day ('d') (ledger-balance-maintain.ts). */
export interface LedgerBalanceTotalTable {
  organisation_id: string;
  dim: string;
  grain: string;
  period: string;
  key: string;
  currency: string;
  direction: string;
  total: Int;
  kzt: Int;
  missing: Int;
  n: Int;
}

export interface LedgerTables {
  foreign_source: ForeignSourceTable;
  ledger_grant: LedgerGrantTable;
  ledger_grant_budget_line: LedgerGrantBudgetLineTable;
  bank_account: BankAccountTable;
  import_batch: ImportBatchTable;
  bank_line: BankLineTable;
  ledger_receipt: LedgerReceiptTable;
  ledger_expenditure: LedgerExpenditureTable;
  ledger_allocation: LedgerAllocationTable;
  official_rate: OfficialRateTable;
  foreign_candidate: ForeignCandidateTable;
  csv_mapping: CsvMappingTable;
  ledger_revision: LedgerRevisionTable;
  ledger_balance_total: LedgerBalanceTotalTable;
}
