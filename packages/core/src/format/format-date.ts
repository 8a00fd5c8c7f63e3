import type { Locale } from '../locale.ts';
import { MONTH_WORDS, MONTH_WORDS_SHORT, WEEKDAY_WORDS } from './format-words.ts';
import { kazakhCase, type KazakhCase } from './kazakh-case.ts';

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

/**
 * The role a date plays in a phrase, so that each language puts it in the right case:
 * `until` (ru «до 25 января 2021 г.», kk «2021 жылғы 25 қаңтарға дейін», en "until 25 January 2021"),
 * `to` (the dative: «к 25 января 2021 г.», «2021 жылғы 25 қаңтарға», "to 25 January 2021"),
 * `on` («25 января 2021 г.», «2021 жылғы 25 қаңтарда», "on 25 January 2021"),
 * `of` (a document dated so: «от 25 января 2021 г.», «2021 жылғы 25 қаңтардағы», "of 25 January 2021"),
 * `from` («с 25 января 2021 г.», «2021 жылғы 25 қаңтардан», "from 25 January 2021").
 */
export const DATE_CASES = ['until', 'to', 'on', 'of', 'from'] as const;
export type DateCase = (typeof DATE_CASES)[number];

export const isDateCase = (text: string): text is DateCase =>
  (DATE_CASES as readonly string[]).includes(text);

const KAZAKH_CASE_OF: Readonly<Record<DateCase, KazakhCase>> = {
  until: 'dative',
  to: 'dative',
  on: 'locative',
  of: 'attributive',
  from: 'ablative',
};
const RUSSIAN_PREPOSITION: Readonly<Record<DateCase, string>> = {
  until: 'до ',
  to: 'к ',
  on: '',
  of: 'от ',
  from: 'с ',
};
const ENGLISH_PREPOSITION: Readonly<Record<DateCase, string>> = {
  until: 'until ',
  to: 'to ',
  on: 'on ',
  of: 'of ',
  from: 'from ',
};

/**
 * A calendar date in the long form, in the case its role in the phrase asks for (`DateCase`):
 * Kazakh declines the month by vowel harmony (`kazakhCase`) and adds «дейін» for `until`; Russian
 * and English put a preposition first. Text that is not a date comes back as it is. Pure.
 *
 * @example formatDateCase('kk', '2021-04-10', 'to') // '2021 жылғы 10 сәуірге'
 */
export function formatDateCase(
  locale: Locale,
  isoDate: string,
  dateCase: DateCase,
  options: LongDateOptions = {},
): string {
  const p = parts(isoDate);
  if (!p) return isoDate;
  switch (locale) {
    case 'kk': {
      const month = kazakhCase(MONTH_WORDS.kk.genitive[p.m - 1] ?? '', KAZAKH_CASE_OF[dateCase]);
      return `${p.y} жылғы ${p.d} ${month}${dateCase === 'until' ? ' дейін' : ''}`;
    }
    case 'ru':
      return `${RUSSIAN_PREPOSITION[dateCase]}${formatLongDate('ru', isoDate, options)}`;
    case 'en':
      return `${ENGLISH_PREPOSITION[dateCase]}${formatLongDate('en', isoDate)}`;
  }
}
