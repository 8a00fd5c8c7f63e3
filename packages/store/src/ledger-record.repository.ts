import type { Kysely } from 'kysely';
import { allocationRows, expenditureRow, type NewExpenditure } from './expenditure.repository.ts';
import type { NewGrant } from './grant.repository.ts';
import { receiptRow, type NewReceipt } from './receipt.repository.ts';
import type { Database } from './schema.ts';
import { moveBalanceTotals } from './ledger-balance-maintain.ts';
import { ownedBy } from './owned-by.ts';

/** The ledger records people create, edit and remove one at a time (the REST path segment). */
export const LEDGER_RECORD_KINDS = ['sources', 'grants', 'accounts', 'receipts', 'expenditures'] as const;
export type LedgerRecordKind = (typeof LEDGER_RECORD_KINDS)[number];

const TABLE = {
  sources: 'foreign_source',
  grants: 'ledger_grant',
  accounts: 'bank_account',
  receipts: 'ledger_receipt',
  expenditures: 'ledger_expenditure',
} as const satisfies Record<LedgerRecordKind, keyof Database>;

/** Each record's version (1 when created, one more per change), by id. */
export async function ledgerRecordVersions(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  organisationId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(TABLE[kind])
    .select(['id', 'version'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

/** The versions of some records of a kind (a page of a list). */
export async function ledgerRecordVersionsOf(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(TABLE[kind])
    .select(['id', 'version'])
    .where(ownedBy(organisationId))
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

export async function ledgerRecordVersion(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  organisationId: string,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom(TABLE[kind])
    .select('version')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/**
 * Moves a record to its next version if it is still at `expected` (one conditional UPDATE, so two
 * concurrent edits from the same version cannot both pass). Call it in the transaction that then
 * changes the record. `stale`: someone changed it since; `not-found`: no such record here.
 */
export async function claimLedgerRecordVersion(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  organisationId: string,
  id: string,
  expected: number,
): Promise<'done' | 'stale' | 'not-found'> {
  const r = await db
    .updateTable(TABLE[kind])
    .set((eb) => ({ version: eb('version', '+', 1n) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', BigInt(expected))
    .executeTakeFirst();
  if (r.numUpdatedRows > 0n) return 'done';
  return (await ledgerRecordVersion(db, kind, organisationId, id)) === undefined ? 'not-found' : 'stale';
}

export async function updateGrant(
  db: Kysely<Database>,
  g: Omit<NewGrant, 'createdAt' | 'illustrative'>,
): Promise<void> {
  await db
    .updateTable('ledger_grant')
    .set({
      source_id: g.sourceId,
      agreement_number: g.agreementNumber,
      agreement_date: g.agreementDate,
      currency: g.currency,
      amount_minor: g.amountMinor,
      period_from: g.periodFrom,
      period_to: g.periodTo,
      activity: g.activity,
      title: g.title,
    })
    .where('id', '=', g.id)
    .where('organisation_id', '=', g.organisationId)
    .execute();
}

export async function updateBankAccount(
  db: Kysely<Database>,
  a: {
    id: string;
    organisationId: string;
    number: string;
    currency: string;
    bankName: string | null;
    bankCode: string | null;
    label: string | null;
  },
): Promise<void> {
  await db
    .updateTable('bank_account')
    .set({
      number: a.number,
      currency: a.currency,
      bank_name: a.bankName,
      bank_code: a.bankCode,
      label: a.label,
    })
    .where('id', '=', a.id)
    .where('organisation_id', '=', a.organisationId)
    .execute();
}

/** Rewrites a receipt's facts (its id, creation time, bank line and demo flag stay). */
export async function updateReceipt(db: Kysely<Database>, r: NewReceipt): Promise<void> {
  const {
    id: _id,
    organisation_id: _o,
    created_at: _c,
    illustrative: _i,
    bank_line: _b,
    ...set
  } = receiptRow(r);
  const rows = { organisationId: r.organisationId, receipts: [r.id] };
  await moveBalanceTotals(db, -1, rows);
  await db
    .updateTable('ledger_receipt')
    .set(set)
    .where('id', '=', r.id)
    .where('organisation_id', '=', r.organisationId)
    .execute();
  await moveBalanceTotals(db, 1, rows);
}

/** Rewrites an expenditure's facts and its allocations (call inside a transaction). */
export async function updateExpenditure(db: Kysely<Database>, e: NewExpenditure): Promise<void> {
  const {
    id: _id,
    organisation_id: _o,
    created_at: _c,
    illustrative: _i,
    bank_line: _b,
    ...set
  } = expenditureRow(e);
  const rows = { organisationId: e.organisationId, expenditures: [e.id] };
  await moveBalanceTotals(db, -1, rows);
  await db
    .updateTable('ledger_expenditure')
    .set(set)
    .where('id', '=', e.id)
    .where('organisation_id', '=', e.organisationId)
    .execute();
  await db.deleteFrom('ledger_allocation').where('expenditure_id', '=', e.id).execute();
  const allocations = allocationRows(e);
  if (allocations.length > 0) await db.insertInto('ledger_allocation').values(allocations).execute();
  await moveBalanceTotals(db, 1, rows);
}

/**
 * Removes a record (call inside a transaction, after `ledgerRecordInUse`). A receipt confirmed
 * from a proposed bank payment gives the payment back to the proposals; an expenditure takes its
 * allocations with it. `false` when there was no such record.
 */
export async function deleteLedgerRecord(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  organisationId: string,
  id: string,
): Promise<boolean> {
  if (kind === 'receipts')
    await db
      .updateTable('foreign_candidate')
      .set({ status: 'proposed', receipt_id: null, decided_by: null, decided_at: null })
      .where('organisation_id', '=', organisationId)
      .where('receipt_id', '=', id)
      .execute();
  if (kind === 'grants')
    await db
      .deleteFrom('ledger_grant_budget_line')
      .where('organisation_id', '=', organisationId)
      .where('grant_id', '=', id)
      .execute();
  if (kind === 'receipts') await moveBalanceTotals(db, -1, { organisationId, receipts: [id] });
  if (kind === 'expenditures') await moveBalanceTotals(db, -1, { organisationId, expenditures: [id] });
  if (kind === 'expenditures')
    await db
      .deleteFrom('ledger_allocation')
      .where('organisation_id', '=', organisationId)
      .where('expenditure_id', '=', id)
      .execute();
  const r = await db
    .deleteFrom(TABLE[kind])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
