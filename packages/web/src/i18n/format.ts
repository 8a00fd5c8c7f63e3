import {
  formatDateTime as formatMoment,
  formatDecimalMoney as formatDecimalMoneyIn,
  formatLongDate,
  formatMinorMoney,
  formatNumber as formatNumberIn,
  type Locale,
} from '@civic/core';

/*
 * The web app's dates, numbers and money all go through core's formatter, which carries its own
 * month names and separators: browsers without Kazakh locale data print «2025 жылғы 20 желтоқсан»
 * and «18 531 600,00 ₸», never "2025 M12 20" or "KZT 18,531,600.00".
 */

/** A calendar date (YYYY-MM-DD) in the language's long form, without time-zone drift. */
export function formatDate(locale: Locale, isoDate: string): string {
  return formatLongDate(locale, isoDate);
}

/** A moment (ISO timestamp) with date and time in the viewer's time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return formatMoment(locale, { date, hour: at.getHours(), minute: at.getMinutes() });
}

export function formatNumber(locale: Locale, value: number | bigint): string {
  return formatNumberIn(locale, value);
}

/** Money from integer minor units (bigint, number or decimal string as the API sends it). */
export function formatMoney(locale: Locale, minor: bigint | number | string, currency: string): string {
  return formatMinorMoney(locale, minor, currency);
}

/** Money given as exact decimal text ("2500000.00", as the API sends it) with its currency. */
export function formatDecimalMoney(locale: Locale, decimal: string, currency: string): string {
  return formatDecimalMoneyIn(locale, decimal, currency);
}
