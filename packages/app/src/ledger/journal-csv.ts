import {
  formatMinor,
  JOURNAL_CSV_COLUMN_LABELS,
  JOURNAL_CSV_COLUMNS,
  JOURNAL_ROW_TYPE_LABELS,
  journalText,
  labelOf,
  type CurrencyCode,
  type Locale,
} from '@civic/core';
import { renderCsvRecord } from '@civic/formats';
import type { JournalBankLine, JournalEntry } from '@civic/store';
import type { JournalNames } from './journal-transactions.ts';

/** The CSV header in the language (English: the column codes). */
export function csvHeader(lang: Locale): string[] {
  return JOURNAL_CSV_COLUMNS.map((c) => labelOf(JOURNAL_CSV_COLUMN_LABELS, c, lang));
}
const KZT = 'KZT' as CurrencyCode;

/** One CSV row per receipt and per expenditure allocation (spent amounts negative). */
export function csvRows(entry: JournalEntry, names: JournalNames, lang: Locale = 'en'): string {
  const type = (t: 'receipt' | 'expenditure') => labelOf(JOURNAL_ROW_TYPE_LABELS, t, lang);
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
    const grant = row.grant_id ? (names.grant.get(row.grant_id)?.agreement ?? row.grant_id) : null;
    const description =
      row.kind === 'property'
        ? `${journalText(lang, 'propertyInKind')}${row.property_description ?? ''}${row.description ? `; ${row.description}` : ''}`
        : row.description;
    return renderCsvRecord([
      row.received_on,
      type('receipt'),
      row.id,
      source?.name ?? row.source_id,
      source?.category ?? null,
      grant,
      account,
      amount,
      row.currency,
      ...rate,
      description,
      null,
      null,
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
        type('expenditure'),
        id,
        null,
        null,
        names.grant.get(a.grantId)?.agreement ?? a.grantId,
        account,
        formatMinor(-a.amountMinor, row.currency as CurrencyCode),
        row.currency,
        ...share,
        row.description,
        null,
        a.budgetLineId ? (names.budgetLine.get(a.budgetLineId) ?? null) : null,
      ]);
    })
    .join('');
}

/** One CSV row per bank line (scope all): type `bank-line`, outgoing amounts negative. */
export function csvBankRow(line: JournalBankLine, names: JournalNames, lang: Locale = 'en'): string {
  const row = line.row;
  const currency = row.currency as CurrencyCode;
  const signed = row.direction === 'in' ? row.amount_minor : -row.amount_minor;
  const source = line.sourceId ? names.source.get(line.sourceId) : undefined;
  const grant = line.grantIds.length === 1 ? names.grant.get(line.grantIds[0] ?? '')?.agreement : undefined;
  return renderCsvRecord([
    row.booked_on,
    labelOf(JOURNAL_ROW_TYPE_LABELS, 'bank-line', lang),
    row.fingerprint,
    source?.name ?? null,
    source?.category ?? null,
    grant ?? null,
    names.account.get(row.account_id) ?? row.account_id,
    formatMinor(signed, currency),
    row.currency,
    currency === KZT ? formatMinor(row.amount_minor * (signed < 0n ? -1n : 1n), KZT) : null,
    null,
    null,
    null,
    null,
    null,
    [row.counterparty_name, row.purpose].filter((x) => x).join(': ') || null,
    // The fields the importer does not read, as the bank wrote them (a JSON object).
    row.extras,
    null,
  ]);
}
