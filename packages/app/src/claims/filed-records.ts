import { parseCalendarDate, type CalendarDate, type FiledRecord, type FilingContent } from '@civic/core';
import { listFilingRows } from '@civic/store';
import type { AppContext } from '../context.ts';
import { lintStoredFiling } from '../filings/lint-filing.ts';
import { listLog, sha256Hex } from '../log/hash-log.ts';

const day = (text: string | null | undefined): CalendarDate | null => {
  if (!text) return null;
  const r = parseCalendarDate(text);
  return r.ok ? r.value : null;
};

function parseContent(text: string): FilingContent | null {
  try {
    return JSON.parse(text) as FilingContent;
  } catch {
    return null;
  }
}

/** The content hash a log entry records for a filing, if its content names one. */
function loggedHash(content: string): string | null {
  try {
    const v: unknown = JSON.parse(content);
    return v !== null && typeof v === 'object' && 'contentHash' in v && typeof v.contentHash === 'string'
      ? v.contentHash
      : null;
  } catch {
    return null;
  }
}

/**
 * The organisation's filings as its own records show them, for comparing an allegation with them:
 * the day and number of submission, the due day, the content hash recorded and whether the stored
 * content still hashes to it and the `filing.submitted` log entry records the same hash.
 * `ledgerAgrees` is null here: `withLedgerAgreement` fills it for the filings a case concerns.
 */
export async function filedRecordsOf(ctx: AppContext, organisationId: string): Promise<FiledRecord[]> {
  const rows = await listFilingRows(ctx.store.db, { organisation: organisationId });
  if (rows.length === 0) return [];
  const log = await listLog(ctx, organisationId);
  return rows.map((row) => {
    const content = parseContent(row.content);
    const submitted = log.find((e) => e.kind === 'filing.submitted' && e.subjectId === row.id);
    const logHash = submitted ? loggedHash(submitted.content) : null;
    const hashVerified =
      sha256Hex(row.content) === row.contentHash && (logHash === null || logHash === row.contentHash);
    return {
      filingId: row.id,
      title: content?.obligation.title ?? row.form,
      form: row.form,
      trigger: content?.obligation.trigger ?? 'period',
      periodFrom: day(row.periodFrom),
      periodTo: day(row.periodTo),
      dueOn: day(content?.obligation.dueOn),
      submittedOn: day(row.submission?.submittedOn),
      incomingNumber: row.submission?.incomingNumber ?? null,
      channel: row.submission?.channel ?? null,
      contentHash: row.contentHash,
      hashVerified,
      logSeq: submitted?.seq ?? null,
      logRecordedAt: submitted?.recordedAt ?? null,
      receiptIds: row.receiptIds,
      ledgerAgrees: null,
    };
  });
}

/** Lint codes that say the ledger no longer gives what a filing reported. */
const LEDGER_DIFFERS = new Set(['LINT_TOTALS_MISMATCH', 'LINT_RECORD_NOT_IN_LEDGER', 'LINT_RECORD_CHANGED']);

/**
 * Whether the ledger today still gives what each of the named filings reported: the filing lint
 * against the ledger as it is now finds no changed, missing or unreported record and no totals
 * mismatch. Only the filings an allegation concerns are linted (it reads the whole ledger).
 */
export async function withLedgerAgreement(
  ctx: AppContext,
  records: readonly FiledRecord[],
  filingIds: ReadonlySet<string>,
  asOf: CalendarDate,
): Promise<FiledRecord[]> {
  const out: FiledRecord[] = [];
  for (const r of records) {
    if (!filingIds.has(r.filingId) || r.submittedOn === null) {
      out.push(r);
      continue;
    }
    const lint = await lintStoredFiling(ctx, { filingId: r.filingId, asOf });
    out.push({
      ...r,
      ledgerAgrees: lint.ok ? !lint.value.problems.some((p) => LEDGER_DIFFERS.has(p.code)) : null,
    });
  }
  return out;
}
