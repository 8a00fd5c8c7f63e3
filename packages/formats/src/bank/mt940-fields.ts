import { minorUnits, type CalendarDate, type CurrencyCode, type StatementWarning } from '@civic/core';
import { readIsoCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';

export { readInfo, type Mt940Info } from './mt940-info.ts';

/** A tag's text with the line it starts on (continuation lines joined with "\n"). */
export interface Mt940Tag {
  readonly tag: string;
  readonly value: string;
  readonly line: number;
}

export interface Mt940Balance {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly date: CalendarDate;
}

/** Where a field reader reports what it read leniently. */
export type Warn = (w: StatementWarning) => void;

/** SWIFT amounts use a comma as the decimal mark: `1234,56`, `1234,`. */
export function swiftAmount(text: string, currency: CurrencyCode, tag: Mt940Tag, file: string): bigint {
  const t = text.endsWith(',') ? text.slice(0, -1) : text;
  const a = /^\d+(,\d*)?$/.test(text) ? parseAmount(t, currency, minorUnits(currency), ',') : null;
  if (a === null)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `:${tag.tag}: "${text}" is not a SWIFT amount (digits with a decimal comma) in ${currency}`,
      file,
      tag.line,
      tag.tag,
    );
  return a;
}

const lastOfFebruary = (year: number): string =>
  `${String(year)}-02-${year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? '29' : '28'}`;

/**
 * A day the file writes as year, month, day. 30 or 31 February is the month-end convention some
 * banks use for interest: read as the last day of February, with a warning. Any other impossible
 * day is refused.
 */
function dayOf(year: number, month: string, day: string, tag: Mt940Tag, file: string, warn: Warn) {
  const iso = `${String(year).padStart(4, '0')}-${month}-${day}`;
  const d = parseDateLayout(iso, 'YYYY-MM-DD');
  if (d !== null) return d;
  if (month === '02' && (day === '30' || day === '31')) {
    const read = parseDateLayout(lastOfFebruary(year), 'YYYY-MM-DD');
    if (read !== null) {
      warn({
        line: tag.line,
        field: tag.tag,
        code: 'IMPORT_WARN_MONTH_END_DATE',
        params: { written: `${day}.${month}.${String(year)}`, read },
        message: `:${tag.tag}: ${day}.${month}.${String(year)} is read as the month's last day, ${read}`,
      });
      return read;
    }
  }
  return null;
}

function swiftDate(text: string, tag: Mt940Tag, file: string, warn: Warn): CalendarDate {
  const yy = Number(text.slice(0, 2));
  const d = /^\d{6}$/.test(text)
    ? dayOf(yy < 80 ? 2000 + yy : 1900 + yy, text.slice(2, 4), text.slice(4, 6), tag, file, warn)
    : null;
  if (d === null)
    abort(
      'IMPORT_DATE_INVALID',
      `:${tag.tag}: "${text}" is not a date in the form YYMMDD`,
      file,
      tag.line,
      tag.tag,
    );
  return d;
}

/** A currency code: a withdrawn one (DEM, RUR) read with a warning, a made-up one refused. */
export function swiftCurrency(code: string, tag: Mt940Tag, file: string, warn: Warn): CurrencyCode {
  const c = readIsoCurrency(code);
  if (c === null)
    abort('IMPORT_CURRENCY_UNKNOWN', `:${tag.tag}: unknown currency "${code}"`, file, tag.line, tag.tag);
  if (c.historic !== null)
    warn({
      line: tag.line,
      field: tag.tag,
      code: 'IMPORT_WARN_HISTORIC_CURRENCY',
      params: { code: c.historic, read: c.currency },
      message: `:${tag.tag}: ${c.historic} is a withdrawn ISO 4217 code, read as ${c.currency}`,
    });
  return c.currency;
}

/** `:60F:` / `:62F:` (and M variants): C|D, YYMMDD, currency, amount. Debit balances come back negative. */
export function readBalance(tag: Mt940Tag, file: string, warn: Warn): Mt940Balance {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)$/.exec(tag.value.replace(/\s+/g, ''));
  if (!m)
    abort(
      'IMPORT_LINE_INVALID',
      `:${tag.tag}: "${tag.value}" is not a balance (C/D, YYMMDD, currency, amount)`,
      file,
      tag.line,
      tag.tag,
    );
  const currency = swiftCurrency(m[3] ?? '', tag, file, warn);
  const amount = swiftAmount(m[4] ?? '', currency, tag, file);
  return {
    amount: m[1] === 'D' ? -amount : amount,
    currency,
    date: swiftDate(m[2] ?? '', tag, file, warn),
  };
}

export interface Mt940Entry {
  readonly valueDate: CalendarDate;
  readonly entryDate: CalendarDate | null;
  readonly direction: 'in' | 'out';
  readonly mark: string;
  readonly amount: bigint;
  readonly type: string;
  readonly customerReference: string | null;
  readonly bankReference: string | null;
  readonly details: string | null;
}

// value date, [entry date MMDD, or spaces where a bank leaves it out], mark (C, D, RC, RD),
// [funds code: the third character of the currency, or a letter], amount, type (N/F/S + 3), references
const LINE_61 =
  /^(\d{6})(?:(\d{4})|[ ]{1,4})?[ ]*(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/** `:61:` statement line. RC (reversal of a credit) is money out; RD (reversal of a debit) money in. */
export function readEntry(tag: Mt940Tag, currency: CurrencyCode, file: string, warn: Warn): Mt940Entry {
  const m = LINE_61.exec(tag.value);
  if (!m)
    abort(
      'IMPORT_LINE_INVALID',
      `:61: "${tag.value.split('\n')[0] ?? ''}" is not a statement line (YYMMDD[MMDD]C|D|RC|RD amount type reference)`,
      file,
      tag.line,
      '61',
    );
  const valueDate = swiftDate(m[1] ?? '', tag, file, warn);
  let entryDate: CalendarDate | null = null;
  if (m[2] !== undefined) {
    // The entry date has no year: take the value date's, moved a year where they straddle New Year.
    const year = Number(valueDate.slice(0, 4));
    const month = Number(m[2].slice(0, 2));
    const valueMonth = Number(valueDate.slice(5, 7));
    const y =
      month === 12 && valueMonth === 1 ? year - 1 : month === 1 && valueMonth === 12 ? year + 1 : year;
    entryDate = dayOf(y, m[2].slice(0, 2), m[2].slice(2, 4), tag, file, warn);
    if (entryDate === null)
      abort('IMPORT_DATE_INVALID', `:61: entry date "${m[2]}" is not a day (MMDD)`, file, tag.line, '61');
  }
  const mark = m[3] ?? 'C';
  const ref = (m[7] ?? '').trim();
  const bankRef = (m[8] ?? '').trim();
  return {
    valueDate,
    entryDate,
    direction: mark === 'C' || mark === 'RD' ? 'in' : 'out',
    mark,
    amount: swiftAmount(m[5] ?? '', currency, tag, file),
    type: m[6] ?? '',
    customerReference: ref === '' || ref === 'NONREF' ? null : ref,
    bankReference: bankRef === '' ? null : bankRef,
    details: (m[9] ?? '').trim() || null,
  };
}
