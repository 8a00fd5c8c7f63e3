import type { Flag, Int } from './schema.ts';

/** One stored obligation of an organisation, without its status (migration 700). */
export interface ObligationRowTable {
  organisation_id: string;
  id: string;
  obligation_id: string;
  trigger_kind: string;
  form: string;
  period_from: string;
  period_to: string;
  period_label: string;
  due_on: string;
  verified: Flag;
  /** The obligation_text row with its title, form title, citation and notes. */
  text_key: string;
  /** The receipt of a notification (each-receipt); null for a period's report. */
  receipt_id: string | null;
  /** A period's covered receipts, a JSON array; null for a notification. */
  receipt_ids: string | null;
  /** The first submitted filing for it (any day) and its day; the latest draft. */
  submitted_id: string | null;
  submitted_on: string | null;
  draft_id: string | null;
}

export interface ObligationTextTable {
  organisation_id: string;
  key: string;
  body: string;
}

export interface ObligationStateTable {
  organisation_id: string;
  pack_key: string;
  filings_key: string;
}

export interface ObligationDirtyTable {
  organisation_id: string;
  month: string;
}

/** The list's status counts of one question at one ledger revision (JSON: status → count). */
export interface ObligationCountTable {
  organisation_id: string;
  question: string;
  revision: Int;
  counts: string;
}

/** How many stored obligations share a kind, a period and a due day (migration 2026-12-08-700). */
export interface ObligationTallyTable {
  organisation_id: string;
  trigger_kind: string;
  period_from: string;
  period_to: string;
  due_on: string;
  n: Int;
}

export interface ObligationStoreTables {
  obligation_row: ObligationRowTable;
  obligation_text: ObligationTextTable;
  obligation_state: ObligationStateTable;
  obligation_dirty: ObligationDirtyTable;
  obligation_count: ObligationCountTable;
  obligation_tally: ObligationTallyTable;
}
