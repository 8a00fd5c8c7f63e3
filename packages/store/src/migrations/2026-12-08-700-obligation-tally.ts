import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The stored obligations counted by what decides their status (issue 17): one row per kind,
// period and due day with how many obligations share them. A million receipts' notifications fall
// on a couple of thousand days, so the list's status counts read a few thousand rows instead of
// counting a million after every change. Kept by the refresh in the same transaction as the rows
// (replaceObligationTally); filings are not in it (the few filed rows are read on their own).
// Existing stored obligations are counted once here. Migrations never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const c = postgres ? sql`collate "C"` : sql``;
  await db.schema
    .createTable('obligation_tally')
    .addColumn('organisation_id', 'text', (x) => x.notNull())
    .addColumn('trigger_kind', 'text', (x) => x.notNull())
    .addColumn('period_from', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('period_to', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('due_on', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('n', 'bigint', (x) => x.notNull())
    .addPrimaryKeyConstraint('obligation_tally_pk', [
      'organisation_id',
      'trigger_kind',
      'period_from',
      'period_to',
      'due_on',
    ])
    .execute();
  await sql`INSERT INTO obligation_tally (organisation_id, trigger_kind, period_from, period_to, due_on, n)
    SELECT organisation_id, trigger_kind, period_from, period_to, due_on, count(*) FROM obligation_row
    GROUP BY organisation_id, trigger_kind, period_from, period_to, due_on`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('obligation_tally').execute();
}
