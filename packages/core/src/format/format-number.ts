import type { Locale } from '../locale.ts';
import { minorUnits, parseCurrency } from '../currency.ts';

/** Thousands are grouped with a non-breaking space in ru and kk («1 485»), a comma in en. */
const GROUP: Readonly<Record<Locale, string>> = { en: ',', ru: '\u00a0', kk: '\u00a0' };
const DECIMAL: Readonly<Record<Locale, string>> = { en: '.', ru: ',', kk: ',' };
const NBSP = '\u00a0';

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

function group(locale: Locale, digits: string): string {
  // Four-digit numbers are grouped too (1 485 km, as the glossary writes them).
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[locale]);
}

/**
 * Exact decimal text ("-1166800.5") in the language's separators, never through a float:
 * ru «-1 166 800,5». Text that is not a decimal comes back as it is.
 */
export function formatDecimalText(locale: Locale, decimal: string): string {
  const match = DECIMAL_TEXT.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign = '', whole = '0', fraction] = match;
  const body = group(locale, whole.replace(/^0+(?=\d)/, ''));
  return `${sign}${body}${fraction ? DECIMAL[locale] + fraction : ''}`;
}

export interface NumberOptions {
  /** Digits after the decimal point at most (default 2); trailing zeros are dropped. */
  readonly maximumFractionDigits?: number;
  /** Digits after the decimal point at least (default 0). */
  readonly minimumFractionDigits?: number;
}

/** A number or a bigint in the language's separators: en "1,485", ru and kk «1 485», «2,4». */
export function formatNumber(locale: Locale, value: number | bigint, options: NumberOptions = {}): string {
  if (typeof value === 'bigint') return formatDecimalText(locale, value.toString());
  if (!Number.isFinite(value)) return String(value);
  const max = options.maximumFractionDigits ?? 2;
  const min = Math.min(options.minimumFractionDigits ?? 0, max);
  // toFixed is exact decimal rounding of the double and uses no locale data.
  let text = Math.abs(value).toFixed(max);
  if (max > min) text = text.replace(new RegExp(`0{1,${max - min}}$`), '').replace(/\.$/, '');
  const negative = value < 0 && /[1-9]/.test(text);
  return formatDecimalText(locale, `${negative ? '-' : ''}${text}`);
}

/** A percentage of a number already in per cent: en "2.4%", ru and kk «2,4 %». */
export function formatPercent(locale: Locale, percent: number, maximumFractionDigits = 1): string {
  const n = formatNumber(locale, percent, { maximumFractionDigits });
  return locale === 'en' ? `${n}%` : `${n}${NBSP}%`;
}

/** A distance in kilometres, rounded: en "1,485 km", ru «1 485 км», kk «1 485 км». */
export function formatKilometres(locale: Locale, km: number): string {
  return `${formatNumber(locale, Math.round(km), { maximumFractionDigits: 0 })}${NBSP}${locale === 'en' ? 'km' : 'км'}`;
}

/**
 * Currency signs printed instead of the code. Any other currency prints its ISO code, which is
 * what Kazakh bank statements and reports use.
 */
const SIGNS: Readonly<Record<string, { readonly en: string; readonly local: string }>> = {
  KZT: { en: '₸', local: '₸' },
  USD: { en: 'US$', local: '$' },
  EUR: { en: '€', local: '€' },
  GBP: { en: '£', local: '£' },
  RUB: { en: 'RUB ', local: '₽' },
  INR: { en: '₹', local: '₹' },
  GEL: { en: '₾', local: '₾' },
};

/**
 * Money as exact decimal text and its ISO 4217 code: ru and kk «18 531 600,00 ₸» (sign after, with
 * a non-breaking space), en "₸18,531,600.00", "CHF 1,000.00". Minor digits are padded to the
 * currency's minor unit.
 */
export function formatDecimalMoney(locale: Locale, decimal: string, currency: string): string {
  const match = DECIMAL_TEXT.exec(decimal.trim());
  if (!match) return `${decimal} ${currency}`;
  const digits = knownMinorUnits(currency);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const padded = fraction.length < digits ? fraction.padEnd(digits, '0') : fraction;
  const amount = formatDecimalText(locale, `${whole}${padded ? `.${padded}` : ''}`);
  const signs = SIGNS[currency];
  if (locale === 'en') {
    const prefix = signs ? signs.en : `${currency}${NBSP}`;
    return `${sign}${prefix}${amount}`;
  }
  return `${sign}${amount}${NBSP}${signs ? signs.local : currency}`;
}

/** Money from integer minor units (bigint, number or the API's decimal text of them). */
export function formatMinorMoney(locale: Locale, minor: bigint | number | string, currency: string): string {
  const units = BigInt(minor);
  const digits = knownMinorUnits(currency);
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const decimal = digits > 0 ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return formatDecimalMoney(locale, `${negative ? '-' : ''}${decimal}`, currency);
}

function knownMinorUnits(currency: string): number {
  const code = parseCurrency(currency);
  return code.ok ? minorUnits(code.value) : 2;
}
