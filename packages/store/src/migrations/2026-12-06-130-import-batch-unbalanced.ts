import type { Kysely } from 'kysely';

// Issue 14: a statement whose balances do not add up may be imported anyway by a person who says
// so (`--accept-unbalanced`, the web preview's checkbox). The batch keeps why: the statements and
// their arithmetic, as one text. Null for every batch that balanced (all those stored before).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').addColumn('unbalanced', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('unbalanced').execute();
}
