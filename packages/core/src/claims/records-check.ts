import type { CalendarDate } from '../calendar-date.ts';
import type { CaseAction, CaseLink } from './case.ts';
import { finding, type Finding } from './finding.ts';

/** A filing of the organisation as its own records show it (gathered by app from the filings and the log). */
export interface FiledRecord {
  readonly filingId: string;
  readonly title: string;
  readonly form: string;
  readonly trigger: 'each-receipt' | 'period';
  readonly periodFrom: CalendarDate | null;
  readonly periodTo: CalendarDate | null;
  readonly dueOn: CalendarDate | null;
  readonly submittedOn: CalendarDate | null;
  readonly incomingNumber: string | null;
  readonly channel: string | null;
  /** sha256 of the filed content as recorded. */
  readonly contentHash: string;
  /** The stored content still hashes to `contentHash`. */
  readonly hashVerified: boolean;
  /** The log entry that recorded the submission, when found. */
  readonly logSeq: number | null;
  readonly logRecordedAt: string | null;
  /** The receipts the filing covers (a notification covers one). */
  readonly receiptIds: readonly string[];
  /** Whether the ledger today gives the same content (null when it was not recomputed). */
  readonly ledgerAgrees: boolean | null;
}

/** A record offered as an exhibit: what it is, what it shows. */
export interface Exhibit {
  readonly filingId: string;
  readonly description: string;
  readonly contentHash: string;
  readonly submittedOn: CalendarDate | null;
  readonly incomingNumber: string | null;
  readonly contradicts: boolean;
  /** The form and the period it reports on (for the annex table of a document). */
  readonly form?: string;
  readonly periodFrom?: CalendarDate | null;
  readonly periodTo?: CalendarDate | null;
}

/** The filings an action's allegation concerns: linked to the case, covering a linked receipt, or named in its reference. */
export function relevantFilings(
  action: CaseAction,
  links: readonly CaseLink[],
  filings: readonly FiledRecord[],
): FiledRecord[] {
  const filingIds = new Set(
    links
      .filter((l) => l.kind === 'filing' || l.kind === 'notification' || l.kind === 'submission')
      .map((l) => l.targetId),
  );
  const receiptIds = new Set(links.filter((l) => l.kind === 'receipt').map((l) => l.targetId));
  const ref = action.offence?.reference ?? '';
  return filings.filter(
    (f) =>
      filingIds.has(f.filingId) ||
      f.receiptIds.some((r) => receiptIds.has(r)) ||
      (ref !== '' &&
        (ref.includes(f.filingId) || (f.incomingNumber !== null && ref.includes(f.incomingNumber)))),
  );
}

function describe(f: FiledRecord): string {
  const period = f.periodFrom && f.periodTo ? ` for ${f.periodFrom}–${f.periodTo}` : '';
  const filed = f.submittedOn
    ? `submitted on ${f.submittedOn}${f.incomingNumber ? ` (incoming no. ${f.incomingNumber}${f.channel ? `, ${f.channel}` : ''})` : ''}`
    : 'not submitted';
  const due = f.dueOn ? `, due ${f.dueOn}` : '';
  const logged =
    f.logSeq !== null
      ? `; recorded in the hash-chained log as entry ${f.logSeq}${f.logRecordedAt ? ` at ${f.logRecordedAt}` : ''}`
      : '';
  return `${f.title} (${f.form})${period}, ${filed}${due}; content sha256 ${f.contentHash}${f.hashVerified ? ' (verified)' : ' (DOES NOT VERIFY)'}${logged}`;
}

/**
 * Compares an action's allegation with the organisation's own filings. A filing on time
 * contradicts "not filed" and "late"; a filing whose recorded hash verifies and whose content the
 * ledger still gives contradicts "inaccurate". Each relevant filing is an exhibit; records that
 * support the allegation are said too (RECORD_SUPPORTS_ALLEGATION), so the lawyer is not surprised.
 */
export function compareWithRecords(
  action: CaseAction,
  links: readonly CaseLink[],
  filings: readonly FiledRecord[],
): { exhibits: Exhibit[]; findings: Finding[] } {
  const alleges = action.offence?.alleges ?? null;
  const exhibits: Exhibit[] = [];
  const findings: Finding[] = [];
  const basis = { citation: null, verified: true };
  for (const f of relevantFilings(action, links, filings)) {
    const submitted = f.submittedOn !== null;
    const onTime = submitted && (f.dueOn === null || (f.submittedOn !== null && f.submittedOn <= f.dueOn));
    const params = {
      filingId: f.filingId,
      form: f.form,
      submittedOn: f.submittedOn,
      dueOn: f.dueOn,
      incomingNumber: f.incomingNumber,
      contentHash: f.contentHash,
      alleges,
    };
    let contradicts = false;
    if (alleges === 'not-filed' && submitted) {
      contradicts = true;
      findings.push(
        finding(
          'RECORD_CONTRADICTS_ALLEGATION',
          `The organisation's records show ${f.title} (${f.filingId}) submitted on ${f.submittedOn ?? '?'}${f.incomingNumber ? ` under incoming no. ${f.incomingNumber}` : ''}, with content hash sha256 ${f.contentHash}: they support the defence against the allegation that it was not filed.`,
          basis,
          params,
        ),
      );
    } else if (alleges === 'late' && onTime) {
      contradicts = true;
      findings.push(
        finding(
          'RECORD_CONTRADICTS_ALLEGATION',
          `The organisation's records show ${f.title} (${f.filingId}) submitted on ${f.submittedOn ?? '?'}${f.dueOn ? `, on or before its due day ${f.dueOn}` : ''}: they support the defence against the allegation that it was late.`,
          basis,
          params,
        ),
      );
    } else if (alleges === 'late' && submitted && !onTime) {
      findings.push(
        finding(
          'RECORD_SUPPORTS_ALLEGATION',
          `${f.title} ${f.filingId} was submitted on ${f.submittedOn ?? '?'}, after its due day ${f.dueOn ?? '?'}.`,
          basis,
          params,
        ),
      );
    } else if (alleges === 'inaccurate' && submitted && f.hashVerified && f.ledgerAgrees === true) {
      contradicts = true;
      findings.push(
        finding(
          'RECORD_CONTRADICTS_ALLEGATION',
          `The organisation's records show ${f.title} (${f.filingId}) filed on ${f.submittedOn ?? '?'} with content hash sha256 ${f.contentHash}; the stored content still has that hash and the ledger as kept gives exactly that content. This proves the report was not changed after filing, not that its figures are accurate.`,
          basis,
          params,
        ),
      );
    } else if (alleges === 'inaccurate' && submitted && f.ledgerAgrees === false) {
      findings.push(
        finding(
          'RECORD_SUPPORTS_ALLEGATION',
          `${f.title} ${f.filingId} as filed (sha256 ${f.contentHash}) differs from what the ledger gives today: check whether a record was changed after filing.`,
          basis,
          params,
        ),
      );
    }
    exhibits.push({
      filingId: f.filingId,
      description: describe(f),
      contentHash: f.contentHash,
      submittedOn: f.submittedOn,
      incomingNumber: f.incomingNumber,
      contradicts,
      form: f.form,
      periodFrom: f.periodFrom,
      periodTo: f.periodTo,
    });
  }
  return { exhibits, findings };
}
