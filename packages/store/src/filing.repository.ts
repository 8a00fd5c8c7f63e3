import { openStoredFile, sealStoredFile } from './encryption/file-cipher.ts';
import type { FilingRecord, FilingState, FilingSubmission } from '@civic/core';
import type { Kysely, Selectable } from 'kysely';
import type { FilingTable } from './filing.tables.ts';
import type { Database } from './schema.ts';

/** A filing row as stored without its content: what the obligations and the lists need. */
export type FilingHead = Omit<FilingRow, 'content'>;

/** A filing row as stored; `content` is canonical JSON text (the app parses it). */
export interface FilingRow {
  readonly id: string;
  readonly organisation: string;
  readonly obligationId: string;
  readonly form: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly state: FilingState;
  readonly content: string;
  readonly contentHash: string;
  readonly receiptIds: readonly string[];
  readonly corrects: string | null;
  readonly createdAt: string;
  readonly submission: FilingSubmission | null;
}

export type NewFiling = Omit<FilingRow, 'state' | 'submission'> & LintView;

/** The content as its lint reads it (core lintViewText), stored beside it; null: none (the lint parses the content). */
interface LintView {
  readonly lintView?: string | null;
}

/** Attachment bytes handed in with a submission (kept with their sha256). */
export interface NewAttachment {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string | null;
  readonly content: Uint8Array | null;
}

export async function insertFiling(db: Kysely<Database>, f: NewFiling): Promise<void> {
  await db
    .insertInto('filing')
    .values({
      id: f.id,
      organisation_id: f.organisation,
      obligation_id: f.obligationId,
      form: f.form,
      period_from: f.periodFrom,
      period_to: f.periodTo,
      state: 'draft',
      content: f.content,
      content_hash: f.contentHash,
      lint_view: f.lintView ?? null,
      receipt_ids: JSON.stringify(f.receiptIds),
      corrects: f.corrects,
      created_at: f.createdAt,
    })
    .execute();
}

export type FilingWriteOutcome = 'done' | 'not-found' | 'submitted';

async function outcome(db: Kysely<Database>, id: string, changed: bigint): Promise<FilingWriteOutcome> {
  if (changed > 0n) return 'done';
  const row = await db.selectFrom('filing').select('state').where('id', '=', id).executeTakeFirst();
  return row ? 'submitted' : 'not-found';
}

/** Replaces a draft's content (a new prepare). Refuses a submitted filing: it never changes. */
export async function replaceDraftContent(
  db: Kysely<Database>,
  id: string,
  content: { content: string; contentHash: string; receiptIds: readonly string[] } & LintView,
): Promise<FilingWriteOutcome> {
  const r = await db
    .updateTable('filing')
    .set({
      content: content.content,
      content_hash: content.contentHash,
      lint_view: content.lintView ?? null,
      receipt_ids: JSON.stringify(content.receiptIds),
    })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return outcome(db, id, r.numUpdatedRows);
}

/** Deletes a draft (never a submitted filing). */
export async function deleteDraftFiling(db: Kysely<Database>, id: string): Promise<FilingWriteOutcome> {
  const r = await db
    .deleteFrom('filing')
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return outcome(db, id, r.numDeletedRows);
}

/**
 * Records the submission of a draft with its attachments, and makes it final. Run it in a
 * transaction (with the log entry). Refuses a filing already submitted.
 */
export async function recordSubmission(
  db: Kysely<Database>,
  id: string,
  s: Omit<FilingSubmission, 'attachments'>,
  attachments: readonly NewAttachment[],
  fileKey: Buffer | null,
): Promise<FilingWriteOutcome> {
  const r = await db
    .updateTable('filing')
    .set({ state: 'submitted' })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  const o = await outcome(db, id, r.numUpdatedRows);
  if (o !== 'done') return o;
  await db
    .insertInto('submission')
    .values({
      filing_id: id,
      submitted_on: s.submittedOn,
      channel: s.channel,
      incoming_number: s.incomingNumber,
      recorded_at: s.recordedAt,
    })
    .execute();
  for (const [i, a] of attachments.entries()) {
    await db
      .insertInto('attachment')
      .values({
        id: a.id,
        filing_id: id,
        seq: i + 1,
        name: a.name,
        sha256: a.sha256,
        size: a.size,
        media_type: a.mediaType,
        content: a.content === null ? null : sealStoredFile(fileKey, `attachment:${id}:${i + 1}`, a.content),
      })
      .execute();
  }
  return 'done';
}

type HeadColumns = Omit<Selectable<FilingTable>, 'content' | 'lint_view'>;

async function withSubmissions(db: Kysely<Database>, rows: readonly HeadColumns[]): Promise<FilingHead[]> {
  const ids = rows.filter((r) => r.state === 'submitted').map((r) => r.id);
  const subs = ids.length
    ? await db.selectFrom('submission').selectAll().where('filing_id', 'in', ids).execute()
    : [];
  const atts = ids.length
    ? await db
        .selectFrom('attachment')
        .select(['filing_id', 'seq', 'name', 'sha256', 'size'])
        .where('filing_id', 'in', ids)
        .orderBy('filing_id')
        .orderBy('seq')
        .execute()
    : [];
  return rows.map((r) => {
    const s = subs.find((x) => x.filing_id === r.id);
    return {
      id: r.id,
      organisation: r.organisation_id,
      obligationId: r.obligation_id,
      form: r.form,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      state: r.state,
      contentHash: r.content_hash,
      receiptIds: JSON.parse(r.receipt_ids) as string[],
      corrects: r.corrects,
      createdAt: r.created_at,
      submission: s
        ? {
            submittedOn: s.submitted_on,
            channel: s.channel,
            incomingNumber: s.incoming_number,
            recordedAt: s.recorded_at,
            attachments: atts
              .filter((a) => a.filing_id === r.id)
              .map((a) => ({ name: a.name, sha256: a.sha256, size: Number(a.size) })),
          }
        : null,
    };
  });
}

export async function getFilingRow(db: Kysely<Database>, id: string): Promise<FilingRow | undefined> {
  const row = await db
    .selectFrom('filing')
    .select([...HEAD_COLUMNS, 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  const head = row ? (await withSubmissions(db, [row]))[0] : undefined;
  return row && head ? withContent(head, row.content) : undefined;
}

/**
 * getFilingRow with the content as its lint reads it instead of the content (a fifth of the
 * text); `lintView` null for a filing prepared before it was kept.
 */
export async function getFilingLintRow(
  db: Kysely<Database>,
  id: string,
): Promise<{ head: FilingHead; lintView: string | null } | undefined> {
  const row = await db
    .selectFrom('filing')
    .select([...HEAD_COLUMNS, 'lint_view'])
    .where('id', '=', id)
    .executeTakeFirst();
  const head = row ? (await withSubmissions(db, [row]))[0] : undefined;
  return row && head ? { head, lintView: row.lint_view } : undefined;
}

/** A filing's content alone (its head read already, by getFilingLintRow): undefined when there is no such filing. */
export async function getFilingContent(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('filing').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content;
}

/** getFilingRow without the content (the caller has it already). */
export async function getFilingHead(db: Kysely<Database>, id: string): Promise<FilingHead | undefined> {
  const row = await db.selectFrom('filing').select(HEAD_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? (await withSubmissions(db, [row]))[0] : undefined;
}

/** Filings of one organisation (or all), oldest first. */
export async function listFilingRows(
  db: Kysely<Database>,
  filter: { organisation?: string; obligationId?: string } = {},
): Promise<FilingRow[]> {
  let q = db.selectFrom('filing').select([...HEAD_COLUMNS, 'content']);
  if (filter.organisation) q = q.where('organisation_id', '=', filter.organisation);
  if (filter.obligationId) q = q.where('obligation_id', '=', filter.obligationId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return (await withSubmissions(db, rows)).map((h, i) => withContent(h, rows[i]?.content ?? ''));
}

/** A head with its content, the fields in the order a FilingRow has always had them. */
function withContent(h: FilingHead, content: string): FilingRow {
  const { id, organisation, obligationId, form, periodFrom, periodTo, state, ...rest } = h;
  return { id, organisation, obligationId, form, periodFrom, periodTo, state, content, ...rest };
}

/**
 * listFilingRows without the contents: a half-year's report lists every receipt of the period
 * (tens of megabytes at a million receipts), which the obligations and the lists never read.
 */
export async function listFilingHeads(
  db: Kysely<Database>,
  filter: { organisation?: string; obligationId?: string } = {},
): Promise<FilingHead[]> {
  let q = db.selectFrom('filing').select(HEAD_COLUMNS);
  if (filter.organisation) q = q.where('organisation_id', '=', filter.organisation);
  if (filter.obligationId) q = q.where('obligation_id', '=', filter.obligationId);
  return withSubmissions(db, await q.orderBy('created_at').orderBy('id').execute());
}

const HEAD_COLUMNS = [
  'id',
  'organisation_id',
  'obligation_id',
  'form',
  'period_from',
  'period_to',
  'state',
  'content_hash',
  'receipt_ids',
  'corrects',
  'created_at',
] as const;

/** An attachment's bytes, opened with `fileKey` (throws StoreKeyError when a sealed one cannot be opened). */
export async function getAttachmentContent(
  db: Kysely<Database>,
  filingId: string,
  seq: number,
  fileKey: Buffer | null,
): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('attachment')
    .select('content')
    .where('filing_id', '=', filingId)
    .where('seq', '=', BigInt(seq))
    .executeTakeFirst();
  if (!row?.content) return null;
  return openStoredFile(fileKey, `attachment:${filingId}:${seq}`, new Uint8Array(row.content));
}

export type { FilingRecord };
