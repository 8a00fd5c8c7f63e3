import type {
  AccountId,
  Allocation,
  BankLineId,
  CalendarDate,
  CurrencyCode,
  Expenditure,
  ExpenditureId,
  GrantId,
  KztEquivalent,
} from '@civic/core';
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert } from './bulk-insert.ts';
import { kztFromColumns, kztToColumns } from './kzt-columns.ts';
import type { LedgerExpenditureTable } from './ledger.tables.ts';
import type { Database } from './schema.ts';
import { idsByOrganisation, moveBalanceTotals } from './ledger-balance-maintain.ts';
import { ownedBy } from './owned-by.ts';

export interface NewExpenditure {
  readonly id: string;
  readonly organisationId: string;
  readonly accountId: string | null;
  readonly bankLine: string | null;
  readonly spentOn: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly kzt: KztEquivalent;
  readonly description: string | null;
  readonly counterparty: string | null;
  /** Each grant's share and its part of the KZT equivalent (null when the rate is missing). */
  readonly allocations: readonly {
    readonly grantId: string;
    readonly amountMinor: bigint;
    readonly kztMinor: bigint | null;
    readonly budgetLineId?: string | null;
  }[];
  readonly illustrative?: boolean;
  readonly createdAt: string;
}

export function expenditureRow(e: NewExpenditure) {
  return {
    id: e.id,
    organisation_id: e.organisationId,
    account_id: e.accountId,
    bank_line: e.bankLine,
    spent_on: e.spentOn,
    currency: e.currency,
    amount_minor: e.amountMinor,
    ...kztToColumns(e.kzt),
    description: e.description,
    counterparty: e.counterparty,
    illustrative: e.illustrative ? (1 as const) : (0 as const),
    created_at: e.createdAt,
  };
}

export function allocationRows(e: NewExpenditure) {
  return e.allocations.map((a) => ({
    expenditure_id: e.id,
    organisation_id: e.organisationId,
    grant_id: a.grantId,
    spent_on: e.spentOn,
    currency: e.currency,
    amount_minor: a.amountMinor,
    kzt_minor: a.kztMinor,
    budget_line_id: a.budgetLineId ?? null,
  }));
}

/** Inserts an expenditure and its allocations (call inside a transaction). */
export async function insertExpenditure(db: Kysely<Database>, e: NewExpenditure): Promise<void> {
  await db.insertInto('ledger_expenditure').values(expenditureRow(e)).execute();
  const allocations = allocationRows(e);
  if (allocations.length > 0) await db.insertInto('ledger_allocation').values(allocations).execute();
  await moveBalanceTotals(db, 1, { organisationId: e.organisationId, expenditures: [e.id] });
}

/** Inserts many expenditures and their allocations through the bulk path (inside the caller's transaction). */
export async function insertExpenditures(
  db: Kysely<Database>,
  expenditures: readonly NewExpenditure[],
  onChunk?: (done: number, total: number) => void,
): Promise<void> {
  const first = expenditures[0];
  if (!first) return;
  await bulkInsert(
    db,
    'ledger_expenditure',
    Object.keys(expenditureRow(first)),
    expenditures.map((e) => Object.values(expenditureRow(e))),
    onChunk ? { onChunk } : {},
  );
  const allocations = expenditures.flatMap(allocationRows);
  const a0 = allocations[0];
  if (a0)
    await bulkInsert(
      db,
      'ledger_allocation',
      Object.keys(a0),
      allocations.map((a) => Object.values(a)),
    );
  for (const [organisationId, ids] of idsByOrganisation(expenditures))
    await moveBalanceTotals(db, 1, { organisationId, expenditures: ids });
}

async function withAllocations(
  db: Kysely<Database>,
  rows: Selectable<LedgerExpenditureTable>[],
): Promise<Expenditure[]> {
  const byId = new Map<string, Allocation[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const allocs = await db
      .selectFrom('ledger_allocation')
      .selectAll()
      .where('expenditure_id', 'in', part)
      .orderBy('expenditure_id')
      .orderBy('grant_id')
      .execute();
    for (const a of allocs) {
      const list = byId.get(a.expenditure_id) ?? [];
      list.push({
        grantId: a.grant_id as GrantId,
        amount: a.amount_minor,
        ...(a.budget_line_id === null ? {} : { budgetLineId: a.budget_line_id }),
      });
      byId.set(a.expenditure_id, list);
    }
  }
  return rows.map((r) => ({
    id: r.id as ExpenditureId,
    organisationId: r.organisation_id,
    spentOn: r.spent_on as CalendarDate,
    amount: { minor: r.amount_minor, currency: r.currency as CurrencyCode },
    kzt: kztFromColumns(r),
    accountId: r.account_id as AccountId | null,
    bankLineId: r.bank_line as BankLineId | null,
    description: r.description,
    counterparty: r.counterparty,
    allocations: byId.get(r.id) ?? [],
    illustrative: r.illustrative === 1n,
  }));
}

export interface ExpenditureFilter {
  readonly from?: string;
  readonly to?: string;
  readonly grantId?: string;
  /** Only these expenditures (a few: one parameter each). */
  readonly ids?: readonly string[];
}

/** Expenditures of an organisation, oldest first, with their allocations. */
export async function listExpenditures(
  db: Kysely<Database>,
  organisationId: string,
  filter: ExpenditureFilter = {},
): Promise<Expenditure[]> {
  // Named by id: the primary key finds them (ownedBy), else the organisation's indexes serve.
  const base = db.selectFrom('ledger_expenditure').selectAll();
  let q = filter.ids
    ? base.where(ownedBy(organisationId))
    : base.where('organisation_id', '=', organisationId);
  if (filter.from) q = q.where('spent_on', '>=', filter.from);
  if (filter.to) q = q.where('spent_on', '<=', filter.to);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('id', 'in', [...filter.ids]);
  }
  if (filter.grantId) {
    const grantId = filter.grantId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('ledger_allocation').select('expenditure_id').where('grant_id', '=', grantId),
    );
  }
  return withAllocations(db, await q.orderBy('spent_on').orderBy('id').execute());
}

export async function getExpenditure(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<Expenditure | undefined> {
  const r = await db
    .selectFrom('ledger_expenditure')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? (await withAllocations(db, [r]))[0] : undefined;
}

export async function listExpendituresNotOfficial(db: Kysely<Database>): Promise<Expenditure[]> {
  return withAllocations(
    db,
    await db.selectFrom('ledger_expenditure').selectAll().where('rate_status', '!=', 'official').execute(),
  );
}

/** Replaces an expenditure's KZT equivalent and its allocations' KZT shares. */
export async function updateExpenditureKzt(
  db: Kysely<Database>,
  id: string,
  kzt: KztEquivalent,
  shares: readonly { grantId: string; kztMinor: bigint | null }[],
): Promise<void> {
  const row = await db
    .selectFrom('ledger_expenditure')
    .select('organisation_id')
    .where('id', '=', id)
    .executeTakeFirst();
  const rows = { organisationId: row?.organisation_id ?? '', expenditures: [id] };
  await moveBalanceTotals(db, -1, rows);
  await db.updateTable('ledger_expenditure').set(kztToColumns(kzt)).where('id', '=', id).execute();
  for (const s of shares)
    await db
      .updateTable('ledger_allocation')
      .set({ kzt_minor: s.kztMinor })
      .where('expenditure_id', '=', id)
      .where('grant_id', '=', s.grantId)
      .execute();
  await moveBalanceTotals(db, 1, rows);
}
