import { sql, type Kysely } from 'kysely';

// The obligations list's status counts kept per question (issue 17): counting a million stored
// obligations costs half a second, and a new server process would pay it on its first request
// although nothing changed. A row holds the counts of one question (range, day, pack) at one
// ledger revision; a read whose revision differs ignores it. And the few stored obligations that
// carry a filing, indexed: a refresh clears their filing columns without reading every row (four
// seconds at a million). Migrations never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('obligation_count')
    .addColumn('organisation_id', 'text', (x) => x.notNull())
    .addColumn('question', 'text', (x) => x.notNull())
    .addColumn('revision', 'bigint', (x) => x.notNull())
    .addColumn('counts', 'text', (x) => x.notNull())
    .addPrimaryKeyConstraint('obligation_count_pk', ['organisation_id', 'question'])
    .execute();
  // The same condition as writeFilingStates' (both planners use a partial index it implies).
  await sql`CREATE INDEX obligation_row_filed ON obligation_row (organisation_id) WHERE submitted_id IS NOT NULL OR draft_id IS NOT NULL`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('obligation_row_filed').execute();
  await db.schema.dropTable('obligation_count').execute();
}
