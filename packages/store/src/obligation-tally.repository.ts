import { sql, type Kysely } from 'kysely';
import { bulkInsertWith } from './bulk-insert.ts';
import { deleteObligationSpans, type DaySpan, type StoredObligation } from './obligation-store.repository.ts';
import type { Database } from './schema.ts';

// The stored obligations counted by kind, period and due day (migration 2026-12-08-700): the
// list's status counts from a few thousand rows, whatever the size of the ledger. The refresh
// replaces the tally of the spans it derives again in the same transaction as their rows.

/** The status counts' question: the list's range and due-day filters on the day asked about. */
export interface ObligationCountQuery {
  readonly from?: string | undefined;
  readonly to: string;
  readonly asOf: string;
  /** The last due day that counts as `due` on asOf. */
  readonly dueSoonUntil: string;
  readonly dueFrom?: string | undefined;
  readonly dueTo?: string | undefined;
}

/** Forgets the tally of the spans deleteStoredObligations and changedNotices empty (the same bounds). */
export async function deleteObligationTally(
  db: Kysely<Database>,
  organisationId: string,
  spans: { readonly notices: readonly DaySpan[]; readonly periods: DaySpan },
): Promise<void> {
  await deleteObligationSpans(db, 'obligation_tally', organisationId, spans);
}

/** Adds rows to a tally being built (kind, period and due day → how many). */
export function tallyObligations(into: Map<string, number>, rows: readonly StoredObligation[]): void {
  for (const r of rows) {
    const key = JSON.stringify([r.trigger, r.periodFrom, r.periodTo, r.dueOn]);
    into.set(key, (into.get(key) ?? 0) + 1);
  }
}

/** Writes a tally built by tallyObligations, after deleteObligationTally emptied its spans. */
export async function insertObligationTally(
  db: Kysely<Database>,
  organisationId: string,
  tally: ReadonlyMap<string, number>,
): Promise<void> {
  await bulkInsertWith(
    db,
    'obligation_tally',
    ['organisation_id', 'trigger_kind', 'period_from', 'period_to', 'due_on', 'n'],
    [...tally],
    ([key, n], p) => {
      const [trigger, from, to, due] = JSON.parse(key) as [string, string, string, string];
      p.push(organisationId, trigger, from, to, due, n);
    },
  );
}

const unfiled = (due: string, q: ObligationCountQuery) =>
  due < q.asOf ? 'missed' : due <= q.dueSoonUntil ? 'due' : 'upcoming';

/**
 * The stored obligations' counts per status (core's obligationStatus on asOf) within the range
 * and due-day filters: the tally as if nothing were filed, then the few rows submitted by asOf
 * moved to their filed status.
 */
export async function countObligationStatuses(
  db: Kysely<Database>,
  organisationId: string,
  q: ObligationCountQuery,
): Promise<Map<string, number>> {
  const st = sql<string>`case when due_on < ${q.asOf} then 'missed' when due_on <= ${q.dueSoonUntil} then 'due' else 'upcoming' end`;
  let tally = db
    .selectFrom('obligation_tally')
    .select([st.as('st'), 'n'])
    .where('organisation_id', '=', organisationId)
    .where('period_from', '<=', q.to);
  if (q.from !== undefined) tally = tally.where('period_to', '>=', q.from);
  if (q.dueFrom !== undefined) tally = tally.where('due_on', '>=', q.dueFrom);
  if (q.dueTo !== undefined) tally = tally.where('due_on', '<=', q.dueTo);
  const grouped = await db
    .selectFrom(tally.as('t'))
    .select(['t.st', sql<string | number | bigint>`sum(t.n)`.as('n')])
    .groupBy('t.st')
    .execute();
  const counts = new Map(grouped.map((r) => [r.st, Number(r.n)]));
  // Only the condition of the partial index obligation_row_filed, the rest checked here: with a
  // range on period_from SQLite walked the period index instead (100 ms at 200,000 rows, none filed).
  const filed = await db
    .selectFrom('obligation_row')
    .select(['due_on', 'submitted_on', 'period_from', 'period_to'])
    .where('organisation_id', '=', organisationId)
    .where((b) => b.or([b('submitted_id', 'is not', null), b('draft_id', 'is not', null)]))
    .execute();
  for (const r of filed) {
    if (r.submitted_on === null || r.submitted_on > q.asOf || r.period_from > q.to) continue;
    if (q.from !== undefined && r.period_to < q.from) continue;
    if ((q.dueFrom !== undefined && r.due_on < q.dueFrom) || (q.dueTo !== undefined && r.due_on > q.dueTo))
      continue;
    const before = unfiled(r.due_on, q);
    counts.set(before, (counts.get(before) ?? 0) - 1);
    const after = r.submitted_on <= r.due_on ? 'filed-on-time' : 'filed-late';
    counts.set(after, (counts.get(after) ?? 0) + 1);
  }
  for (const [s, n] of counts) if (n === 0) counts.delete(s);
  return counts;
}
