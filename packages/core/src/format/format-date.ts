import type { Locale } from '../locale.ts';
import { MONTH_WORDS, MONTH_WORDS_SHORT, WEEKDAY_WORDS } from './format-words.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function parts(isoDate: string): { y: number; m: number; d: number } | null {
  const match = ISO_DAY.exec(isoDate);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { y, m, d } : null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export interface LongDateOptions {
  /** Russian documents write «года» in full («20 декабря 2025 года»); pages use «г.». */
  readonly document?: boolean;
}

/**
 * A calendar date (YYYY-MM-DD, anything after the day ignored) in the language's long form:
 * en "20 December 2025", ru «20 декабря 2025 г.», kk «2025 жылғы 20 желтоқсан».
 * Pure: no Intl, no time zone. Text that is not a date comes back as it is.
 */
export function formatLongDate(locale: Locale, isoDate: string, options: LongDateOptions = {}): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  const month = MONTH_WORDS[locale].genitive[p.m - 1] ?? '';
  switch (locale) {
    case 'kk':
      return `${p.y} жылғы ${p.d} ${month}`;
    case 'ru':
      return `${p.d} ${month} ${p.y} ${options.document ? 'года' : 'г.'}`;
    case 'en':
      return `${p.d} ${month} ${p.y}`;
  }
}

/** A date in a table cell: en "20 Dec 2025", ru and kk «20.12.2025». */
export function formatShortDate(locale: Locale, isoDate: string): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  if (locale === 'en') return `${p.d} ${MONTH_WORDS_SHORT.en[p.m - 1] ?? ''} ${p.y}`;
  return `${pad2(p.d)}.${pad2(p.m)}.${p.y}`;
}

/** A day and month without the year (a chart's axis): en "20 Dec", ru «20 дек.», kk «20 жел.». */
export function formatDayMonth(locale: Locale, isoDate: string): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  return `${p.d} ${MONTH_WORDS_SHORT[locale][p.m - 1] ?? ''}`;
}

/** A calendar's heading: en "December 2025", ru «декабрь 2025 г.», kk «2025 жылғы желтоқсан». */
export function formatMonthYear(locale: Locale, year: number, month: number): string {
  const name = formatMonthName(locale, month);
  switch (locale) {
    case 'kk':
      return `${year} жылғы ${name}`;
    case 'ru':
      return `${name} ${year} г.`;
    case 'en':
      return `${name} ${year}`;
  }
}

/** The month's name (1 = January) as it stands alone: «декабрь», «желтоқсан». */
export function formatMonthName(locale: Locale, month: number): string {
  return MONTH_WORDS[locale].standalone[month - 1] ?? String(month);
}

/** The weekday's name, ISO numbering (1 = Monday … 7 = Sunday). */
export function formatWeekday(locale: Locale, isoWeekday: number, width: 'long' | 'short' = 'long'): string {
  return WEEKDAY_WORDS[locale][width][isoWeekday - 1] ?? String(isoWeekday);
}

/**
 * A moment as the viewer reads it, from its local parts (the caller turns the timestamp into the
 * viewer's date, hour and minute; this never reads a time zone): ru «20 декабря 2025 г., 14:05».
 */
export function formatDateTime(
  locale: Locale,
  moment: { readonly date: string; readonly hour: number; readonly minute: number },
): string {
  return `${formatLongDate(locale, moment.date)}, ${pad2(moment.hour)}:${pad2(moment.minute)}`;
}
