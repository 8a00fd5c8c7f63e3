import type { FilingContent } from './filing-content.ts';

export type FilingState = 'draft' | 'submitted';

/** A file handed in with a submission, known by its sha256. */
export interface SubmissionAttachment {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

/** How and when a filing was handed in. Recorded once; a submitted filing never changes. */
export interface FilingSubmission {
  readonly submittedOn: string;
  /** e.g. `cabinet.salyk.kz`, `paper`, `egov`. */
  readonly channel: string;
  /** The number the authority gave it on receipt. */
  readonly incomingNumber: string;
  readonly attachments: readonly SubmissionAttachment[];
  /** ISO instant the submission was recorded. */
  readonly recordedAt: string;
}

/** A filing as stored: its content (see FilingContent), state and submission. */
export interface FilingRecord {
  readonly id: string;
  readonly organisation: string;
  readonly obligationId: string;
  readonly form: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly state: FilingState;
  /** The filing this one corrects, or null. */
  readonly corrects: string | null;
  /** sha256 of the RFC 8785 canonical JSON of `content`. */
  readonly contentHash: string;
  readonly content: FilingContent;
  readonly createdAt: string;
  readonly submission: FilingSubmission | null;
}
