import type { ColumnType } from 'kysely';
import type { Int } from './schema.ts';

/**
 * Filings (issue 3). A filing is a draft until submitted; then triggers on both dialects refuse
 * any change or deletion of it, its submission and its attachments. A correction is a new
 * filing whose `corrects` names the one it corrects.
 */
export interface FilingTable {
  id: string;
  organisation_id: string;
  obligation_id: string;
  form: string;
  period_from: string;
  period_to: string;
  state: 'draft' | 'submitted';
  /** RFC 8785 canonical JSON of the filing's content. */
  content: string;
  content_hash: string;
  /**
   * The content as its lint reads it (core lintViewText), written with it; null for a filing
   * prepared before it was kept (its lint parses the content).
   */
  lint_view: string | null;
  /** JSON array of the receipt ids it reports (for obligations that follow receipts). */
  receipt_ids: string;
  corrects: string | null;
  created_at: string;
}

export interface SubmissionTable {
  filing_id: string;
  submitted_on: string;
  channel: string;
  incoming_number: string;
  recorded_at: string;
}

export interface AttachmentTable {
  id: string;
  filing_id: string;
  seq: Int;
  name: string;
  sha256: string;
  size: Int;
  media_type: string | null;
  content: ColumnType<Uint8Array | null, Uint8Array | null | undefined, never>;
}

export interface FilingTables {
  filing: FilingTable;
  submission: SubmissionTable;
  attachment: AttachmentTable;
}
