import type { Kysely } from 'kysely';
import { storedStatusSql } from './obligation-store.query.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

/** A stored notification (one receipt's) with its status on a day: what a report's lint weighs. */
export interface NotificationState {
  readonly id: string;
  readonly receiptId: string;
  readonly form: string;
  readonly dueOn: string;
  readonly submittedOn: string | null;
  readonly status: string;
}

/**
 * The stored notifications whose receipt day is in [from, to], each with its status on asOf (the
 * obligations list's, computed in SQL), in no order: a half-year's lint reads one per receipt of
 * the period (80,000 at a million receipts), which the list would sort and build in full.
 */
export async function queryNotificationStates(
  db: Kysely<Database>,
  organisationId: string,
  q: { readonly from: string; readonly to: string; readonly asOf: string; readonly dueSoonUntil: string },
): Promise<NotificationState[]> {
  const query = db
    .selectFrom('obligation_row')
    .select([
      'id',
      'receipt_id',
      'form',
      'due_on',
      'submitted_on',
      storedStatusSql(q.asOf, q.dueSoonUntil).as('st'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('trigger_kind', '=', 'each-receipt')
    .where('period_from', '>=', q.from)
    .where('period_from', '<=', q.to);
  const state = (a: readonly (string | null)[]): NotificationState => ({
    id: a[0] ?? '',
    receiptId: a[1] ?? '',
    form: a[2] ?? '',
    dueOn: a[3] ?? '',
    submittedOn: a[4] ?? null,
    status: a[5] ?? '',
  });
  // On SQLite as arrays into one fixed shape (better-sqlite3's row objects cost three times more).
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const c = query.compile();
    return (
      sqlite
        .prepare(c.sql)
        .raw(true)
        .all(...c.parameters) as (string | null)[][]
    ).map(state);
  }
  return (await query.execute()).map((r) =>
    state([r.id, r.receipt_id, r.form, r.due_on, r.submitted_on, r.st]),
  );
}
