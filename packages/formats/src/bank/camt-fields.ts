import { minorUnits, type CalendarDate, type CurrencyCode } from '@civic/core';
import { readCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';
import { lineOf, textAt, type XmlNode } from './xml-tree.ts';

/** The file and where its lines start, for line numbers in messages. */
export interface Where {
  readonly file: string;
  readonly starts: readonly number[];
}

export function lineAt(node: XmlNode | undefined, where: Where, fallback: number): number {
  return lineOf(node, where.starts) ?? fallback;
}

export function currencyOf(text: string | null, field: string, where: Where, at: number): CurrencyCode {
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field} has no Ccy attribute`, where.file, at, field);
  const c = readCurrency(text);
  if (c === null)
    abort('IMPORT_CURRENCY_UNKNOWN', `${field}: unknown currency "${text}"`, where.file, at, field);
  return c;
}

/**
 * ISO 20022 amounts allow five decimals whatever the currency; banks pad with zeros (`100.00000`).
 * Digits beyond the currency's minor units are dropped when they are zeros; any other is refused,
 * since a sum the ledger cannot hold exactly must not be rounded silently.
 */
function trimZeroDecimals(text: string, digits: number): string | null {
  const m = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return text;
  const fraction = m[2] ?? '';
  if (fraction.length <= digits) return text;
  if (!/^0*$/.test(fraction.slice(digits))) return null;
  return digits === 0 ? (m[1] ?? '') : `${m[1] ?? ''}.${fraction.slice(0, digits)}`;
}

export function amountOf(
  node: unknown,
  field: string,
  where: Where,
  at: number,
  fallbackCcy?: CurrencyCode,
): { amount: bigint; currency: CurrencyCode } {
  const text = textAt(node);
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field} is missing`, where.file, at, field);
  const ccyText = textAt(node, '@_Ccy');
  const currency =
    ccyText === null && fallbackCcy !== undefined ? fallbackCcy : currencyOf(ccyText, field, where, at);
  const digits = minorUnits(currency);
  const trimmed = trimZeroDecimals(text, digits);
  if (trimmed === null)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `${field}: "${text}" has more decimals than ${currency} allows (${String(digits)}), and they are not zeros`,
      where.file,
      at,
      field,
    );
  const amount = parseAmount(trimmed, currency, digits, '.', true);
  if (amount === null || amount < 0n)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `${field}: "${text}" is not an amount in ${currency}`,
      where.file,
      at,
      field,
    );
  return { amount, currency };
}

/** A date element holding `Dt` (YYYY-MM-DD) or `DtTm` (ISO date-time; the date part is taken). */
export function dateOf(
  node: XmlNode | undefined,
  field: string,
  where: Where,
  at: number,
): CalendarDate | null {
  const text = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  if (text === null) return null;
  const d = parseDateLayout(text, 'YYYY-MM-DD');
  if (d === null)
    abort('IMPORT_DATE_INVALID', `${field}: "${text}" is not an ISO date`, where.file, at, field);
  return d;
}

export function accountId(node: unknown): string | null {
  return textAt(node, 'Id', 'IBAN') ?? textAt(node, 'Id', 'Othr', 'Id');
}
