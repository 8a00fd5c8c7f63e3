import type { Kysely } from 'kysely';
import type { LedgerRecordKind } from './ledger-record.repository.ts';
import type { Database } from './schema.ts';

/**
 * Why a ledger record may not be removed: `filed` when a submitted filing rests on it (a filing is
 * immutable; the correction path is a new filing), `referenced` when other records point to it
 * (a source's grants and receipts, a grant's receipts and allocations, an account's movements).
 */
export type LedgerRecordUse = 'filed' | 'referenced' | null;

interface Dated {
  readonly id: string;
  readonly date: string;
}

/** The receipts and expenditures a record stands behind (itself, or those that name it). */
async function movementsOf(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  org: string,
  id: string,
): Promise<{ receipts: Dated[]; expenditures: Dated[] }> {
  const receipts = db
    .selectFrom('ledger_receipt')
    .select(['id', 'received_on as date'])
    .where('organisation_id', '=', org);
  const expenditures = db
    .selectFrom('ledger_expenditure')
    .select(['id', 'spent_on as date'])
    .where('organisation_id', '=', org);
  switch (kind) {
    case 'receipts':
      return { receipts: await receipts.where('id', '=', id).execute(), expenditures: [] };
    case 'expenditures':
      return { receipts: [], expenditures: await expenditures.where('id', '=', id).execute() };
    case 'sources':
      return { receipts: await receipts.where('source_id', '=', id).execute(), expenditures: [] };
    case 'accounts':
      return {
        receipts: await receipts.where('account_id', '=', id).execute(),
        expenditures: await expenditures.where('account_id', '=', id).execute(),
      };
    case 'grants':
      return {
        receipts: await receipts.where('grant_id', '=', id).execute(),
        expenditures: await expenditures
          .where('id', 'in', (eb) =>
            eb.selectFrom('ledger_allocation').select('expenditure_id').where('grant_id', '=', id),
          )
          .execute(),
      };
  }
}

/** Whether anything else in the ledger points to the record. */
async function isReferenced(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  org: string,
  id: string,
  movements: { receipts: Dated[]; expenditures: Dated[] },
): Promise<boolean> {
  if (kind === 'receipts' || kind === 'expenditures') return false;
  if (movements.receipts.length > 0 || movements.expenditures.length > 0) return true;
  if (kind === 'sources') {
    const grant = await db
      .selectFrom('ledger_grant')
      .select('id')
      .where('organisation_id', '=', org)
      .where('source_id', '=', id)
      .executeTakeFirst();
    return grant !== undefined;
  }
  if (kind === 'accounts') {
    const line = await db
      .selectFrom('bank_line')
      .select('fingerprint')
      .where('organisation_id', '=', org)
      .where('account_id', '=', id)
      .executeTakeFirst();
    return line !== undefined;
  }
  return false;
}

/**
 * Whether a record may be removed (see LedgerRecordUse). A submitted filing rests on a receipt it
 * lists; a periodic report (a filing that lists no receipts) rests on every receipt and expenditure
 * of its period; a source, grant or account on the receipts and expenditures that name it.
 */
export async function ledgerRecordUse(
  db: Kysely<Database>,
  kind: LedgerRecordKind,
  org: string,
  id: string,
): Promise<LedgerRecordUse> {
  const movements = await movementsOf(db, kind, org, id);
  if (movements.receipts.length > 0 || movements.expenditures.length > 0) {
    const filings = await db
      .selectFrom('filing')
      .innerJoin('submission', 'submission.filing_id', 'filing.id')
      .select(['filing.receipt_ids', 'filing.period_from', 'filing.period_to'])
      .where('filing.organisation_id', '=', org)
      .execute();
    for (const f of filings) {
      const listed = JSON.parse(f.receipt_ids) as string[];
      const inPeriod = (m: Dated) => m.date >= f.period_from && m.date <= f.period_to;
      if (listed.length > 0 ? movements.receipts.some((r) => listed.includes(r.id)) : false) return 'filed';
      if (listed.length === 0 && [...movements.receipts, ...movements.expenditures].some(inPeriod))
        return 'filed';
    }
  }
  return (await isReferenced(db, kind, org, id, movements)) ? 'referenced' : null;
}
