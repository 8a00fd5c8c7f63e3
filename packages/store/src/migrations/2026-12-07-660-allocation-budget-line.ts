import type { Kysely } from 'kysely';

// An expenditure's allocation may name the line of the grant's budget it is spent under (issue 13).
// No foreign key: a grant's lines are rewritten in place when the grant is saved (same ids), and the
// application refuses to remove a line an allocation names, and checks the line is of that grant.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ledger_allocation').addColumn('budget_line_id', 'text').execute();
  await db.schema
    .createIndex('ledger_allocation_budget_line')
    .on('ledger_allocation')
    .columns(['organisation_id', 'budget_line_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_allocation_budget_line').execute();
  await db.schema.alterTable('ledger_allocation').dropColumn('budget_line_id').execute();
}
