import { sql, type Kysely } from 'kysely';
import { bulkInsertWith, isPostgres } from './bulk-insert.ts';
import type { Database } from './schema.ts';

// The stored obligations' upkeep (migration 700): which pack and filings the rows were derived
// with, the months marked by the triggers since, and replacing the rows of a span of days.
// Runs inside the caller's transaction.

/** One stored obligation without its status (what app derives and pages through). */
export interface StoredObligation {
  readonly id: string;
  readonly obligationId: string;
  readonly trigger: 'each-receipt' | 'period';
  readonly form: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly periodLabel: string;
  readonly dueOn: string;
  readonly verified: boolean;
  readonly textKey: string;
  readonly receiptIds: readonly string[];
}

/** The filing columns of one stored obligation: its first submission (any day) and latest draft. */
export interface StoredFilingState {
  readonly id: string;
  readonly submittedId: string | null;
  readonly submittedOn: string | null;
  readonly draftId: string | null;
}

/** Days [from, to], both included. */
export interface DaySpan {
  readonly from: string;
  readonly to: string;
}

export interface ObligationState {
  readonly packKey: string;
  readonly filingsKey: string;
}

export async function readObligationState(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ObligationState | undefined> {
  const row = await db
    .selectFrom('obligation_state')
    .select(['pack_key', 'filings_key'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? { packKey: row.pack_key, filingsKey: row.filings_key } : undefined;
}

/**
 * The state row, held for the rest of the transaction: the first write (SQLite takes its write
 * lock here) and on PostgreSQL a row lock, so two processes refreshing at once take turns.
 * `packKey` is '' before the first refresh.
 */
export async function lockObligationState(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ObligationState> {
  await db
    .insertInto('obligation_state')
    .values({ organisation_id: organisationId, pack_key: '', filings_key: '' })
    .onConflict((c) => c.column('organisation_id').doNothing())
    .execute();
  let q = db
    .selectFrom('obligation_state')
    .select(['pack_key', 'filings_key'])
    .where('organisation_id', '=', organisationId);
  if (isPostgres(db)) q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return { packKey: row.pack_key, filingsKey: row.filings_key };
}

/** Whether any month of the organisation is marked as changed since the last refresh. */
export async function hasDirtyMonths(db: Kysely<Database>, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('obligation_dirty')
    .select('month')
    .where('organisation_id', '=', organisationId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function writeObligationState(
  db: Kysely<Database>,
  organisationId: string,
  state: ObligationState,
): Promise<void> {
  await db
    .insertInto('obligation_state')
    .values({ organisation_id: organisationId, pack_key: state.packKey, filings_key: state.filingsKey })
    .onConflict((c) =>
      c.column('organisation_id').doUpdateSet({ pack_key: state.packKey, filings_key: state.filingsKey }),
    )
    .execute();
}

/** The months ('YYYY-MM') whose records changed since the last refresh; taken (the marks are removed). */
export async function takeDirtyMonths(db: Kysely<Database>, organisationId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('obligation_dirty')
    .where('organisation_id', '=', organisationId)
    .returning('month')
    .execute();
  return rows.map((r) => r.month).sort();
}

/** Forgets every stored obligation of the organisation (before deriving them all again). */
export async function clearStoredObligations(db: Kysely<Database>, organisationId: string): Promise<void> {
  for (const table of ['obligation_row', 'obligation_text', 'obligation_dirty', 'obligation_tally'] as const)
    await db.deleteFrom(table).where('organisation_id', '=', organisationId).execute();
}

/** The first and last day of the organisation's receipts and expenditures (undefined when it has none). */
export async function ledgerDaySpan(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ first: string; last: string } | undefined> {
  // One aggregate per query: SQLite answers a lone min() or max() from the date index in a few
  // steps, but scans the whole index for both in one query (170 ms at a million receipts).
  const day = (table: 'ledger_receipt' | 'ledger_expenditure', fn: 'min' | 'max') =>
    db
      .selectFrom(table)
      .select((b) => b.fn[fn](table === 'ledger_receipt' ? 'received_on' : 'spent_on').as('day'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()
      .then((x) => x?.day);
  const [rf, rl, ef, el] = await Promise.all([
    day('ledger_receipt', 'min'),
    day('ledger_receipt', 'max'),
    day('ledger_expenditure', 'min'),
    day('ledger_expenditure', 'max'),
  ]);
  const firsts = [rf, ef].filter((x): x is string => typeof x === 'string').sort();
  const lasts = [rl, el].filter((x): x is string => typeof x === 'string').sort();
  const first = firsts[0];
  const last = lasts[lasts.length - 1];
  return first !== undefined && last !== undefined ? { first, last } : undefined;
}

const ROW_COLUMNS = [
  'organisation_id',
  'id',
  'obligation_id',
  'trigger_kind',
  'form',
  'period_from',
  'period_to',
  'period_label',
  'due_on',
  'verified',
  'text_key',
  'receipt_id',
  'receipt_ids',
] as const;

/**
 * Deletes stored obligations before they are derived again: the notifications of receipts in the
 * `notices` spans and the reports of periods wholly inside `periods`. Every span of a refresh is
 * deleted before any row is written back (a receipt moved between spans keeps its id).
 */
export async function deleteStoredObligations(
  db: Kysely<Database>,
  organisationId: string,
  spans: { readonly notices: readonly DaySpan[]; readonly periods: DaySpan },
): Promise<void> {
  await deleteObligationSpans(db, 'obligation_row', organisationId, spans);
}

/**
 * Deletes the rows of `table` (the stored obligations, or their tally: the same span columns) in
 * the spans a refresh derives again.
 */
export async function deleteObligationSpans(
  db: Kysely<Database>,
  table: 'obligation_row' | 'obligation_tally',
  organisationId: string,
  spans: { readonly notices: readonly DaySpan[]; readonly periods: DaySpan },
): Promise<void> {
  for (const n of spans.notices)
    await db
      .deleteFrom(table)
      .where('organisation_id', '=', organisationId)
      .where('trigger_kind', '=', 'each-receipt')
      .where('period_from', '>=', n.from)
      .where('period_from', '<=', n.to)
      .execute();
  await db
    .deleteFrom(table)
    .where('organisation_id', '=', organisationId)
    .where('trigger_kind', '=', 'period')
    .where('period_from', '>=', spans.periods.from)
    // Implied by the next (a period starts before it ends): it bounds the walk of the period index,
    // which otherwise read every later notification (a third of a million rows at a million).
    .where('period_from', '<=', spans.periods.to)
    .where('period_to', '<=', spans.periods.to)
    .execute();
}

/** Writes derived obligations and the texts they name (after deleteStoredObligations). */
export async function insertStoredObligations(
  db: Kysely<Database>,
  organisationId: string,
  rows: readonly StoredObligation[],
  texts: ReadonlyMap<string, string>,
): Promise<void> {
  await bulkInsertWith(db, 'obligation_row', ROW_COLUMNS, rows, (r, p) => {
    p.push(organisationId, r.id, r.obligationId, r.trigger, r.form, r.periodFrom, r.periodTo);
    p.push(r.periodLabel, r.dueOn, r.verified ? 1 : 0, r.textKey);
    if (r.trigger === 'each-receipt') p.push(r.receiptIds[0] ?? null, null);
    else p.push(null, JSON.stringify(r.receiptIds));
  });
  await bulkInsertWith(
    db,
    'obligation_text',
    ['organisation_id', 'key', 'body'],
    [...texts],
    ([key, body], p) => p.push(organisationId, key, body),
    { tail: 'on conflict do nothing' },
  );
}

const CHUNK = 500;

/** The stored obligations a filing can bear on: these ids, or notifications of these receipts. */
export async function filingRelatedObligations(
  db: Kysely<Database>,
  organisationId: string,
  ids: readonly string[],
  receiptIds: readonly string[],
): Promise<{ id: string; trigger: string; form: string; receiptId: string | null }[]> {
  const out = new Map<string, { id: string; trigger: string; form: string; receiptId: string | null }>();
  const read = async (column: 'id' | 'receipt_id', values: readonly string[]) => {
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await db
        .selectFrom('obligation_row')
        .select(['id', 'trigger_kind', 'form', 'receipt_id'])
        .where('organisation_id', '=', organisationId)
        .where(column, 'in', values.slice(i, i + CHUNK))
        .execute();
      for (const r of rows)
        out.set(r.id, { id: r.id, trigger: r.trigger_kind, form: r.form, receiptId: r.receipt_id });
    }
  };
  await read('id', [...new Set(ids)]);
  await read('receipt_id', [...new Set(receiptIds)]);
  return [...out.values()];
}

/** Writes the filing columns anew: cleared everywhere, then set on the obligations given. */
// Clearing reads only the rows that carry a filing (the partial index obligation_row_filed).
export async function writeFilingStates(
  db: Kysely<Database>,
  organisationId: string,
  states: readonly StoredFilingState[],
): Promise<void> {
  await db
    .updateTable('obligation_row')
    .set({ submitted_id: null, submitted_on: null, draft_id: null })
    .where('organisation_id', '=', organisationId)
    .where((b) => b.or([b('submitted_id', 'is not', null), b('draft_id', 'is not', null)]))
    .execute();
  for (const s of states)
    await db
      .updateTable('obligation_row')
      .set({ submitted_id: s.submittedId, submitted_on: s.submittedOn, draft_id: s.draftId })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', s.id)
      .execute();
}

/** How many obligations are stored for the organisation (tests and the bench). */
export async function countStoredObligations(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('obligation_row')
    .select(sql<string | number | bigint>`count(*)`.as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
