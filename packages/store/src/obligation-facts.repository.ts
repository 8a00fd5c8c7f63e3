import type { CalendarDate, CurrencyCode, ObligationReceipt, ReceiptContent } from '@civic/core';
import type { Kysely } from 'kysely';
import { sqliteHandle } from './raw-sqlite.ts';
import { rawStatement } from './sqlite-statement-cache.ts';
import type { Database } from './schema.ts';

// The few columns obligations are derived from, read lean: a million receipts as small objects
// rather than full ledger records (on SQLite straight from a prepared statement, row by row as
// arrays), so deriving obligations for a large ledger does not drown in allocation.

type Row = readonly [
  id: string,
  sourceId: string,
  receivedOn: string,
  kind: string,
  currency: string | null,
  amountMinor: bigint | null,
  kztMinor: bigint | null,
];

const RECEIPTS_SQL =
  'SELECT id, source_id, received_on, kind, currency, amount_minor, kzt_minor FROM ledger_receipt WHERE organisation_id = ? ORDER BY received_on, id';
const RANGE_SQL =
  'SELECT id, source_id, received_on, kind, currency, amount_minor, kzt_minor FROM ledger_receipt WHERE organisation_id = ? AND received_on >= ? AND received_on <= ? ORDER BY received_on, id';

/** Days [from, to] (both included): the range query of the date index, for one period's records. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

function toObligationReceipt([
  id,
  sourceId,
  receivedOn,
  kind,
  currency,
  amountMinor,
  kztMinor,
]: Row): ObligationReceipt {
  const amount =
    amountMinor !== null && currency !== null
      ? { minor: BigInt(amountMinor), currency: currency as CurrencyCode }
      : null;
  let content: ReceiptContent;
  if (kind === 'money') {
    if (!amount) throw new Error(`receipt ${id}: money without an amount`);
    content = { kind: 'money', amount };
  } else
    content = {
      kind: 'property',
      description: '',
      valuation: amount ? { amount, method: '', valuedOn: receivedOn as CalendarDate } : null,
    };
  return {
    id,
    sourceId,
    receivedOn: receivedOn as CalendarDate,
    content,
    kzt: { kzt: kztMinor === null ? null : BigInt(kztMinor) },
  };
}

/**
 * Every receipt of an organisation as obligations see it (day, source, amount, KZT equivalent),
 * oldest first; only those received in `range` when given.
 */
export async function listObligationReceipts(
  db: Kysely<Database>,
  organisationId: string,
  range?: DayRange,
): Promise<ObligationReceipt[]> {
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const out: ObligationReceipt[] = [];
    const rows = range
      ? rawStatement(sqlite, RANGE_SQL).iterate(organisationId, range.from, range.to)
      : rawStatement(sqlite, RECEIPTS_SQL).iterate(organisationId);
    for (const row of rows) out.push(toObligationReceipt(row as unknown as Row));
    return out;
  }
  let query = db
    .selectFrom('ledger_receipt')
    .select(['id', 'source_id', 'received_on', 'kind', 'currency', 'amount_minor', 'kzt_minor'])
    .where('organisation_id', '=', organisationId);
  if (range) query = query.where('received_on', '>=', range.from).where('received_on', '<=', range.to);
  const rows = await query.orderBy('received_on').orderBy('id').execute();
  return rows.map((r) =>
    toObligationReceipt([r.id, r.source_id, r.received_on, r.kind, r.currency, r.amount_minor, r.kzt_minor]),
  );
}

/** The days an organisation spent money on (with repeats), oldest first; only in `range` when given. */
export async function listExpenditureDays(
  db: Kysely<Database>,
  organisationId: string,
  range?: DayRange,
): Promise<CalendarDate[]> {
  let query = db
    .selectFrom('ledger_expenditure')
    .select('spent_on')
    .where('organisation_id', '=', organisationId);
  if (range) query = query.where('spent_on', '>=', range.from).where('spent_on', '<=', range.to);
  const rows = await query.orderBy('spent_on').execute();
  return rows.map((r) => r.spent_on as CalendarDate);
}
