import type { Kysely } from 'kysely';

// A grant's budget lines (issue 13): each line's code or name and its amount in minor units of the
// grant's currency, in the agreement's order. Removing a grant removes its lines.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_grant_budget_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull().references('ledger_grant.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_grant_budget_line_grant')
    .on('ledger_grant_budget_line')
    .columns(['organisation_id', 'grant_id', 'position'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_grant_budget_line').execute();
}
