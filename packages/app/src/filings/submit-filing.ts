import {
  domainError,
  err,
  ok,
  packToday,
  parseCalendarDate,
  type FilingRecord,
  type Result,
} from '@civic/core';
import { sha256Hex, submittedLogContent } from '@civic/formats';
import { getFilingRow, recordSubmission } from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { inLedgerTransaction } from '../ledger/ledger-transaction.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { auditedFiling, filingNotFound, getFiling } from './filing-records.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { audited } from '../audit/audited.ts';

export interface SubmitFilingInput {
  readonly filingId: string;
  /** The day it was handed in (YYYY-MM-DD). */
  readonly submittedOn: string;
  /** How: `cabinet.salyk.kz`, `egov`, `paper`, `post`, … */
  readonly channel: string;
  /** The number the authority gave it on receipt. */
  readonly incomingNumber: string;
  /** Files handed in with it (the rendered PDF, a receipt of delivery, …), kept with their sha256. */
  readonly attachments?: readonly {
    readonly name: string;
    readonly bytes: Uint8Array;
    readonly mediaType?: string | null;
  }[];
  /**
   * The lint error codes the person saw and chose to submit with. When given (the HTTP API always
   * gives it, empty when nothing was acknowledged), the filing is checked first: each error code
   * found must be here, else FILING_LINT_UNACKNOWLEDGED (409) names them, and the log then records,
   * beside the submission, that it was submitted with them (`filing.submitted-with-lint-errors`).
   * Left out (the CLI, the demo seed), no check is run.
   */
  readonly acknowledgedLintErrors?: readonly string[];
}

/** The distinct codes of the errors the filing's check finds now (warnings do not block). */
async function lintErrorCodes(ctx: AppContext, filingId: string, asOf: string): Promise<Result<string[]>> {
  const lint = await lintStoredFiling(ctx, { filingId, asOf });
  if (!lint.ok) return lint;
  return ok(
    [...new Set(lint.value.problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort(),
  );
}

/**
 * Records that a draft was submitted: day, channel, incoming number and attachments (their bytes
 * kept with their sha256). From then on the filing never changes; a correction is a new filing.
 * Appends `filing.submitted` to the log in the same transaction.
 */
export async function submitFiling(ctx: AppContext, input: SubmitFilingInput): Promise<Result<FilingRecord>> {
  return audited(
    ctx,
    (tx) => submitFilingNow(tx, input),
    (f) => ({
      entity: 'filing',
      entityId: f.id,
      action: 'submit',
      organisationId: f.organisation,
      after: auditedFiling(f),
    }),
  );
}

async function submitFilingNow(ctx: AppContext, input: SubmitFilingInput): Promise<Result<FilingRecord>> {
  const on = parseCalendarDate(input.submittedOn, 'on');
  if (!on.ok) return on;
  const channel = input.channel.trim();
  const incomingNumber = input.incomingNumber.trim();
  if (!channel)
    return err(
      domainError(
        'FILING_SUBMISSION_INVALID',
        'a submission needs its channel (e.g. cabinet.salyk.kz, paper)',
        { field: 'channel' },
      ),
    );
  if (!incomingNumber)
    return err(
      domainError(
        'FILING_SUBMISSION_INVALID',
        'a submission needs the incoming number the authority gave it',
        { field: 'number' },
      ),
    );
  const now = ctx.now();
  const row = await getFilingRow(ctx.store.db, input.filingId);
  if (!row) return filingNotFound(input.filingId);
  // "Today" is the date in the pack's time zone: at 01:00 in Almaty it is already tomorrow in
  // law, though still yesterday in UTC.
  const filing = await getFiling(ctx, row.id);
  if (!filing.ok) return filing;
  const pack = await loadRulePack(filing.value.content.pack.id);
  if (!pack.ok) return pack;
  if (on.value > packToday(pack.value, now))
    return err(
      domainError('FILING_SUBMISSION_INVALID', `the submission day ${on.value} is in the future`, {
        field: 'on',
      }),
    );
  if (row.state === 'submitted')
    return err(
      domainError(
        'FILING_ALREADY_SUBMITTED',
        `filing ${row.id} was submitted on ${row.submission?.submittedOn ?? '?'} and never changes: prepare a correction instead`,
        { field: 'filing' },
      ),
    );
  const lintErrors =
    input.acknowledgedLintErrors === undefined ? ok([]) : await lintErrorCodes(ctx, row.id, on.value);
  if (!lintErrors.ok) return lintErrors;
  const acknowledged = new Set(input.acknowledgedLintErrors ?? []);
  const unacknowledged = lintErrors.value.filter((c) => !acknowledged.has(c));
  if (unacknowledged.length > 0)
    return err(
      domainError(
        'FILING_LINT_UNACKNOWLEDGED',
        `the filing's check finds errors (${unacknowledged.join(', ')}): list them in acknowledgedLintErrors to record the submission anyway`,
        { field: 'acknowledgedLintErrors', details: { lintErrors: unacknowledged } },
      ),
    );
  const attachments = (input.attachments ?? []).map((a) => ({
    id: newId('att'),
    name: a.name,
    sha256: sha256Hex(a.bytes),
    size: a.bytes.length,
    mediaType: a.mediaType ?? null,
    content: a.bytes,
  }));
  const recordedAt = now.toISOString();
  const submission = { submittedOn: on.value, channel, incomingNumber, recordedAt };
  const done = await inLedgerTransaction({ ...ctx, now: () => now }, async (tx) => {
    const o = await recordSubmission(tx.store.db, row.id, submission, attachments, tx.store.keys.fileKey());
    if (o !== 'done')
      return err(
        domainError('FILING_ALREADY_SUBMITTED', `filing ${row.id} was submitted meanwhile`, {
          field: 'filing',
        }),
      );
    await appendLogEntry(tx, {
      org: row.organisation,
      kind: 'filing.submitted',
      subjectId: row.id,
      content: submittedLogContent(
        { id: row.id, contentHash: row.contentHash },
        { ...submission, attachments },
      ),
    });
    if (lintErrors.value.length > 0)
      await appendLogEntry(tx, {
        org: row.organisation,
        kind: 'filing.submitted-with-lint-errors',
        subjectId: row.id,
        content: { filingId: row.id, submittedOn: on.value, acknowledgedLintErrors: lintErrors.value },
      });
    return ok(true);
  });
  if (!done.ok) return done;
  return getFiling(ctx, row.id);
}
