import { minorUnits, type CalendarDate, type CurrencyCode, type StatementLine } from '@civic/core';
import { unguardCsvCell } from '../csv-cell.ts';
import { readCurrency } from './currency-code.ts';
import type { CsvColumns, CsvMapping } from './csv-mapping.ts';
import { abort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';

export type ColumnKey = keyof CsvColumns;

const EMPTY_RAW: Readonly<Record<string, string>> = Object.freeze({});

/** A cell without surrounding spaces; most cells have none, so avoid the copy `trim` may make. */
function clean(v: string | undefined): string {
  if (v === undefined || v === '') return '';
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(v.length - 1);
  return a <= 32 || b <= 32 || a === 160 || b === 160 ? v.trim() : v;
}

/**
 * Turns CSV rows into statement lines for one resolved mapping. Column positions are plain
 * numbers (-1 when unmapped) read per row without lookups by name: this runs a million times.
 */
export class CsvRowReader {
  private readonly date: number;
  private readonly documentDate: number;
  private readonly amount: number;
  private readonly debit: number;
  private readonly credit: number;
  private readonly currency: number;
  private readonly account: number;
  private readonly cpName: number;
  private readonly cpTaxId: number;
  private readonly cpAccount: number;
  private readonly cpBank: number;
  private readonly cpSector: number;
  private readonly cpCountry: number;
  private readonly purpose: number;
  private readonly purposeCode: number;
  private readonly reference: number;
  private readonly number: number;
  /** The number of fields a row needs. */
  readonly width: number;
  private readonly dates = new Map<string, CalendarDate | null>();
  private readonly currencies = new Map<string, CurrencyCode | null>();
  private readonly pool = new Map<string, string | null>();
  private readonly fixedCurrency: CurrencyCode | null;
  private readonly fixedDigits: number;
  private readonly outPositive: boolean;

  constructor(
    private readonly mapping: CsvMapping,
    private readonly index: Partial<Record<ColumnKey, number>>,
    private readonly names: Partial<Record<ColumnKey, string>>,
    private readonly rawColumns: readonly { readonly at: number; readonly name: string }[],
    private readonly file: string,
  ) {
    const at = (k: ColumnKey): number => index[k] ?? -1;
    this.date = at('date');
    this.documentDate = at('documentDate');
    this.amount = at('amount');
    this.debit = at('debit');
    this.credit = at('credit');
    this.currency = at('currency');
    this.account = at('account');
    this.cpName = at('counterpartyName');
    this.cpTaxId = at('counterpartyTaxId');
    this.cpAccount = at('counterpartyAccount');
    this.cpBank = at('counterpartyBankCode');
    this.cpSector = at('counterpartySectorCode');
    this.cpCountry = at('counterpartyCountry');
    this.purpose = at('purpose');
    this.purposeCode = at('purposeCode');
    this.reference = at('reference');
    this.number = at('documentNumber');
    this.width = Math.max(...Object.values(index)) + 1;
    this.fixedCurrency = mapping.currency === undefined ? null : readCurrency(mapping.currency);
    this.fixedDigits = this.fixedCurrency === null ? 2 : minorUnits(this.fixedCurrency);
    this.outPositive = mapping.sign === 'out-positive';
  }

  private name(key: ColumnKey): string {
    return this.names[key] ?? key;
  }

  private opt(fields: string[], i: number): string | null {
    if (i < 0) return null;
    const raw = fields[i];
    if (raw === undefined || raw === '') return null;
    const v = clean(unguardCsvCell(raw));
    return v === '' ? null : v;
  }

  /**
   * Like `opt`, for columns whose values repeat (accounts, names, codes): the first copy of each
   * value is kept and reused, so a million rows do not hold a million copies (and the GC does not
   * have to move them).
   */
  private shared(fields: string[], i: number): string | null {
    if (i < 0) return null;
    const raw = fields[i];
    if (raw === undefined || raw === '') return null;
    if (raw.length > 80) return this.opt(fields, i);
    const seen = this.pool.get(raw);
    if (seen !== undefined) return seen;
    const v = clean(unguardCsvCell(raw));
    const text = v === '' ? null : v;
    if (this.pool.size < 200_000) this.pool.set(raw, text);
    return text;
  }

  private readDate(fields: string[], i: number, key: ColumnKey, line: number): CalendarDate | null {
    const v = this.opt(fields, i);
    if (v === null) return null;
    let d = this.dates.get(v);
    if (d === undefined) {
      d = parseDateLayout(v, this.mapping.dateFormat);
      this.dates.set(v, d);
    }
    if (d === null)
      abort(
        'IMPORT_DATE_INVALID',
        `${this.name(key)}: "${v}" is not a date in the form ${this.mapping.dateFormat}`,
        this.file,
        line,
        this.name(key),
      );
    return d;
  }

  private readAmount(
    fields: string[],
    i: number,
    key: ColumnKey,
    currency: CurrencyCode,
    digits: number,
    line: number,
  ): bigint | null {
    const v = this.opt(fields, i);
    if (v === null) return null;
    const a = parseAmount(v, currency, digits, this.mapping.decimalSeparator);
    if (a === null)
      abort(
        'IMPORT_AMOUNT_INVALID',
        `${this.name(key)}: "${v}" is not an amount in ${currency} with "${this.mapping.decimalSeparator}" as the decimal separator`,
        this.file,
        line,
        this.name(key),
      );
    return a;
  }

  private readCurrency(fields: string[], line: number): CurrencyCode {
    const v = this.opt(fields, this.currency);
    if (v === null) {
      if (this.fixedCurrency === null)
        abort('IMPORT_FIELD_MISSING', 'the row names no currency', this.file, line, this.name('currency'));
      return this.fixedCurrency;
    }
    let c = this.currencies.get(v);
    if (c === undefined) {
      c = readCurrency(v);
      this.currencies.set(v, c);
    }
    if (c === null)
      abort(
        'IMPORT_CURRENCY_UNKNOWN',
        `${this.name('currency')}: unknown currency "${v}"`,
        this.file,
        line,
        this.name('currency'),
      );
    return c;
  }

  /** The statement line of one data row. */
  read(fields: string[], line: number): StatementLine {
    if (fields.length < this.width) {
      const [missing = 'date', at = 0] = Object.entries(this.index).find(([, i]) => i >= fields.length) ?? [];
      const name = this.names[missing as ColumnKey] ?? missing;
      abort(
        'IMPORT_FIELD_MISSING',
        `the row has ${fields.length} fields, but ${name} is column ${at + 1}`,
        this.file,
        line,
        name,
      );
    }
    const currency = this.readCurrency(fields, line);
    const digits = currency === this.fixedCurrency ? this.fixedDigits : minorUnits(currency);
    const account = this.shared(fields, this.account) ?? this.mapping.account;
    if (account === undefined)
      abort('IMPORT_FIELD_MISSING', 'the row names no account', this.file, line, this.name('account'));
    const bookedOn = this.readDate(fields, this.date, 'date', line);
    if (bookedOn === null)
      abort('IMPORT_FIELD_MISSING', 'the row has no date', this.file, line, this.name('date'));
    const documentDate =
      this.documentDate < 0 ? null : this.readDate(fields, this.documentDate, 'documentDate', line);

    let direction: 'in' | 'out';
    let amount: bigint;
    if (this.amount >= 0) {
      const a = this.readAmount(fields, this.amount, 'amount', currency, digits, line);
      if (a === null)
        abort('IMPORT_FIELD_MISSING', 'the row has no amount', this.file, line, this.name('amount'));
      direction = a < 0n !== this.outPositive ? 'out' : 'in';
      amount = a < 0n ? -a : a;
    } else {
      const debit =
        this.debit < 0 ? null : this.readAmount(fields, this.debit, 'debit', currency, digits, line);
      const credit =
        this.credit < 0 ? null : this.readAmount(fields, this.credit, 'credit', currency, digits, line);
      const d = debit === null ? 0n : debit < 0n ? -debit : debit;
      const c = credit === null ? 0n : credit < 0n ? -credit : credit;
      if (d !== 0n && c !== 0n)
        abort(
          'IMPORT_AMOUNT_INVALID',
          `both ${this.name('debit')} and ${this.name('credit')} are set: a row moves money one way`,
          this.file,
          line,
          this.name('credit'),
        );
      if (debit === null && credit === null)
        abort(
          'IMPORT_FIELD_MISSING',
          'the row has neither a debit nor a credit amount',
          this.file,
          line,
          this.names.debit ?? this.name('credit'),
        );
      direction = d !== 0n ? 'out' : 'in';
      amount = d !== 0n ? d : c;
    }
    let raw = EMPTY_RAW;
    if (this.rawColumns.length > 0) {
      const r: Record<string, string> = {};
      for (const c of this.rawColumns) r[c.name] = unguardCsvCell(fields[c.at] ?? '');
      raw = r;
    }
    return {
      sourceLine: line,
      account,
      direction,
      amount,
      currency,
      bookedOn,
      documentDate,
      documentNumber: this.opt(fields, this.number),
      counterparty: {
        name: this.shared(fields, this.cpName),
        taxId: this.shared(fields, this.cpTaxId),
        account: this.shared(fields, this.cpAccount),
        bankCode: this.shared(fields, this.cpBank),
        sectorCode: this.shared(fields, this.cpSector),
        country: this.shared(fields, this.cpCountry),
      },
      purpose: this.opt(fields, this.purpose),
      purposeCode: this.shared(fields, this.purposeCode),
      bankReference: this.opt(fields, this.reference),
      raw,
    };
  }
}
