import type { Kysely } from 'kysely';

// A ruling's number as written on it and the official who issued it (issue 10: the complaint names
// the ruling by number, date and official). Null for actions stored before, and when unknown.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').addColumn('number', 'text').execute();
  await db.schema.alterTable('case_action').addColumn('official', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').dropColumn('official').execute();
  await db.schema.alterTable('case_action').dropColumn('number').execute();
}
