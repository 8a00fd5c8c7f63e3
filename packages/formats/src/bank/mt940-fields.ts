import { minorUnits, type CalendarDate, type CurrencyCode } from '@civic/core';
import { readCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';

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

function swiftDate(text: string, tag: Mt940Tag, file: string): CalendarDate {
  const d = parseDateLayout(text, 'YYMMDD');
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

/** `:60F:` / `:62F:` (and M variants): C|D, YYMMDD, currency, amount. Debit balances come back negative. */
export function readBalance(tag: Mt940Tag, file: string): Mt940Balance {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)$/.exec(tag.value.replace(/\s+/g, ''));
  if (!m)
    abort(
      'IMPORT_LINE_INVALID',
      `:${tag.tag}: "${tag.value}" is not a balance (C/D, YYMMDD, currency, amount)`,
      file,
      tag.line,
      tag.tag,
    );
  const currency = readCurrency(m[3] ?? '');
  if (currency === null)
    abort(
      'IMPORT_CURRENCY_UNKNOWN',
      `:${tag.tag}: unknown currency "${m[3] ?? ''}"`,
      file,
      tag.line,
      tag.tag,
    );
  const amount = swiftAmount(m[4] ?? '', currency, tag, file);
  return { amount: m[1] === 'D' ? -amount : amount, currency, date: swiftDate(m[2] ?? '', tag, file) };
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

// value date, [entry date MMDD], mark (C, D, RC, RD), [funds code], amount, type (N/F/S + 3), references
const LINE_61 =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/** `:61:` statement line. RC (reversal of a credit) is money out; RD (reversal of a debit) money in. */
export function readEntry(tag: Mt940Tag, currency: CurrencyCode, file: string): Mt940Entry {
  const m = LINE_61.exec(tag.value);
  if (!m)
    abort(
      'IMPORT_LINE_INVALID',
      `:61: "${tag.value.split('\n')[0] ?? ''}" is not a statement line (YYMMDD[MMDD]C|D|RC|RD amount type reference)`,
      file,
      tag.line,
      '61',
    );
  const valueDate = swiftDate(m[1] ?? '', tag, file);
  let entryDate: CalendarDate | null = null;
  if (m[2] !== undefined) {
    // The entry date has no year: take the value date's, moved a year where they straddle New Year.
    const year = Number(valueDate.slice(0, 4));
    const month = Number(m[2].slice(0, 2));
    const valueMonth = Number(valueDate.slice(5, 7));
    const y =
      month === 12 && valueMonth === 1 ? year - 1 : month === 1 && valueMonth === 12 ? year + 1 : year;
    entryDate = parseDateLayout(`${y}-${m[2].slice(0, 2)}-${m[2].slice(2, 4)}`, 'YYYY-MM-DD');
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

export interface Mt940Info {
  readonly purpose: string | null;
  readonly name: string | null;
  readonly account: string | null;
  readonly bankCode: string | null;
  readonly subfields: Readonly<Record<string, string>>;
}

/**
 * `:86:` information to the account owner. Structured form (`?20`–`?29` purpose, `?30` bank code,
 * `?31` account, `?32`–`?33` name, `?60`–`?63` more purpose) when it has `?NN` subfields; otherwise
 * the text, its line breaks joined with spaces, is the purpose.
 */
export function readInfo(value: string): Mt940Info {
  if (!/\?\d{2}/.test(value))
    return {
      purpose: value.replace(/\s*\n\s*/g, ' ').trim() || null,
      name: null,
      account: null,
      bankCode: null,
      subfields: {},
    };
  const flat = value.replace(/\r?\n/g, '');
  const subfields: Record<string, string> = {};
  const first = flat.indexOf('?');
  if (first > 0) subfields['code'] = flat.slice(0, first);
  for (const m of flat.slice(first).matchAll(/\?(\d{2})([^?]*)/g)) {
    const key = m[1] ?? '';
    subfields[key] = (subfields[key] ?? '') + (m[2] ?? '');
  }
  const join = (keys: string[]): string | null =>
    keys
      .map((k) => subfields[k] ?? '')
      .join('')
      .trim() || null;
  const purposeKeys = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63'];
  return {
    purpose: join(purposeKeys),
    name: join(['32', '33']),
    account: join(['31']),
    bankCode: join(['30']),
    subfields,
  };
}
