import { minorUnits, parseCurrency, type CurrencyCode } from './currency.ts';
import { quoteValue } from './quote-value.ts';
import { domainError, err, ok, type Result } from './result.ts';

/** An amount of money: integer minor units of an ISO 4217 currency. Never a float. */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

export const money = (minor: bigint, currency: CurrencyCode): Money => ({ minor, currency });

export interface ParseDecimalOptions {
  /** The decimal separator in the text: '.', ',' or 'auto' (either, if it appears once). */
  readonly decimalSeparator?: '.' | ',' | 'auto';
  readonly field?: string;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string straight to minor units, never through a float.
 * Accepts an optional sign, spaces or apostrophes as digit-group separators, and at most as many
 * fraction digits as the currency has. `"1 166 800,50"` in KZT → 116680050n. A negative zero
 * (`-0`, `-0.00`) is refused.
 */
export function parseMinorUnits(
  text: string,
  currency: CurrencyCode,
  options: ParseDecimalOptions = {},
): Result<bigint> {
  // The plain form formatMinor writes ("-1234.50"): read straight (a filing's lint reads one per line).
  const plain = PLAIN.exec(text);
  if (plain && (options.decimalSeparator ?? 'auto') !== ',') {
    const fraction = plain[3] ?? '';
    const digits = minorUnits(currency);
    const minor = BigInt(plain[2] + fraction.padEnd(digits, '0'));
    if (fraction.length <= digits && !(plain[1] === '-' && minor === 0n))
      return ok(plain[1] === '-' ? -minor : minor);
  }
  const field = options.field ?? 'amount';
  const sep = options.decimalSeparator ?? 'auto';
  const fail = (why: string) =>
    err(domainError('AMOUNT_INVALID', `${field}: "${quoteValue(text)}" ${why}`, { field }));
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '') return fail('is not an amount');
  let decimalChar: string | null = null;
  if (sep === 'auto') {
    const dots = s.split('.').length - 1;
    const commas = s.split(',').length - 1;
    if (dots + commas > 1) return fail('has more than one decimal separator');
    decimalChar = dots === 1 ? '.' : commas === 1 ? ',' : null;
  } else {
    decimalChar = s.includes(sep) ? sep : null;
    const other = sep === '.' ? ',' : '.';
    if (s.includes(other)) s = s.split(other).join('');
  }
  const [whole = '', fraction = '', ...rest] = decimalChar ? s.split(decimalChar) : [s];
  if (rest.length > 0) return fail('has more than one decimal separator');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '')
    return fail('is not an amount');
  const digits = minorUnits(currency);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) return fail(`has more than ${digits} decimal places for ${currency}`);
  const minor = BigInt((whole || '0') + fraction.padEnd(digits, '0').slice(0, digits));
  // "-0" says money moved one way and none moved: a sign on nothing is a broken amount, not zero.
  if (negative && minor === 0n) return fail('is a negative zero');
  return ok(negative ? -minor : minor);
}

/** Parses an amount and its currency code together. */
export function parseMoney(
  amount: string,
  currencyCode: string,
  options: ParseDecimalOptions = {},
): Result<Money> {
  const c = parseCurrency(currencyCode, options.field ? `${options.field}.currency` : 'currency');
  if (!c.ok) return c;
  const m = parseMinorUnits(amount, c.value, options);
  return m.ok ? ok(money(m.value, c.value)) : m;
}

/** Minor units as a plain decimal string: 116680050n KZT → "1166800.50". */
export function formatMinor(minor: bigint, currency: CurrencyCode): string {
  const digits = minorUnits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

export function formatMoney(m: Money): string {
  return `${formatMinor(m.minor, m.currency)} ${m.currency}`;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`addMoney: ${a.currency} and ${b.currency}`);
  return money(a.minor + b.minor, a.currency);
}

/** Divides with rounding half away from zero (for currency conversion). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('divRound: division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}
