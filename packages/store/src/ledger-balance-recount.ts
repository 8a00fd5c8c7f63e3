import type { BalanceDimension } from '@civic/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Totals for one key (grant, source or account; null = receipts with no grant) and currency. */
export interface BalanceTotalsRow {
  readonly key: string | null;
  readonly currency: string;
  readonly received: bigint;
  readonly spent: bigint;
  readonly receivedKzt: bigint;
  readonly spentKzt: bigint;
  readonly missingKzt: number;
  readonly movements: number;
}

export interface Part {
  key: string | null;
  currency: string;
  total: bigint;
  kzt: bigint;
  missing: bigint;
  n: bigint;
}

const sumOf = (col: string) => sql<bigint>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;
const missingOf = (col: string) =>
  sql<bigint>`cast(coalesce(sum(case when ${sql.ref(col)} is null then 1 else 0 end), 0) as bigint)`;

export class Totals {
  readonly rows = new Map<
    string,
    {
      key: string | null;
      currency: string;
      received: bigint;
      spent: bigint;
      receivedKzt: bigint;
      spentKzt: bigint;
      missingKzt: number;
      movements: number;
    }
  >();
  add(p: Part, direction: 'in' | 'out'): void {
    const k = `${p.key ?? ''}\u0000${p.currency}`;
    let t = this.rows.get(k);
    if (!t) {
      t = {
        key: p.key,
        currency: p.currency,
        received: 0n,
        spent: 0n,
        receivedKzt: 0n,
        spentKzt: 0n,
        missingKzt: 0,
        movements: 0,
      };
      this.rows.set(k, t);
    }
    if (direction === 'in') {
      t.received += BigInt(p.total);
      t.receivedKzt += BigInt(p.kzt);
    } else {
      t.spent += BigInt(p.total);
      t.spentKzt += BigInt(p.kzt);
    }
    t.missingKzt += Number(p.missing);
    t.movements += Number(p.n);
  }
  list(): BalanceTotalsRow[] {
    return [...this.rows.values()].sort((a, b) =>
      (a.key ?? '') < (b.key ?? '')
        ? -1
        : (a.key ?? '') > (b.key ?? '')
          ? 1
          : a.currency < b.currency
            ? -1
            : a.currency > b.currency
              ? 1
              : 0,
    );
  }
}

async function receiptsBy(
  db: Kysely<Database>,
  org: string,
  column: 'grant_id' | 'source_id' | 'account_id',
  at: string | undefined,
  onlyManual: boolean,
): Promise<Part[]> {
  let q = db
    .selectFrom('ledger_receipt')
    .select([
      sql<string | null>`${sql.ref(column)}`.as('key'),
      sql<string>`currency`.as('currency'),
      sumOf('amount_minor').as('total'),
      sumOf('kzt_minor').as('kzt'),
      missingOf('kzt_minor').as('missing'),
      sql<bigint>`count(*)`.as('n'),
    ])
    .where('organisation_id', '=', org)
    .where('amount_minor', 'is not', null);
  if (at) q = q.where('received_on', '<=', at);
  if (onlyManual) q = q.where('bank_line', 'is', null).where('account_id', 'is not', null);
  return (await q.groupBy([column, 'currency']).execute()) as Part[];
}

async function allocationsByGrant(
  db: Kysely<Database>,
  org: string,
  at: string | undefined,
): Promise<Part[]> {
  let q = db
    .selectFrom('ledger_allocation')
    .select([
      sql<string>`grant_id`.as('key'),
      'currency',
      sumOf('amount_minor').as('total'),
      sumOf('kzt_minor').as('kzt'),
      missingOf('kzt_minor').as('missing'),
      sql<bigint>`count(*)`.as('n'),
    ])
    .where('organisation_id', '=', org);
  if (at) q = q.where('spent_on', '<=', at);
  return (await q.groupBy(['grant_id', 'currency']).execute()) as Part[];
}

async function bankLinesByAccount(
  db: Kysely<Database>,
  org: string,
  at: string | undefined,
): Promise<{ in: Part[]; out: Part[] }> {
  let q = db
    .selectFrom('bank_line')
    .select([
      sql<string>`account_id`.as('key'),
      'currency',
      'direction',
      sumOf('amount_minor').as('total'),
      sql<bigint>`count(*)`.as('n'),
    ])
    .where('organisation_id', '=', org);
  if (at) q = q.where('booked_on', '<=', at);
  const rows = await q.groupBy(['account_id', 'currency', 'direction']).execute();
  // Bank lines carry no KZT equivalent: a KZT line is its own; a foreign one counts as missing.
  const parts = rows.map((r) => ({
    ...r,
    kzt: r.currency === 'KZT' ? r.total : 0n,
    missing: r.currency === 'KZT' ? 0n : r.n,
    direction: r.direction,
  }));
  return { in: parts.filter((p) => p.direction === 'in'), out: parts.filter((p) => p.direction !== 'in') };
}

async function manualExpendituresByAccount(
  db: Kysely<Database>,
  org: string,
  at: string | undefined,
): Promise<Part[]> {
  let q = db
    .selectFrom('ledger_expenditure')
    .select([
      sql<string>`account_id`.as('key'),
      'currency',
      sumOf('amount_minor').as('total'),
      sumOf('kzt_minor').as('kzt'),
      missingOf('kzt_minor').as('missing'),
      sql<bigint>`count(*)`.as('n'),
    ])
    .where('organisation_id', '=', org)
    .where('account_id', 'is not', null)
    .where('bank_line', 'is', null);
  if (at) q = q.where('spent_on', '<=', at);
  return (await q.groupBy(['account_id', 'currency']).execute()) as Part[];
}

/**
 * The balance recounted from every movement (the maintained totals' oracle in tests; the rule
 * ledger-balance-maintain.ts keeps): received and spent totals by grant, source or account up to
 * a date (inclusive), aggregated in SQL (GROUP BY over covering indexes).
 * - grant: receipts by grant (null = no grant) and expenditure allocations by grant;
 * - source: receipts by source and allocations through their grant's source;
 * - account: the account's bank lines (in and out), plus receipts and expenditures entered by
 *   hand on the account (those confirmed from a bank line are already counted by it).
 */
export async function recountLedgerBalanceTotals(
  db: Kysely<Database>,
  organisationId: string,
  by: BalanceDimension,
  at?: string,
): Promise<BalanceTotalsRow[]> {
  const totals = new Totals();
  if (by === 'grant') {
    for (const p of await receiptsBy(db, organisationId, 'grant_id', at, false)) totals.add(p, 'in');
    for (const p of await allocationsByGrant(db, organisationId, at)) totals.add(p, 'out');
  } else if (by === 'source') {
    for (const p of await receiptsBy(db, organisationId, 'source_id', at, false)) totals.add(p, 'in');
    const grants = await db
      .selectFrom('ledger_grant')
      .select(['id', 'source_id'])
      .where('organisation_id', '=', organisationId)
      .execute();
    const sourceOf = new Map(grants.map((g) => [g.id, g.source_id]));
    for (const p of await allocationsByGrant(db, organisationId, at))
      totals.add({ ...p, key: p.key === null ? null : (sourceOf.get(p.key) ?? null) }, 'out');
  } else {
    const lines = await bankLinesByAccount(db, organisationId, at);
    for (const p of lines.in) totals.add(p, 'in');
    for (const p of lines.out) totals.add(p, 'out');
    for (const p of await receiptsBy(db, organisationId, 'account_id', at, true)) totals.add(p, 'in');
    for (const p of await manualExpendituresByAccount(db, organisationId, at)) totals.add(p, 'out');
  }
  return totals.list();
}
