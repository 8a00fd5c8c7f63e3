import type { Kysely } from 'kysely';

// A version per editable ledger record (issue 13): an edit names the version it was made from, and
// one made from an older version is refused instead of silently overwriting another person's change
// (optimistic concurrency). Every record starts at 1; each accepted change adds one.
const TABLES = ['foreign_source', 'ledger_grant', 'bank_account', 'ledger_receipt', 'ledger_expenditure'];

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
