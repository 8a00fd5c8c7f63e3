import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';
import { buildBalanceTotals } from '../ledger-balance-maintain.ts';

// The balance's maintained totals (issue 17): sums of the movements per organisation, dimension
// (grant, source, account), key, currency, direction and month or day, so `civic ledger balance`
// reads a few thousand rows instead of every receipt, allocation and bank line. The store keeps
// them in the transaction of every change that moves money (ledger-balance-maintain.ts); this
// migration counts the existing movements. Migrations take Kysely<any> and never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const integer = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer';
  const key = ['organisation_id', 'dim', 'grain', 'period', 'key', 'currency', 'direction'] as const;
  let t: CreateTableBuilder<'ledger_balance_total', string> = db.schema.createTable('ledger_balance_total');
  for (const c of key) t = t.addColumn(c, 'text', (x) => x.notNull());
  for (const c of ['total', 'kzt', 'missing', 'n']) t = t.addColumn(c, integer, (x) => x.notNull());
  await t.addPrimaryKeyConstraint('ledger_balance_total_pk', [...key]).execute();
  await buildBalanceTotals(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ledger_balance_total').execute();
}
