import { domainError, err, ok, type FilingContent, type FilingRecord, type Result } from '@civic/core';
import {
  findLogTimestamp,
  getFilingRow,
  listFilingHeads,
  type FilingHead,
  type FilingRow,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { resolveOrganisation } from '../organisations.ts';
import { filingTimestamp } from './head-timestamp.ts';

/** A filing as stored, its content parsed. */
export function toRecord(row: FilingRow): FilingRecord {
  const { receiptIds: _ids, content, ...rest } = row;
  return { ...rest, content: JSON.parse(content) as FilingContent };
}

/**
 * A filing as stored with the content it was just written from (toRecord without parsing tens of
 * megabytes back): core builds the content with its members in canonical order, so it reads as
 * the parsed text would, member for member.
 */
export function recordWith<C = FilingContent>(
  head: FilingHead,
  content: C,
): Omit<FilingRecord, 'content'> & { readonly content: C } {
  const {
    id,
    organisation,
    obligationId,
    form,
    periodFrom,
    periodTo,
    state,
    receiptIds: _ids,
    ...rest
  } = head;
  return { id, organisation, obligationId, form, periodFrom, periodTo, state, content, ...rest };
}

/** FILING_NOT_FOUND for an id no filing has (getFiling, the lint's reading, a submission). */
export const filingNotFound = (filingId: string): Result<never> =>
  err(domainError('FILING_NOT_FOUND', `no filing "${filingId}" in this database`, { field: 'filing' }));

export async function getFiling(ctx: AppContext, filingId: string): Promise<Result<FilingRecord>> {
  const row = await getFilingRow(ctx.store.db, filingId);
  return row ? ok(toRecord(row)) : filingNotFound(filingId);
}

/** One line of `civic filings`. */
export interface FilingSummary {
  readonly id: string;
  readonly organisation: string;
  readonly obligationId: string;
  readonly form: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly state: 'draft' | 'submitted';
  readonly submittedOn: string | null;
  readonly channel: string | null;
  readonly incomingNumber: string | null;
  readonly corrects: string | null;
  /** Later filings that correct this one. */
  readonly correctedBy: readonly string[];
  readonly contentHash: string;
  readonly createdAt: string;
  /**
   * The earliest RFC 3161 timestamp of a head at or after the filing's last log entry (when and
   * which authority: docs/security.md), or null.
   */
  readonly timestamp: { readonly time: string; readonly authority: string } | null;
}

/** The filings of an organisation (id, name or BIN), or of every organisation when left out. */
export async function listFilings(
  ctx: AppContext,
  input: { org?: string | undefined } = {},
): Promise<Result<FilingSummary[]>> {
  let organisation: string | undefined;
  if (input.org) {
    const o = await resolveOrganisation(ctx, input.org);
    if (!o.ok) return o;
    organisation = o.value.id;
  }
  const rows = await listFilingHeads(ctx.store.db, organisation ? { organisation } : {});
  // Most organisations have no timestamps: one query each says so, and their filings need none.
  const stamped = new Map<string, boolean>();
  for (const o of new Set(rows.map((f) => f.organisation)))
    stamped.set(o, (await findLogTimestamp(ctx.store.db, o, 0, { orLater: true })) !== undefined);
  const timestamps = new Map<string, FilingSummary['timestamp']>();
  for (const f of rows) if (stamped.get(f.organisation)) timestamps.set(f.id, await filingTimestamp(ctx, f));
  return ok(
    rows.map((f) => ({
      id: f.id,
      organisation: f.organisation,
      obligationId: f.obligationId,
      form: f.form,
      period: { from: f.periodFrom, to: f.periodTo },
      state: f.state,
      submittedOn: f.submission?.submittedOn ?? null,
      channel: f.submission?.channel ?? null,
      incomingNumber: f.submission?.incomingNumber ?? null,
      corrects: f.corrects,
      correctedBy: rows.filter((x) => x.corrects === f.id).map((x) => x.id),
      contentHash: f.contentHash,
      createdAt: f.createdAt,
      timestamp: timestamps.get(f.id) ?? null,
    })),
  );
}

/** What the audit trail keeps of a filing: its identity, state and content hash, not the content. */
export function auditedFiling(f: FilingRecord): Omit<FilingRecord, 'content'> {
  const { content: _content, ...rest } = f;
  return rest;
}
