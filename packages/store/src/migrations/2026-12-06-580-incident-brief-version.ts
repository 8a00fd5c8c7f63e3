import type { Kysely } from 'kysely';

// A version per incident and per brief (issue 13): an edit from the web names the version it was
// made from, and one made from an older version is refused instead of silently overwriting another
// person's change (optimistic concurrency). Every row starts at 1; each accepted change adds one.
const TABLES = ['incident', 'brief'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(1))
      .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
