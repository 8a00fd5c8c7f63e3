import type { Kysely } from 'kysely';

// The outcome of a court decision (annulled, upheld, changed, returned, unknown) for the repeat-offence
// check (issue 10). Null for other kinds of action; a court decision stored before this column is
// read as unknown.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').addColumn('outcome', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').dropColumn('outcome').execute();
}
