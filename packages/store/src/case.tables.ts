import type { ColumnType } from 'kysely';
import type { Flag, Int } from './schema.ts';

/** A case: the actions of one matter against one organisation (issue 4). */
export interface LegalCaseTable {
  id: string;
  organisation_id: string;
  title: string;
  pack: string;
  status: string;
  opened_on: string | null;
  notes: string | null;
  illustrative: Flag;
  created_at: string;
}

/** One authority action; the alleged offence and penalty are flattened into columns. */
export interface CaseActionTable {
  id: string;
  case_id: string;
  seq: Int;
  kind: string;
  authority: string | null;
  office: string | null;
  place: string | null;
  served_on: string | null;
  proceedings_started_on: string | null;
  hearing_on: string | null;
  ruling_on: string | null;
  in_force_on: string | null;
  suspended_until: string | null;
  /** A ruling's number and issuing official (added by 2026-12-06-410). */
  number: string | null;
  official: string | null;
  article: string | null;
  tier: string | null;
  offender: string | null;
  offence_what: string | null;
  offence_reference: string | null;
  committed_on: string | null;
  continuing: Flag;
  discovered_on: string | null;
  /** not-filed | late | inaccurate | other (added by 2026-11-29-410). */
  alleges: string | null;
  /** A court decision's outcome (added by 2026-12-05-410); null for other actions. */
  outcome: string | null;
  penalty_mci: ColumnType<bigint | null, bigint | number | null, bigint | number | null>;
  /** Minor units of penalty_currency. */
  penalty_amount: ColumnType<bigint | null, bigint | number | null, bigint | number | null>;
  penalty_currency: string | null;
  suspension_months: ColumnType<bigint | null, bigint | number | null, bigint | number | null>;
  notes: string | null;
  illustrative: Flag;
  created_at: string;
}

export interface CaseDocumentTable {
  id: string;
  action_id: string;
  name: string;
  sha256: string;
  size: Int;
  media_type: string | null;
  content: Uint8Array;
  created_at: string;
}

export interface CaseLinkTable {
  case_id: string;
  kind: string;
  target_id: string;
  note: string | null;
}

export interface CaseTables {
  legal_case: LegalCaseTable;
  case_action: CaseActionTable;
  case_document: CaseDocumentTable;
  case_link: CaseLinkTable;
}
