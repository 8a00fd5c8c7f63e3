import { domainError, err, journalText, ok, type CalendarDate, type Locale, type Result } from '@civic/core';
import {
  renderBeancountComment,
  renderBeancountOpen,
  renderBeancountTransaction,
  renderCsvRecord,
  renderJournalComment,
  renderJournalTransaction,
  type JournalTransaction,
} from '@civic/formats';
import {
  listBankAccounts,
  listForeignSources,
  listGrants,
  streamJournalBankLines,
  streamJournalEntries,
  type JournalEntry,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { csvBankRow, csvHeader, csvRows } from './journal-csv.ts';
import {
  bankLineTransaction,
  expenditureTransaction,
  receiptTransaction,
  type JournalNames,
  type JournalScope,
} from './journal-transactions.ts';

export const JOURNAL_FORMATS = ['ledger', 'hledger', 'beancount', 'csv'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];
export const JOURNAL_SCOPES = ['funding', 'all'] as const satisfies readonly JournalScope[];

export interface ExportLedgerJournalInput {
  readonly org: string;
  readonly format: string;
  /** `funding` (default): receipts, expenditures and allocations; `all`: every bank line too. */
  readonly scope?: string | undefined;
  /**
   * The language of the human text: the CSV header and row types, the journals' heading and notes
   * (English by default). Account names, metadata keys and amounts stay ASCII for the tools.
   */
  readonly lang?: Locale | undefined;
  /** Receives the text in chunks, in order. */
  readonly write: (chunk: string) => void | Promise<void>;
}

async function journalNames(ctx: AppContext, org: string): Promise<JournalNames> {
  const sources = await listForeignSources(ctx.store.db, org);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const grants = await listGrants(ctx.store.db, org);
  return {
    source: new Map(sources.map((s) => [s.id, { name: s.name, category: s.category }])),
    grant: new Map(
      grants.map((g) => [
        g.id,
        { agreement: g.agreementNumber, source: g.sourceId ? (sourceName.get(g.sourceId) ?? null) : null },
      ]),
    ),
    budgetLine: new Map(grants.flatMap((g) => (g.budgetLines ?? []).map((l) => [l.id, l.name] as const))),
    account: new Map((await listBankAccounts(ctx.store.db, org)).map((a) => [a.id, a.number])),
  };
}

function header(format: JournalFormat, scope: JournalScope, lang: Locale): string {
  if (format === 'csv') return renderCsvRecord(csvHeader(lang));
  const lines = [
    journalText(lang, scope === 'all' ? 'headingAll' : 'headingFunding'),
    journalText(lang, 'accountsFunding'),
    journalText(lang, 'accountsExpenses'),
    ...(scope === 'all' ? [journalText(lang, 'accountsBank'), journalText(lang, 'accountsBankAgainst')] : []),
  ];
  return format === 'beancount'
    ? `${renderBeancountComment(lines)}option "title" "CivicLedger"\n\n`
    : renderJournalComment(lines);
}

/**
 * Exports the organisation's books as a ledger-cli, hledger or beancount journal (so users can
 * check our balances with tools they trust) or as CSV. `scope: all` adds every bank line as a
 * transaction between the bank account and its counterparty. Streams in constant memory (beancount's
 * `open` directives, one per account used, come last).
 */
export async function exportLedgerJournal(
  ctx: AppContext,
  input: ExportLedgerJournalInput,
): Promise<Result<{ format: JournalFormat; scope: JournalScope; entries: number }>> {
  const format = JOURNAL_FORMATS.find((f) => f === input.format);
  if (!format)
    return err(
      domainError(
        'LEDGER_EXPORT_FORMAT_INVALID',
        `--format must be one of ${JOURNAL_FORMATS.join(', ')}, not "${input.format}"`,
        { field: 'format' },
      ),
    );
  const scope = JOURNAL_SCOPES.find((s) => s === (input.scope ?? 'funding'));
  if (!scope)
    return err(
      domainError(
        'LEDGER_EXPORT_SCOPE_INVALID',
        `--scope must be one of ${JOURNAL_SCOPES.join(', ')}, not "${input.scope ?? ''}"`,
        { field: 'scope' },
      ),
    );
  const names = await journalNames(ctx, input.org);
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
  const opened = new Set<string>();
  let first: CalendarDate | null = null;
  const render = (t: JournalTransaction): string => {
    if (format !== 'beancount') return renderJournalTransaction(t);
    if (first === null || t.date < first) first = t.date;
    return renderBeancountTransaction(t, (a) => opened.add(a));
  };
  const comment = (lines: string[]) =>
    format === 'beancount' ? renderBeancountComment(lines) : renderJournalComment(lines);
  const lang = input.lang ?? 'en';
  await emit(header(format, scope, lang));
  let entries = 0;
  for await (const entry of streamJournalEntries(ctx.store.db, input.org)) {
    entries += 1;
    if (format === 'csv') {
      await emit(csvRows(entry, names, lang));
      continue;
    }
    await emit(funding(entry, names, scope, render, comment, lang));
  }
  if (scope === 'all')
    for await (const line of streamJournalBankLines(ctx.store.db, input.org)) {
      entries += 1;
      await emit(format === 'csv' ? csvBankRow(line, names, lang) : render(bankLineTransaction(line, names)));
    }
  if (format === 'beancount' && opened.size > 0)
    await emit(renderBeancountOpen(opened, first ?? ('1970-01-01' as CalendarDate)));
  if (buffer.length > 0) await input.write(buffer.join(''));
  return ok({ format, scope, entries });
}

function funding(
  entry: JournalEntry,
  names: JournalNames,
  scope: JournalScope,
  render: (t: JournalTransaction) => string,
  comment: (lines: string[]) => string,
  lang: Locale,
): string {
  if (entry.kind === 'expenditure') return render(expenditureTransaction(entry, names, scope));
  const t = receiptTransaction(entry.row, names, scope);
  if (t) return render(t);
  const source = names.source.get(entry.row.source_id)?.name ?? entry.row.source_id;
  return comment([
    journalText(lang, 'propertyUnvalued', { date: entry.row.received_on, source, id: entry.row.id }),
  ]);
}
