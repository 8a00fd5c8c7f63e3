import type { BalanceDimension } from '@civic/core';
import { sql, type Kysely } from 'kysely';
import { Totals, type BalanceTotalsRow, type Part } from './ledger-balance-recount.ts';
import type { Database } from './schema.ts';

export type { BalanceTotalsRow } from './ledger-balance-recount.ts';
export { recountLedgerBalanceTotals } from './ledger-balance-recount.ts';
export { buildBalanceTotals, moveBalanceTotals, type BalanceRows } from './ledger-balance-maintain.ts';

type Row = Part & { direction: string };

/** The maintained sums of one dimension: whole months, and up to `at` the days of its month. */
async function maintained(
  db: Kysely<Database>,
  organisationId: string,
  dim: 'grant' | 'source' | 'account',
  at: string | undefined,
): Promise<Row[]> {
  const month = at?.slice(0, 7);
  const when =
    month === undefined
      ? sql`grain = 'm'`
      : sql`((grain = 'm' and period < ${month}) or (grain = 'd' and period >= ${month} and period <= ${at}))`;
  const rows = await sql<{
    key: string;
    currency: string;
    direction: string;
    total: bigint | number | string;
    kzt: bigint | number | string;
    missing: bigint | number | string;
    n: bigint | number | string;
  }>`select key, currency, direction, cast(sum(total) as bigint) as total, cast(sum(kzt) as bigint) as kzt,
      cast(sum(missing) as bigint) as missing, cast(sum(n) as bigint) as n
    from ledger_balance_total
    where organisation_id = ${organisationId} and dim = ${dim} and ${when}
    group by key, currency, direction
    having sum(n) <> 0`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key,
    currency: r.currency,
    direction: r.direction,
    total: BigInt(r.total),
    kzt: BigInt(r.kzt),
    missing: BigInt(r.missing),
    n: BigInt(r.n),
  }));
}

/**
 * Received and spent totals by grant, source or account up to a date (inclusive), read from the
 * maintained totals (ledger-balance-maintain.ts): a few thousand month and day rows, whatever
 * the number of movements. `recountLedgerBalanceTotals` gives the same from every movement.
 * - grant: receipts by grant (null = no grant) and expenditure allocations by grant;
 * - source: receipts by source and allocations through their grant's source;
 * - account: the account's bank lines (in and out), plus receipts and expenditures entered by
 *   hand on the account (those confirmed from a bank line are already counted by it).
 */
export async function ledgerBalanceTotals(
  db: Kysely<Database>,
  organisationId: string,
  by: BalanceDimension,
  at?: string,
): Promise<BalanceTotalsRow[]> {
  const totals = new Totals();
  const add = (r: Row, key: string | null) => totals.add({ ...r, key }, r.direction === 'in' ? 'in' : 'out');
  if (by === 'grant') {
    for (const r of await maintained(db, organisationId, 'grant', at)) add(r, r.key === '' ? null : r.key);
  } else if (by === 'source') {
    for (const r of await maintained(db, organisationId, 'source', at)) add(r, r.key === '' ? null : r.key);
    const grants = await db
      .selectFrom('ledger_grant')
      .select(['id', 'source_id'])
      .where('organisation_id', '=', organisationId)
      .execute();
    const sourceOf = new Map(grants.map((g) => [g.id, g.source_id]));
    for (const r of await maintained(db, organisationId, 'grant', at))
      if (r.direction !== 'in') add(r, sourceOf.get(r.key ?? '') ?? null);
  } else {
    for (const r of await maintained(db, organisationId, 'account', at)) add(r, r.key);
  }
  return totals.list();
}
