import { sql, type Kysely } from 'kysely';
import type { StoredObligation } from './obligation-store.repository.ts';
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

export async function queryStoredObligations(
  db: Kysely<Database>,
  organisationId: string,
  q: StoredObligationQuery,
): Promise<StoredObligationPage> {
  const status = sql<string>`case when submitted_on is not null and submitted_on <= ${q.asOf} then (case when submitted_on <= due_on then 'filed-on-time' else 'filed-late' end) when due_on < ${q.asOf} then 'missed' when due_on <= ${q.dueSoonUntil} then 'due' else 'upcoming' end`;
  let base = db
    .selectFrom('obligation_row')
    .where('organisation_id', '=', organisationId)
    .where('period_from', '<=', q.to);
  if (q.from !== undefined) base = base.where('period_to', '>=', q.from);
  if (q.dueFrom !== undefined) base = base.where('due_on', '>=', q.dueFrom);
  if (q.dueTo !== undefined) base = base.where('due_on', '<=', q.dueTo);
  if (q.id !== undefined) base = base.where('id', '=', q.id);
  const counted = await db
    .selectFrom(base.select(status.as('st')).as('t'))
    .select(['t.st', sql<string | number | bigint>`count(*)`.as('n')])
    .groupBy('t.st')
    .execute();
  const counts = new Map(counted.map((r) => [r.st, Number(r.n)]));
  const statuses = q.statuses && q.statuses.length > 0 ? q.statuses : undefined;
  let total = 0;
  for (const [s, n] of counts) if (!statuses || statuses.includes(s)) total += n;
  let page = db
    .selectFrom(base.selectAll().select(status.as('st')).as('t'))
    .selectAll()
    .orderBy('t.due_on')
    .orderBy('t.id');
  if (statuses) page = page.where('t.st', 'in', statuses);
  const rows =
    q.limit === 0 || total === 0
      ? []
      : await page
          .limit(q.limit ?? ALL)
          .offset(q.offset ?? 0)
          .execute();
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
      receiptIds:
        r.receipt_ids !== null ? (JSON.parse(r.receipt_ids) as string[]) : r.receipt_id ? [r.receipt_id] : [],
      status: r.st,
      submittedId: r.submitted_id,
      submittedOn: r.submitted_on,
      draftId: r.draft_id,
    })),
  };
}
