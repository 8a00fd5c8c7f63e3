import type { Kysely } from 'kysely';

// The fields of a bank line the importer does not know (a bank's own 1C additions such as
// `ВидДокумента`), as a JSON object of name → value as written; null when there are none (issue 14).
// Kept with the line so that nothing a bank wrote is lost. Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_line').addColumn('extras', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_line').dropColumn('extras').execute();
}
