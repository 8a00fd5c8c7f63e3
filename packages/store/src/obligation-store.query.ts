import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { StoredObligation } from './obligation-store.repository.ts';
import { countObligationStatuses } from './obligation-tally.repository.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import { rawStatement } from './sqlite-statement-cache.ts';
import type { Database } from './schema.ts';

// The obligations list read from the stored rows (migration 700): the status of each is computed
// in SQL on the day asked about (the rules of core's obligationStatus), so counting and paging a
// million obligations never brings them into memory.

export interface StoredObligationQuery {
  /** Obligations whose receipt day or reporting period meets [from, to] (no lower bound when left out). */
  readonly from?: string | undefined;
  readonly to: string;
  readonly asOf: string;
  /** The last due day that counts as `due` on asOf (asOf + dueSoonDays). */
  readonly dueSoonUntil: string;
  readonly dueFrom?: string | undefined;
  readonly dueTo?: string | undefined;
  /** Only the obligation with this id. */
  readonly id?: string | undefined;
  /** Only these statuses (all when empty or left out). */
  readonly statuses?: readonly string[] | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  /**
   * The range holds most rows (the default one, from the first record): the page walks the
   * due-day index and stops at its last row instead of sorting every row in the range.
   */
  readonly inDueOrder?: boolean | undefined;
  /** The counts of this question already known (kept at the ledger's revision): not counted again. */
  readonly knownCounts?: ReadonlyMap<string, number> | undefined;
}

export interface StoredObligationWithStatus extends StoredObligation {
  readonly status: string;
  readonly submittedId: string | null;
  readonly submittedOn: string | null;
  readonly draftId: string | null;
}

export interface StoredObligationPage {
  /** Per status, after the range and due-day filters (before the status filter). */
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
  /** Sorted by due day, then id (byte order, as core sorts). */
  readonly rows: readonly StoredObligationWithStatus[];
  /** The texts the rows name, by key (JSON bodies). */
  readonly texts: ReadonlyMap<string, string>;
}

const ALL = Number.MAX_SAFE_INTEGER;

const SHORT = [
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
  'submitted_id',
  'submitted_on',
  'draft_id',
] as const;

/** The receipt ids of the given rows that hold a list (a period's report), by row id. */
async function receiptLists(
  db: Kysely<Database>,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('obligation_row')
      .select(['id', 'receipt_ids'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of found) if (r.receipt_ids !== null) out.set(r.id, JSON.parse(r.receipt_ids) as string[]);
  }
  return out;
}

/**
 * The page's rows; on SQLite read as arrays into one fixed shape (a half-year's lint reads every
 * notification of the period: 80,000 rows, whose objects better-sqlite3 builds at three times the
 * cost of a plain literal).
 */
async function pageRows<R>(
  db: Kysely<Database>,
  page: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<R[]> },
): Promise<R[]> {
  const sqlite = sqliteHandle(db);
  if (!sqlite) return page.execute();
  const c = page.compile();
  const raw = rawStatement(sqlite, c.sql).all(...c.parameters) as (string | null)[][];
  // The columns in the order the page selects them: SHORT, then the status.
  return raw.map(
    (a) =>
      ({
        id: a[0] ?? null,
        obligation_id: a[1] ?? null,
        trigger_kind: a[2] ?? null,
        form: a[3] ?? null,
        period_from: a[4] ?? null,
        period_to: a[5] ?? null,
        period_label: a[6] ?? null,
        due_on: a[7] ?? null,
        verified: a[8] ?? null,
        text_key: a[9] ?? null,
        receipt_id: a[10] ?? null,
        submitted_id: a[11] ?? null,
        submitted_on: a[12] ?? null,
        draft_id: a[13] ?? null,
        st: a[14] ?? null,
      }) as R,
  );
}

/** A stored obligation's status on asOf, in SQL (core's obligationStatus). */
export const storedStatusSql = (asOf: string, dueSoonUntil: string) =>
  sql<string>`case when submitted_on is not null and submitted_on <= ${asOf} then (case when submitted_on <= due_on then 'filed-on-time' else 'filed-late' end) when due_on < ${asOf} then 'missed' when due_on <= ${dueSoonUntil} then 'due' else 'upcoming' end`;

/**
 * Rows whose status on asOf is one of `statuses`, as conditions on the plain columns: the same
 * rows as `storedStatusSql(…) in statuses`, but PostgreSQL estimates these from the columns'
 * statistics. Against the CASE it guessed 0.5% of the rows, so a page of `missed` (nearly every
 * row) at offset 5,000 sorted all 600,000 rows of a million-receipt organisation (490 ms) instead
 * of walking the due-day index to its 5,051st row (6 ms).
 */
export function storedStatusIn(
  statuses: readonly string[],
  asOf: string,
  dueSoonUntil: string,
): Expression<SqlBool> {
  const filed = sql<SqlBool>`submitted_on is not null and submitted_on <= ${asOf}`;
  const open = sql<SqlBool>`(submitted_on is null or submitted_on > ${asOf})`;
  const one = (s: string): Expression<SqlBool> | undefined => {
    if (s === 'filed-on-time') return sql<SqlBool>`(${filed} and submitted_on <= due_on)`;
    if (s === 'filed-late') return sql<SqlBool>`(${filed} and submitted_on > due_on)`;
    if (s === 'missed') return sql<SqlBool>`(${open} and due_on < ${asOf})`;
    if (s === 'due') return sql<SqlBool>`(${open} and due_on >= ${asOf} and due_on <= ${dueSoonUntil})`;
    if (s === 'upcoming') return sql<SqlBool>`(${open} and due_on > ${dueSoonUntil})`;
    return undefined;
  };
  const ors = [...new Set(statuses)].flatMap((s) => one(s) ?? []);
  return ors.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

export async function queryStoredObligations(
  db: Kysely<Database>,
  organisationId: string,
  q: StoredObligationQuery,
): Promise<StoredObligationPage> {
  const status = storedStatusSql(q.asOf, q.dueSoonUntil);
  const rowsOf = (byDue: boolean) => {
    // `period_from || ''` is the same text but no index serves it: the planner takes the due index.
    const periodFrom = byDue ? sql<string>`period_from || ''` : sql<string>`period_from`;
    let b = db
      .selectFrom('obligation_row')
      .where('organisation_id', '=', organisationId)
      .where(periodFrom, '<=', q.to);
    if (q.from !== undefined) b = b.where('period_to', '>=', q.from);
    if (q.dueFrom !== undefined) b = b.where('due_on', '>=', q.dueFrom);
    if (q.dueTo !== undefined) b = b.where('due_on', '<=', q.dueTo);
    if (q.id !== undefined) b = b.where('id', '=', q.id);
    return b;
  };
  const statuses = q.statuses && q.statuses.length > 0 ? q.statuses : undefined;
  // The counts from the tally (a few thousand rows at a million obligations); one obligation by id counted directly.
  const counts =
    q.knownCounts ??
    (q.id === undefined
      ? await countObligationStatuses(db, organisationId, q)
      : new Map(
          (
            await db
              .selectFrom(rowsOf(false).select(status.as('st')).as('t'))
              .select(['t.st', sql<string | number | bigint>`count(*)`.as('n')])
              .groupBy('t.st')
              .execute()
          ).map((r) => [r.st, Number(r.n)]),
        ));
  let total = 0;
  for (const [s, n] of counts) if (!statuses || statuses.includes(s)) total += n;
  // A period's row carries every receipt id of the period (a large JSON text): the sort carries
  // the short columns only, and those texts are read for the page's rows afterwards (sorting the
  // whole rows cost seconds at 80,000 obligations in a half-year).
  let matching = rowsOf(q.inDueOrder === true && q.limit !== undefined);
  if (statuses) matching = matching.where(storedStatusIn(statuses, q.asOf, q.dueSoonUntil));
  const page = db
    .selectFrom(matching.select([...SHORT, status.as('st')]).as('t'))
    .selectAll()
    .orderBy('t.due_on')
    .orderBy('t.id');
  const rows =
    q.limit === 0 || total === 0 ? [] : await pageRows(db, page.limit(q.limit ?? ALL).offset(q.offset ?? 0));
  const lists = await receiptLists(
    db,
    organisationId,
    rows.filter((r) => r.receipt_id === null).map((r) => r.id),
  );
  const keys = [...new Set(rows.map((r) => r.text_key))];
  const texts = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await db
      .selectFrom('obligation_text')
      .select(['key', 'body'])
      .where('organisation_id', '=', organisationId)
      .where('key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const t of found) texts.set(t.key, t.body);
  }
  return {
    counts,
    total,
    texts,
    rows: rows.map((r) => ({
      id: r.id,
      obligationId: r.obligation_id,
      trigger: r.trigger_kind === 'period' ? 'period' : 'each-receipt',
      form: r.form,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      periodLabel: r.period_label,
      dueOn: r.due_on,
      verified: Number(r.verified) === 1,
      textKey: r.text_key,
      receiptIds: r.receipt_id !== null ? [r.receipt_id] : (lists.get(r.id) ?? []),
      status: r.st,
      submittedId: r.submitted_id,
      submittedOn: r.submitted_on,
      draftId: r.draft_id,
    })),
  };
}
