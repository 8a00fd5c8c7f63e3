import type { Kysely } from 'kysely';

// Other names of an organisation (issue 11): Latin and Cyrillic spellings that do not follow a
// transliteration scheme («Эхо» / "Echo"), former names, abbreviations. A JSON array of strings;
// incidents naming the organisation by any of them are indexed under all of them.
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('aliases').execute();
}
