import type { Kysely } from 'kysely';

// The obligations list's status counts kept per question (issue 17): counting a million stored
// obligations costs half a second, and a new server process would pay it on its first request
// although nothing changed. A row holds the counts of one question (range, day, pack) at one
// ledger revision; a read whose revision differs ignores it. Migrations never import app code.

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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('obligation_count').execute();
}
