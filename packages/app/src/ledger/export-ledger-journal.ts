import {
  domainError,
  err,
  formatMinor,
  ok,
  type CalendarDate,
  type CurrencyCode,
  type Result,
} from '@civic/core';
import {
  renderCsvRecord,
  renderJournalComment,
  renderJournalTransaction,
  type JournalTransaction,
} from '@civic/formats';
import {
  listBankAccounts,
  listForeignSources,
  listGrants,
  streamJournalEntries,
  type JournalEntry,
} from '@civic/store';
import type { AppContext } from '../context.ts';

export const JOURNAL_FORMATS = ['ledger', 'csv'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

export interface ExportLedgerJournalInput {
  readonly org: string;
  readonly format: string;
  /** Receives the text in chunks, in order. */
  readonly write: (chunk: string) => void | Promise<void>;
}

interface Names {
  readonly source: ReadonlyMap<string, { name: string; category: string | null }>;
  readonly grant: ReadonlyMap<string, string>;
  readonly account: ReadonlyMap<string, string>;
}

const CSV_HEADER = [
  'date',
  'type',
  'id',
  'source',
  'category',
  'grant',
  'account',
  'amount',
  'currency',
  'kzt',
  'rate_status',
  'rate_date',
  'rate',
  'rate_units',
  'rate_source',
  'description',
];
const KZT = 'KZT' as CurrencyCode;
const NO_GRANT = 'No grant';

function kztTag(row: JournalEntry['row']): string {
  if (row.kzt_minor === null)
    return `missing (${row.rate_status === 'missing' ? 'no official rate or valuation' : row.rate_status})`;
  const rate = row.rate_text
    ? `, rate ${row.rate_text} per ${String(row.rate_units ?? 1n)} ${row.currency ?? ''} of ${row.rate_date ?? ''} (${row.rate_source ?? ''})`
    : '';
  return `${formatMinor(row.kzt_minor, KZT)} KZT ${row.rate_status}${rate}`;
}

function receiptTransaction(
  row: Extract<JournalEntry, { kind: 'receipt' }>['row'],
  names: Names,
): JournalTransaction | string {
  const source = names.source.get(row.source_id)?.name ?? row.source_id;
  const grant = row.grant_id ? (names.grant.get(row.grant_id) ?? row.grant_id) : NO_GRANT;
  const what = row.kind === 'property' ? `property in kind: ${row.property_description ?? ''}` : 'receipt';
  if (row.amount_minor === null || row.currency === null) {
    return renderJournalComment([
      `${row.received_on} ${source}: ${what} without a valuation (receipt ${row.id}); nothing to post`,
    ]);
  }
  const currency = row.currency as CurrencyCode;
  return {
    date: row.received_on as CalendarDate,
    payee: source,
    note: `${what}${row.description ? `: ${row.description}` : ''}`,
    tags: [
      ['receipt', row.id],
      ['kzt', kztTag(row)],
      ...(row.illustrative === 1n ? [['illustrative', 'yes'] as const] : []),
    ],
    postings: [
      { account: ['Assets', 'Grants', grant], amount: row.amount_minor, currency },
      { account: ['Income', 'Foreign sources', source], amount: -row.amount_minor, currency },
    ],
  };
}

function expenditureTransaction(
  e: Extract<JournalEntry, { kind: 'expenditure' }>,
  names: Names,
): JournalTransaction {
  const row = e.row;
  const currency = row.currency as CurrencyCode;
  return {
    date: row.spent_on as CalendarDate,
    payee: row.counterparty ?? row.description ?? 'Expenditure',
    note: row.counterparty ? row.description : null,
    tags: [
      ['expenditure', row.id],
      ['kzt', kztTag(row)],
      ...(row.illustrative === 1n ? [['illustrative', 'yes'] as const] : []),
    ],
    postings: e.allocations.flatMap((a) => {
      const grant = names.grant.get(a.grantId) ?? a.grantId;
      return [
        { account: ['Expenses', grant], amount: a.amountMinor, currency },
        { account: ['Assets', 'Grants', grant], amount: -a.amountMinor, currency },
      ];
    }),
  };
}

function csvRows(entry: JournalEntry, names: Names): string {
  const r = entry.row;
  const rate = [
    r.kzt_minor === null ? null : formatMinor(r.kzt_minor, KZT),
    r.rate_status,
    r.rate_date,
    r.rate_text,
    r.rate_units === null ? null : String(r.rate_units),
    r.rate_source,
  ];
  const account = r.account_id ? (names.account.get(r.account_id) ?? r.account_id) : null;
  if (entry.kind === 'receipt') {
    const row = entry.row;
    const source = names.source.get(row.source_id);
    const amount =
      row.amount_minor === null || row.currency === null
        ? null
        : formatMinor(row.amount_minor, row.currency as CurrencyCode);
    const grant = row.grant_id ? (names.grant.get(row.grant_id) ?? row.grant_id) : null;
    const description =
      row.kind === 'property'
        ? `property in kind: ${row.property_description ?? ''}${row.description ? `; ${row.description}` : ''}`
        : row.description;
    return renderCsvRecord([
      row.received_on,
      'receipt',
      row.id,
      source?.name ?? row.source_id,
      source?.category ?? null,
      grant,
      account,
      amount,
      row.currency,
      ...rate,
      description,
    ]);
  }
  const row = entry.row;
  // One row per allocation, so that summing the CSV by grant gives the balance by grant.
  return entry.allocations
    .map((a, i) => {
      const share = [a.kztMinor === null ? null : formatMinor(a.kztMinor, KZT), ...rate.slice(1)];
      const id = entry.allocations.length > 1 ? `${row.id}#${String(i + 1)}` : row.id;
      return renderCsvRecord([
        row.spent_on,
        'expenditure',
        id,
        null,
        null,
        names.grant.get(a.grantId) ?? a.grantId,
        account,
        formatMinor(-a.amountMinor, row.currency as CurrencyCode),
        row.currency,
        ...share,
        row.description,
      ]);
    })
    .join('');
}

/**
 * Exports the organisation's receipts and expenditures as a ledger-cli/hledger journal (so users
 * can check our balances with tools they trust: `ledger -f FILE bal Assets:Grants` is the balance
 * by grant, `Income:Foreign sources` the receipts by source) or as CSV (one row per receipt and per
 * expenditure allocation, spent amounts negative). Streams in constant memory.
 */
export async function exportLedgerJournal(
  ctx: AppContext,
  input: ExportLedgerJournalInput,
): Promise<Result<{ format: JournalFormat; entries: number }>> {
  const format = JOURNAL_FORMATS.find((f) => f === input.format);
  if (!format)
    return err(
      domainError('LEDGER_EXPORT_FORMAT_INVALID', `--format must be ledger or csv, not "${input.format}"`, {
        field: 'format',
      }),
    );
  const names: Names = {
    source: new Map(
      (await listForeignSources(ctx.store.db, input.org)).map((s) => [
        s.id,
        { name: s.name, category: s.category },
      ]),
    ),
    grant: new Map((await listGrants(ctx.store.db, input.org)).map((g) => [g.id, g.agreementNumber])),
    account: new Map((await listBankAccounts(ctx.store.db, input.org)).map((a) => [a.id, a.number])),
  };
  let buffer: string[] = [];
  let size = 0;
  const emit = async (text: string) => {
    buffer.push(text);
    size += text.length;
    if (size > 1 << 18) {
      await input.write(buffer.join(''));
      buffer = [];
      size = 0;
    }
  };
  if (format === 'csv') await emit(renderCsvRecord(CSV_HEADER));
  else
    await emit(
      `; CivicLedger journal: receipts and expenditures of foreign funding, amounts in their own currency.\n; Assets:Grants:<agreement> = received - spent per grant; KZT equivalents in the kzt tag.\n\n`,
    );
  let entries = 0;
  for await (const entry of streamJournalEntries(ctx.store.db, input.org)) {
    entries += 1;
    if (format === 'csv') {
      await emit(csvRows(entry, names));
      continue;
    }
    const t =
      entry.kind === 'receipt' ? receiptTransaction(entry.row, names) : expenditureTransaction(entry, names);
    await emit(typeof t === 'string' ? t : renderJournalTransaction(t));
  }
  if (buffer.length > 0) await input.write(buffer.join(''));
  return ok({ format, entries });
}
