import type { Locale } from '@civic/core';

/** The BCP 47 tag Intl uses for each interface language. */
export const INTL_TAG: Readonly<Record<Locale, string>> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

/** A calendar date (YYYY-MM-DD) in the language's long form, without time-zone drift. */
export function formatDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

/** A moment (ISO timestamp) with date and time in the viewer's time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(locale: Locale, value: number | bigint): string {
  return new Intl.NumberFormat(INTL_TAG[locale]).format(value);
}

/**
 * Money from integer minor units (bigint, number or decimal string as the API sends it) and an
 * ISO 4217 code, without going through a float: the minor units become a decimal string that
 * Intl formats exactly.
 */
export function formatMoney(locale: Locale, minor: bigint | number | string, currency: string): string {
  const nf = new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const units = BigInt(minor);
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const decimal = digits > 0 ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return nf.format(`${negative ? '-' : ''}${decimal}` as `${number}`);
}

/** Money given as exact decimal text ("2500000.00", as the API sends it) with its currency. */
export function formatDecimalMoney(locale: Locale, decimal: string, currency: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(decimal)) return `${decimal} ${currency}`;
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency }).format(
    decimal as `${number}`,
  );
}
