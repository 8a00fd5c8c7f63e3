import { parseCurrency, type CalendarDate, type CurrencyCode } from '@civic/core';
import { abort } from '../bank/import-error.ts';

/** One official rate: `rate` KZT for `units` of `currency` on `date`, as published. */
export interface ParsedRate {
  readonly date: CalendarDate;
  readonly currency: CurrencyCode;
  /** Decimal text as published (a comma is normalised to a point), KZT per `units`. */
  readonly rate: string;
  readonly units: number;
  /** Who published it: "NBK" for the National Bank's XML, else the CSV's `source` column or "csv:<file>". */
  readonly source: string;
  /** 1-based line of the rate in the file. */
  readonly line: number;
}

const DECIMAL = /^\d+(\.\d+)?$/;

export function readRateCurrency(
  text: string | null,
  file: string,
  line: number,
  field: string,
): CurrencyCode {
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field}: no currency code`, file, line, field);
  const c = parseCurrency(text, field);
  if (!c.ok) abort('IMPORT_CURRENCY_UNKNOWN', `${field}: unknown currency "${text}"`, file, line, field);
  return c.value;
}

export function readRateValue(text: string | null, file: string, line: number, field: string): string {
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field}: no rate`, file, line, field);
  const t = text.trim().replace(',', '.');
  if (!DECIMAL.test(t) || !/[1-9]/.test(t))
    abort('IMPORT_RATE_INVALID', `${field}: "${text}" is not a positive decimal rate`, file, line, field);
  return t;
}

export function readRateUnits(text: string | null, file: string, line: number, field: string): number {
  if (text === null || text.trim() === '') return 1;
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t) || Number(t) < 1)
    abort(
      'IMPORT_RATE_INVALID',
      `${field}: "${text}" is not a whole number of units (1, 10, 100, …)`,
      file,
      line,
      field,
    );
  return Number(t);
}

/** Rejects a second, different rate for the same day and currency. */
export function addRate(
  rates: ParsedRate[],
  seen: Map<string, ParsedRate>,
  rate: ParsedRate,
  file: string,
  field: string,
): void {
  const key = `${rate.date} ${rate.currency}`;
  const before = seen.get(key);
  if (before !== undefined) {
    if (before.rate !== rate.rate || before.units !== rate.units) {
      abort(
        'IMPORT_RATE_INVALID',
        `${rate.currency} on ${rate.date} is ${rate.rate}/${rate.units} here but ${before.rate}/${before.units} on line ${before.line}`,
        file,
        rate.line,
        field,
      );
    }
    return;
  }
  seen.set(key, rate);
  rates.push(rate);
}
