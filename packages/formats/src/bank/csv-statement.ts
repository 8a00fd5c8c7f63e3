import { minorUnits, ok, type CalendarDate, type CurrencyCode, type ParsedStatement, type Result, type StatementAccount, type StatementLine, type StatementParty } from '@civic/core';
import { readCurrency } from './currency-code.ts';
import type { ColumnRef, CsvColumns, CsvMapping } from './csv-mapping.ts';
import { readCsvRecords } from './csv-reader.ts';
import { abort, catchAbort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';
import { decodeText } from './text-decode.ts';

type ColumnKey = keyof CsvColumns;
/** The 0-based column of each mapped field, and the name errors use for it. */
type Resolved = Partial<Record<ColumnKey, number>>;
type Names = Partial<Record<ColumnKey, string>>;

const EMPTY_RAW: Readonly<Record<string, string>> = Object.freeze({});

function resolveColumns(columns: CsvColumns, header: readonly string[] | null, file: string, headerLine: number): { index: Resolved; names: Names } {
  const index: Resolved = {};
  const names: Names = {};
  const lowered = header?.map((h) => h.trim().toLowerCase()) ?? null;
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const ref: ColumnRef | undefined = columns[key];
    if (ref === undefined) continue;
    if (typeof ref === 'number') {
      index[key] = ref - 1;
      names[key] = header?.[ref - 1]?.trim() || `column ${ref}`;
      continue;
    }
    const at = lowered?.indexOf(ref.trim().toLowerCase()) ?? -1;
    if (at < 0) abort('IMPORT_COLUMN_MISSING', `the header has no column "${ref}" (mapped to ${key}); it has: ${header?.join(', ') ?? 'no header'}`, file, headerLine, ref);
    index[key] = at;
    names[key] = ref;
  }
  return { index, names };
}

/**
 * Parses a CSV bank statement with a column mapping. Each row becomes one statement line;
 * a row's error names its line and the column (by header name, or "column N").
 */
export function parseCsvStatement(bytes: Uint8Array, mapping: CsvMapping, fileName: string): Result<ParsedStatement> {
  const file = fileName;
  return catchAbort(() => {
    const text = decodeText(bytes, mapping.encoding);
    const lines: StatementLine[] = [];
    const accounts = new Map<string, { account: string; currency: CurrencyCode; from: CalendarDate; to: CalendarDate }>();
    const dateCache = new Map<string, CalendarDate | null>();
    const currencyCache = new Map<string, CurrencyCode | null>();
    const fixedCurrency = mapping.currency === undefined ? null : readCurrency(mapping.currency);
    const sep = mapping.decimalSeparator;
    const outPositive = mapping.sign === 'out-positive';
    let skipped = 0;
    let header: string[] | null = null;
    let index: Resolved | null = null;
    let names: Names = {};
    let rawColumns: number[] = [];
    let width = 0;

    const cell = (fields: string[], key: ColumnKey): string | null => {
      const i = index?.[key];
      if (i === undefined) return null;
      const v = fields[i];
      return v === undefined ? null : v.trim();
    };
    const optional = (fields: string[], key: ColumnKey): string | null => {
      const v = cell(fields, key);
      return v === null || v === '' ? null : v;
    };
    const readDate = (fields: string[], key: ColumnKey, line: number): CalendarDate | null => {
      const v = cell(fields, key);
      if (v === null || v === '') return null;
      let d = dateCache.get(v);
      if (d === undefined) {
        d = parseDateLayout(v, mapping.dateFormat);
        dateCache.set(v, d);
      }
      if (d === null) abort('IMPORT_DATE_INVALID', `${names[key]}: "${v}" is not a date in the form ${mapping.dateFormat}`, file, line, names[key]);
      return d;
    };
    const readAmount = (fields: string[], key: ColumnKey, currency: CurrencyCode, line: number): bigint | null => {
      const v = cell(fields, key);
      if (v === null || v === '') return null;
      const a = parseAmount(v, currency, minorUnits(currency), sep);
      if (a === null) abort('IMPORT_AMOUNT_INVALID', `${names[key]}: "${v}" is not an amount in ${currency} with "${sep}" as the decimal separator`, file, line, names[key]);
      return a;
    };

    const onRow = (fields: string[], line: number): void => {
      if (skipped < mapping.skipRows) {
        skipped++;
        return;
      }
      if (index === null) {
        if (mapping.header && header === null) header = fields.slice();
        ({ index, names } = resolveColumns(mapping.columns, header, file, line));
        const positions = Object.values(index);
        const used = new Set(positions);
        width = Math.max(...positions) + 1;
        rawColumns = (header ?? []).map((_, i) => i).filter((i) => !used.has(i) && (header?.[i] ?? '').trim() !== '');
        if (mapping.header) return;
      }
      if (fields.length < width) {
        const [missing = 'date', at = 0] = Object.entries(index).find(([, i]) => i >= fields.length) ?? [];
        const name = names[missing as ColumnKey] ?? missing;
        abort('IMPORT_FIELD_MISSING', `the row has ${fields.length} fields, but ${name} is column ${at + 1}`, file, line, name);
      }
      let currency = fixedCurrency;
      const currencyText = cell(fields, 'currency');
      if (currencyText !== null && currencyText !== '') {
        let c = currencyCache.get(currencyText);
        if (c === undefined) {
          c = readCurrency(currencyText);
          currencyCache.set(currencyText, c);
        }
        if (c === null) abort('IMPORT_CURRENCY_UNKNOWN', `${names.currency}: unknown currency "${currencyText}"`, file, line, names.currency);
        currency = c;
      }
      if (currency === null) abort('IMPORT_FIELD_MISSING', 'the row names no currency', file, line, names.currency ?? 'currency');
      const account = optional(fields, 'account') ?? mapping.account;
      if (account === undefined) abort('IMPORT_FIELD_MISSING', 'the row names no account', file, line, names.account ?? 'account');
      const bookedOn = readDate(fields, 'date', line);
      if (bookedOn === null) abort('IMPORT_FIELD_MISSING', 'the row has no date', file, line, names.date);
      const documentDate = readDate(fields, 'documentDate', line);

      let direction: 'in' | 'out';
      let amount: bigint;
      if (index.amount !== undefined) {
        const a = readAmount(fields, 'amount', currency, line);
        if (a === null) abort('IMPORT_FIELD_MISSING', 'the row has no amount', file, line, names.amount);
        direction = a < 0n !== outPositive ? 'out' : 'in';
        amount = a < 0n ? -a : a;
      } else {
        const debit = readAmount(fields, 'debit', currency, line);
        const credit = readAmount(fields, 'credit', currency, line);
        const d = debit === null ? 0n : debit < 0n ? -debit : debit;
        const c = credit === null ? 0n : credit < 0n ? -credit : credit;
        if (d !== 0n && c !== 0n) abort('IMPORT_AMOUNT_INVALID', `both ${names.debit} and ${names.credit} are set: a row moves money one way`, file, line, names.credit);
        if (debit === null && credit === null) abort('IMPORT_FIELD_MISSING', 'the row has neither a debit nor a credit amount', file, line, names.debit ?? names.credit);
        direction = d !== 0n ? 'out' : 'in';
        amount = d !== 0n ? d : c;
      }
      const counterparty: StatementParty = {
        name: optional(fields, 'counterpartyName'),
        taxId: optional(fields, 'counterpartyTaxId'),
        account: optional(fields, 'counterpartyAccount'),
        bankCode: optional(fields, 'counterpartyBankCode'),
        sectorCode: optional(fields, 'counterpartySectorCode'),
        country: optional(fields, 'counterpartyCountry'),
      };
      let raw = EMPTY_RAW;
      if (rawColumns.length > 0 && header !== null) {
        const r: Record<string, string> = {};
        for (const i of rawColumns) r[header[i] ?? `column ${i + 1}`] = fields[i] ?? '';
        raw = r;
      }
      lines.push({
        sourceLine: line,
        account,
        direction,
        amount,
        currency,
        bookedOn,
        documentDate,
        documentNumber: optional(fields, 'documentNumber'),
        counterparty,
        purpose: optional(fields, 'purpose'),
        purposeCode: optional(fields, 'purposeCode'),
        bankReference: optional(fields, 'reference'),
        raw,
      });
      const key = `${account}\u0000${currency}`;
      const seen = accounts.get(key);
      if (seen === undefined) accounts.set(key, { account, currency, from: bookedOn, to: bookedOn });
      else {
        if (bookedOn < seen.from) seen.from = bookedOn;
        if (bookedOn > seen.to) seen.to = bookedOn;
      }
    };
    readCsvRecords(text, mapping.delimiter, file, onRow);
    if (index === null && mapping.header) abort('IMPORT_FIELD_MISSING', 'the file has no header row', file, 1);
    const statementAccounts: StatementAccount[] = [...accounts.values()].map((a) => ({ ...a, opening: null, totalIn: null, totalOut: null, closing: null }));
    return ok({ format: 'csv', file, encoding: mapping.encoding, accounts: statementAccounts, lines, warnings: [] } satisfies ParsedStatement);
  });
}
