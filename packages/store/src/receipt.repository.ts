import type {
  AccountId,
  BankLineId,
  CalendarDate,
  CurrencyCode,
  GrantId,
  KztEquivalent,
  Receipt,
  ReceiptContent,
  ReceiptId,
  SourceId,
} from '@civic/core';
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert } from './bulk-insert.ts';
import { kztFromColumns, kztToColumns } from './kzt-columns.ts';
import type { LedgerReceiptTable } from './ledger.tables.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import { rawStatement } from './sqlite-statement-cache.ts';
import type { Database } from './schema.ts';
import { idsByOrganisation, moveBalanceTotals } from './ledger-balance-maintain.ts';
import { ownedBy } from './owned-by.ts';

export interface NewReceipt {
  readonly id: string;
  readonly organisationId: string;
  readonly sourceId: string;
  readonly grantId: string | null;
  readonly accountId: string | null;
  readonly bankLine: string | null;
  readonly receivedOn: string;
  readonly content: ReceiptContent;
  readonly kzt: KztEquivalent;
  readonly description: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
}

function contentColumns(c: ReceiptContent) {
  if (c.kind === 'money')
    return {
      kind: 'money',
      currency: c.amount.currency,
      amount_minor: c.amount.minor,
      property_description: null,
      valuation_method: null,
      valued_on: null,
    };
  return {
    kind: 'property',
    currency: c.valuation?.amount.currency ?? null,
    amount_minor: c.valuation?.amount.minor ?? null,
    property_description: c.description,
    valuation_method: c.valuation?.method ?? null,
    valued_on: c.valuation?.valuedOn ?? null,
  };
}

export function receiptRow(r: NewReceipt) {
  return {
    id: r.id,
    organisation_id: r.organisationId,
    source_id: r.sourceId,
    grant_id: r.grantId,
    account_id: r.accountId,
    bank_line: r.bankLine,
    received_on: r.receivedOn,
    ...contentColumns(r.content),
    ...kztToColumns(r.kzt),
    description: r.description,
    illustrative: r.illustrative ? (1 as const) : (0 as const),
    created_at: r.createdAt,
  };
}

export async function insertReceipt(db: Kysely<Database>, r: NewReceipt): Promise<void> {
  await db.insertInto('ledger_receipt').values(receiptRow(r)).execute();
  await moveBalanceTotals(db, 1, { organisationId: r.organisationId, receipts: [r.id] });
}

/** Inserts many receipts through the bulk path (inside the caller's transaction). */
export async function insertReceipts(
  db: Kysely<Database>,
  receipts: readonly NewReceipt[],
  onChunk?: (done: number, total: number) => void,
): Promise<void> {
  const first = receipts[0];
  if (!first) return;
  const columns = Object.keys(receiptRow(first));
  const rows = receipts.map((r) => Object.values(receiptRow(r)));
  await bulkInsert(db, 'ledger_receipt', columns, rows, onChunk ? { onChunk } : {});
  for (const [organisationId, ids] of idsByOrganisation(receipts))
    await moveBalanceTotals(db, 1, { organisationId, receipts: ids });
}

/** The columns a Receipt is read from, in the order a raw SQLite row holds them. */
const RECEIPT_COLUMNS = [
  'id',
  'organisation_id',
  'source_id',
  'grant_id',
  'account_id',
  'bank_line',
  'received_on',
  'kind',
  'currency',
  'amount_minor',
  'property_description',
  'valuation_method',
  'valued_on',
  'kzt_minor',
  'rate_status',
  'rate_date',
  'rate_text',
  'rate_units',
  'rate_source',
  'description',
  'illustrative',
] as const;
type ReceiptColumns = Pick<Selectable<LedgerReceiptTable>, (typeof RECEIPT_COLUMNS)[number]>;

/** A raw SQLite row (values in RECEIPT_COLUMNS order) as the columns' object, of one fixed shape. */
const fromRaw = (a: readonly unknown[]): ReceiptColumns =>
  ({
    id: a[0],
    organisation_id: a[1],
    source_id: a[2],
    grant_id: a[3],
    account_id: a[4],
    bank_line: a[5],
    received_on: a[6],
    kind: a[7],
    currency: a[8],
    amount_minor: a[9],
    property_description: a[10],
    valuation_method: a[11],
    valued_on: a[12],
    kzt_minor: a[13],
    rate_status: a[14],
    rate_date: a[15],
    rate_text: a[16],
    rate_units: a[17],
    rate_source: a[18],
    description: a[19],
    illustrative: a[20],
  }) as ReceiptColumns;

function toContent(r: ReceiptColumns): ReceiptContent {
  if (r.kind === 'money') {
    if (r.amount_minor === null || r.currency === null)
      throw new Error(`receipt ${r.id}: money without an amount`);
    return { kind: 'money', amount: { minor: r.amount_minor, currency: r.currency as CurrencyCode } };
  }
  const valuation =
    r.amount_minor !== null && r.currency !== null
      ? {
          amount: { minor: r.amount_minor, currency: r.currency as CurrencyCode },
          method: r.valuation_method ?? '',
          valuedOn: (r.valued_on ?? r.received_on) as CalendarDate,
        }
      : null;
  return { kind: 'property', description: r.property_description ?? '', valuation };
}

function toReceipt(r: ReceiptColumns): Receipt {
  return {
    id: r.id as ReceiptId,
    organisationId: r.organisation_id,
    sourceId: r.source_id as SourceId,
    grantId: r.grant_id as GrantId | null,
    accountId: r.account_id as AccountId | null,
    bankLineId: r.bank_line as BankLineId | null,
    receivedOn: r.received_on as CalendarDate,
    content: toContent(r),
    kzt: kztFromColumns(r),
    description: r.description,
    illustrative: r.illustrative === 1n,
  };
}

export interface ReceiptFilter {
  /** Inclusive bounds on the day received. */
  readonly from?: string;
  readonly to?: string;
  readonly sourceId?: string;
  readonly grantId?: string;
  /** Only these receipts (a few: one parameter each). */
  readonly ids?: readonly string[];
  /**
   * Oldest first (default), newest first, or `none`: as the database finds them, for a caller that
   * sorts them itself. A period's tens of thousands of receipts then need no sort on PostgreSQL,
   * whose planner otherwise sorts them from a bitmap scan (spilling to disk past work_mem).
   */
  readonly order?: 'asc' | 'desc' | 'none';
  /** A page: at most `limit` receipts after skipping `offset` (in the same order; not with `none`). */
  readonly limit?: number;
  readonly offset?: number;
}

/** The query of listReceipts: the organisation's receipts in the filter, in its order, a page of them. */
function receiptQuery(db: Kysely<Database>, organisationId: string, filter: ReceiptFilter) {
  // Named by id: the primary key finds them (ownedBy), else the organisation's indexes serve.
  const base = db.selectFrom('ledger_receipt').select(RECEIPT_COLUMNS);
  let q = filter.ids
    ? base.where(ownedBy(organisationId))
    : base.where('organisation_id', '=', organisationId);
  if (filter.from) q = q.where('received_on', '>=', filter.from);
  if (filter.to) q = q.where('received_on', '<=', filter.to);
  if (filter.sourceId) q = q.where('source_id', '=', filter.sourceId);
  if (filter.grantId) q = q.where('grant_id', '=', filter.grantId);
  if (filter.ids) q = q.where('id', 'in', [...filter.ids]);
  const order = filter.order ?? 'asc';
  if (order !== 'none') q = q.orderBy('received_on', order).orderBy('id', order);
  if (filter.limit !== undefined) {
    if (order === 'none') throw new Error('listReceipts: a page needs an order');
    q = q.limit(filter.limit).offset(filter.offset ?? 0);
  }
  return q;
}

/** Receipts of an organisation, oldest (or newest) first, optionally within dates / for a source or grant, optionally a page of them. */
export async function listReceipts(
  db: Kysely<Database>,
  organisationId: string,
  filter: ReceiptFilter = {},
): Promise<Receipt[]> {
  if (filter.ids?.length === 0) return [];
  const q = receiptQuery(db, organisationId, filter);
  // On SQLite the rows come as arrays (a period's report reads tens of thousands: better-sqlite3
  // builds a row object through its native API at three times the cost of a plain literal).
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const c = q.compile();
    const rows = rawStatement(sqlite, c.sql).all(...c.parameters) as unknown[][];
    return rows.map((a) => toReceipt(fromRaw(a)));
  }
  const rows = await q.execute();
  return rows.map(toReceipt);
}

/**
 * listReceipts with each receipt's version (its optimistic-concurrency counter), read by the same
 * query: a page of the list asks the database once instead of twice (issue 17).
 */
export async function listVersionedReceipts(
  db: Kysely<Database>,
  organisationId: string,
  filter: ReceiptFilter = {},
): Promise<{ readonly receipt: Receipt; readonly version: number }[]> {
  if (filter.ids?.length === 0) return [];
  const q = receiptQuery(db, organisationId, filter).select('version');
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const c = q.compile();
    const rows = rawStatement(sqlite, c.sql).all(...c.parameters) as unknown[][];
    const at = RECEIPT_COLUMNS.length;
    return rows.map((a) => ({ receipt: toReceipt(fromRaw(a)), version: Number(a[at]) }));
  }
  const rows = await q.execute();
  return rows.map((r) => ({ receipt: toReceipt(r), version: Number(r.version) }));
}

export async function getReceipt(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<Receipt | undefined> {
  const r = await db
    .selectFrom('ledger_receipt')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toReceipt(r) : undefined;
}

/** Receipts whose KZT equivalent is not yet at the official rate of their date (to recompute after a rates import). */
export async function listReceiptsNotOfficial(db: Kysely<Database>): Promise<Receipt[]> {
  const rows = await db
    .selectFrom('ledger_receipt')
    .selectAll()
    .where('rate_status', '!=', 'official')
    .execute();
  return rows.map(toReceipt);
}

export async function updateReceiptKzt(db: Kysely<Database>, id: string, kzt: KztEquivalent): Promise<void> {
  const row = await db
    .selectFrom('ledger_receipt')
    .select('organisation_id')
    .where('id', '=', id)
    .executeTakeFirst();
  const rows = { organisationId: row?.organisation_id ?? '', receipts: [id] };
  await moveBalanceTotals(db, -1, rows);
  await db.updateTable('ledger_receipt').set(kztToColumns(kzt)).where('id', '=', id).execute();
  await moveBalanceTotals(db, 1, rows);
}

export async function countReceipts(db: Kysely<Database>, organisationId: string): Promise<number> {
  const r = await db
    .selectFrom('ledger_receipt')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
