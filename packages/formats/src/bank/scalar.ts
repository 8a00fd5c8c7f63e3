import { dateFromParts, parseMinorUnits, type CalendarDate, type CurrencyCode } from '@civic/core';

/**
 * Fast scalar readers for the importers' hot loops: char-code scans with no regex and no
 * intermediate arrays, falling back to core's `parseMinorUnits` only for unusual amount text.
 */

const ZERO = 48;
const NINE = 57;

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return -1;
    n = n * 10 + (c - ZERO);
  }
  return n;
}

function validDay(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const r = dateFromParts(year, month, day);
  return r.ok ? r.value : null;
}

/** Date layouts a CSV mapping or a bank file may use. */
export type DateLayout =
  'DD.MM.YYYY' | 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'YYYYMMDD' | 'YYMMDD';

/**
 * Reads a date in the given layout. A trailing time after a space or `T` (`01.02.2021 10:15:00`) is
 * ignored, as banks often add one; day and month may lack their leading zero. Returns null when the
 * text is not a real day.
 */
export function parseDateLayout(text: string, layout: DateLayout): CalendarDate | null {
  let s = text.trim();
  if (layout !== 'YYYYMMDD' && layout !== 'YYMMDD') {
    for (let i = 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 84 /* T */) {
        s = s.slice(0, i);
        break;
      }
    }
  }
  switch (layout) {
    case 'DD.MM.YYYY':
    case 'DD/MM/YYYY':
    case 'DD-MM-YYYY': {
      const sep = layout.charAt(2);
      if (s.length !== 10) return shortDayMonth(s, sep, false);
      if (s.charAt(2) !== sep || s.charAt(5) !== sep) return null;
      return validDay(digitsAt(s, 6, 4), digitsAt(s, 3, 2), digitsAt(s, 0, 2));
    }
    case 'MM/DD/YYYY':
      if (s.length !== 10) return shortDayMonth(s, '/', true);
      if (s.charAt(2) !== '/' || s.charAt(5) !== '/') return null;
      return validDay(digitsAt(s, 6, 4), digitsAt(s, 0, 2), digitsAt(s, 3, 2));
    case 'YYYY-MM-DD':
      if (s.length !== 10 || s.charAt(4) !== '-' || s.charAt(7) !== '-') return null;
      return validDay(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2));
    case 'YYYYMMDD':
      if (s.length !== 8) return null;
      return validDay(digitsAt(s, 0, 4), digitsAt(s, 4, 2), digitsAt(s, 6, 2));
    case 'YYMMDD': {
      if (s.length !== 6) return null;
      const yy = digitsAt(s, 0, 2);
      // SWIFT two-digit years: 00–79 are 2000–2079, 80–99 are 1980–1999.
      return yy < 0 ? null : validDay(yy < 80 ? 2000 + yy : 1900 + yy, digitsAt(s, 2, 2), digitsAt(s, 4, 2));
    }
  }
}

/** Day and month written without a leading zero (`5.3.2021`), as some bank exports do. */
function shortDayMonth(s: string, sep: string, monthFirst: boolean): CalendarDate | null {
  const parts = s.split(sep);
  if (parts.length !== 3) return null;
  const [a = '', b = '', y = ''] = parts;
  if (a.length < 1 || a.length > 2 || b.length < 1 || b.length > 2 || y.length !== 4) return null;
  const first = digitsAt(a, 0, a.length);
  const second = digitsAt(b, 0, b.length);
  return monthFirst ? validDay(digitsAt(y, 0, 4), first, second) : validDay(digitsAt(y, 0, 4), second, first);
}

/** 1C dates: `DD.MM.YYYY`, with an optional time after a space. */
export function parseDmy(text: string): CalendarDate | null {
  return parseDateLayout(text, 'DD.MM.YYYY');
}

const POW10 = [1n, 10n, 100n, 1000n, 10000n];

/**
 * Parses a decimal amount to minor units. `sep` is the decimal separator ('auto' accepts either
 * when it occurs once). Unless `strict`, digit groups (`1 234,50`, `1,234.50`) are accepted too.
 * Returns null for text that is not an amount or has too many decimals.
 */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
  digits: number,
  sep: '.' | ',' | 'auto' = 'auto',
  strict = false,
): bigint | null {
  const s = text;
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) === 32) i++;
  let end = n;
  while (end > i && s.charCodeAt(end - 1) === 32) end--;
  let negative = false;
  const first = s.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  // Fast path: digits, then at most one separator and fraction digits.
  let whole = 0;
  let wholeDigits = 0;
  let j = i;
  for (; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c < ZERO || c > NINE) break;
    if (wholeDigits < 15) whole = whole * 10 + (c - ZERO);
    wholeDigits++;
  }
  if (wholeDigits <= 15) {
    let fraction = 0;
    let fractionDigits = 0;
    let fast = true;
    if (j < end) {
      const c = s.charCodeAt(j);
      const isSep = sep === 'auto' ? c === 46 || c === 44 : c === sep.charCodeAt(0);
      if (!isSep) fast = false;
      else {
        for (j++; j < end; j++) {
          const d = s.charCodeAt(j);
          if (d < ZERO || d > NINE) {
            fast = false;
            break;
          }
          if (fractionDigits >= digits) {
            if (d !== ZERO) return null;
          } else {
            fraction = fraction * 10 + (d - ZERO);
          }
          fractionDigits++;
        }
        if (fast && wholeDigits === 0 && fractionDigits === 0) return null;
      }
    } else if (wholeDigits === 0) return null;
    if (fast) {
      const used = Math.min(fractionDigits, digits);
      const minor = BigInt(whole) * (POW10[digits] ?? 1n) + BigInt(fraction) * (POW10[digits - used] ?? 1n);
      if (negative && minor === 0n) return null; // "-0": a sign on nothing is not an amount
      return negative ? -minor : minor;
    }
  }
  if (strict) return null;
  const slow = parseMinorUnits(text, currency, { decimalSeparator: sep });
  return slow.ok ? slow.value : null;
}
