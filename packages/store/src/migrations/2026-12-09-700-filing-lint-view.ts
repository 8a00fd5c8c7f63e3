import type { Kysely } from 'kysely';

// A filing's content as its lint reads it (issue 17), written with the content at prepare: a
// half-year's report at a million receipts is ~40 MB of canonical JSON, which every lint parsed
// whole; the view is a fifth of it (core lintViewText). Never hashed, never shown. Filings
// prepared before have none: their lint parses the content. Migrations never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('filing').addColumn('lint_view', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('filing').dropColumn('lint_view').execute();
}
