import type { Kysely, Selectable } from 'kysely';
import type { BankLineTable, LedgerExpenditureTable, LedgerReceiptTable } from './ledger.tables.ts';
import type { Database } from './schema.ts';
import { raiseBulkReadCache } from './raw-sqlite.ts';

/** One ledger entry in date order, as the journal export reads it (ids, not names). */
export type JournalEntry =
  | { readonly kind: 'receipt'; readonly row: Selectable<LedgerReceiptTable> }
  | {
      readonly kind: 'expenditure';
      readonly row: Selectable<LedgerExpenditureTable>;
      readonly allocations: readonly JournalAllocation[];
    };

/** An expenditure's share of one grant, with the line of the grant's budget it is spent under. */
export interface JournalAllocation {
  readonly grantId: string;
  readonly amountMinor: bigint;
  readonly kztMinor: bigint | null;
  readonly budgetLineId: string | null;
}

// Keyset pages over (date, id), which an index covers: each page is a range read, not a sort.
const PAGE = 5000;

async function* receiptPages(
  db: Kysely<Database>,
  org: string,
): AsyncGenerator<Selectable<LedgerReceiptTable>> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    let q = db.selectFrom('ledger_receipt').selectAll().where('organisation_id', '=', org);
    if (after) {
      const a: { date: string; id: string } = after;
      q = q.where((eb) => eb(eb.refTuple('received_on', 'id'), '>', eb.tuple(a.date, a.id)));
    }
    const rows = await q.orderBy('received_on').orderBy('id').limit(PAGE).execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { date: last.received_on, id: last.id };
  }
}

async function* expenditurePages(
  db: Kysely<Database>,
  org: string,
): AsyncGenerator<Extract<JournalEntry, { kind: 'expenditure' }>> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    let q = db.selectFrom('ledger_expenditure').selectAll().where('organisation_id', '=', org);
    if (after) {
      const a: { date: string; id: string } = after;
      q = q.where((eb) => eb(eb.refTuple('spent_on', 'id'), '>', eb.tuple(a.date, a.id)));
    }
    const rows = await q.orderBy('spent_on').orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) return;
    const allocs = await db
      .selectFrom('ledger_allocation')
      .select(['expenditure_id', 'grant_id', 'amount_minor', 'kzt_minor', 'budget_line_id'])
      .where(
        'expenditure_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('expenditure_id')
      .orderBy('grant_id')
      .execute();
    const byId = new Map<string, JournalAllocation[]>();
    for (const a of allocs) {
      const list = byId.get(a.expenditure_id) ?? [];
      list.push({
        grantId: a.grant_id,
        amountMinor: a.amount_minor,
        kztMinor: a.kzt_minor,
        budgetLineId: a.budget_line_id,
      });
      byId.set(a.expenditure_id, list);
    }
    for (const r of rows) yield { kind: 'expenditure', row: r, allocations: byId.get(r.id) ?? [] };
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { date: last.spent_on, id: last.id };
  }
}

/**
 * Every receipt and expenditure of an organisation, merged in date order (receipts first on a
 * day), read page by page so a journal of millions of entries streams in constant memory (an
 * encrypted file's page cache raised meanwhile: raiseBulkReadCache).
 */
export async function* streamJournalEntries(
  db: Kysely<Database>,
  organisationId: string,
): AsyncGenerator<JournalEntry> {
  const restoreCache = raiseBulkReadCache(db);
  try {
    const receipts = receiptPages(db, organisationId);
    const expenditures = expenditurePages(db, organisationId);
    let r = await receipts.next();
    let e = await expenditures.next();
    while (!r.done || !e.done) {
      if (!r.done && (e.done || r.value.received_on <= e.value.row.spent_on)) {
        yield { kind: 'receipt', row: r.value };
        r = await receipts.next();
      } else if (!e.done) {
        yield e.value;
        e = await expenditures.next();
      }
    }
  } finally {
    restoreCache();
  }
}

/** One bank line for the whole-books journal, with the receipt or expenditure confirmed from it. */
export interface JournalBankLine {
  readonly row: Selectable<BankLineTable>;
  /** The source of the receipt confirmed from this line, if any. */
  readonly sourceId: string | null;
  /** The grants of the expenditure confirmed from this line, if any. */
  readonly grantIds: readonly string[];
}

/**
 * Every bank line of an organisation, page by page in key order (journal tools order by date
 * themselves), each with what was confirmed from it: constant memory at millions of lines.
 */
export async function* streamJournalBankLines(
  db: Kysely<Database>,
  organisationId: string,
): AsyncGenerator<JournalBankLine> {
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom('bank_line').selectAll().where('organisation_id', '=', organisationId);
    if (after !== null) q = q.where('fingerprint', '>', after);
    const rows = await q.orderBy('fingerprint').limit(PAGE).execute();
    if (rows.length === 0) return;
    const keys = rows.map((r) => r.fingerprint);
    const receipts = await db
      .selectFrom('ledger_receipt')
      .select(['bank_line', 'source_id'])
      .where('organisation_id', '=', organisationId)
      .where('bank_line', 'in', keys)
      .execute();
    const expenditures = await db
      .selectFrom('ledger_expenditure as e')
      .innerJoin('ledger_allocation as a', 'a.expenditure_id', 'e.id')
      .select(['e.bank_line', 'a.grant_id'])
      .where('e.organisation_id', '=', organisationId)
      .where('e.bank_line', 'in', keys)
      .orderBy('a.grant_id')
      .execute();
    const sourceOf = new Map(receipts.map((r) => [r.bank_line ?? '', r.source_id]));
    const grantsOf = new Map<string, string[]>();
    for (const e of expenditures) {
      const list = grantsOf.get(e.bank_line ?? '') ?? [];
      list.push(e.grant_id);
      grantsOf.set(e.bank_line ?? '', list);
    }
    for (const row of rows)
      yield {
        row,
        sourceId: sourceOf.get(row.fingerprint) ?? null,
        grantIds: grantsOf.get(row.fingerprint) ?? [],
      };
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]?.fingerprint ?? null;
  }
}
