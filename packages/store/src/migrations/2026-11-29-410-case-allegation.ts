import type { Kysely } from 'kysely';

// The nature of an allegation (not-filed, late, inaccurate, other) for the records check (issue 4).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').addColumn('alleges', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_action').dropColumn('alleges').execute();
}
