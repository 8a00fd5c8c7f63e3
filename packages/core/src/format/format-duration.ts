import type { Locale } from '../locale.ts';

export interface Duration {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

type Unit = 'years' | 'months' | 'weeks' | 'days';
const UNITS: readonly Unit[] = ['years', 'months', 'weeks', 'days'];

/** Russian nouns after a number: one (1, 21), few (2–4, 22–24), many (5–20, 25…). */
const RU: Readonly<Record<Unit, readonly [string, string, string]>> = {
  years: ['год', 'года', 'лет'],
  months: ['месяц', 'месяца', 'месяцев'],
  weeks: ['неделя', 'недели', 'недель'],
  days: ['день', 'дня', 'дней'],
};
/** Kazakh nouns stay singular after a number («3 ай»). */
const KK: Readonly<Record<Unit, string>> = { years: 'жыл', months: 'ай', weeks: 'апта', days: 'күн' };
const EN: Readonly<Record<Unit, readonly [string, string]>> = {
  years: ['year', 'years'],
  months: ['month', 'months'],
  weeks: ['week', 'weeks'],
  days: ['day', 'days'],
};

/** The Russian plural form for an integer: 0 one, 1 few, 2 many. */
export function russianPluralIndex(n: number): 0 | 1 | 2 {
  const abs = Math.abs(Math.trunc(n));
  const ten = abs % 10;
  const hundred = abs % 100;
  if (ten === 1 && hundred !== 11) return 0;
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return 1;
  return 2;
}

/** A count with its noun: ru «3 месяца», kk «3 ай», en "3 months". */
export function formatUnitCount(locale: Locale, unit: Unit, n: number): string {
  switch (locale) {
    case 'ru':
      return `${n}\u00a0${RU[unit][russianPluralIndex(n)]}`;
    case 'kk':
      return `${n}\u00a0${KK[unit]}`;
    case 'en':
      return `${n}\u00a0${EN[unit][n === 1 ? 0 : 1]}`;
  }
}

const AND: Readonly<Record<Locale, string>> = { en: ' and ', ru: ' и ', kk: ' және ' };

/** A length of time in words: ru «1 год и 2 месяца», kk «1 жыл және 2 ай», en "2 months". */
export function formatDuration(locale: Locale, duration: Duration): string {
  const words = UNITS.filter((u) => (duration[u] ?? 0) !== 0).map((u) =>
    formatUnitCount(locale, u, duration[u] ?? 0),
  );
  if (words.length === 0) return formatUnitCount(locale, 'days', 0);
  if (words.length === 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')}${AND[locale]}${words[words.length - 1] ?? ''}`;
}

const ISO_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Reads an ISO 8601 period of days, weeks, months and years ("P2M", "P1Y6M"); null otherwise. */
export function parseIsoPeriod(text: string): Duration | null {
  const m = ISO_PERIOD.exec(text);
  if (!m || text === 'P') return null;
  const n = (s: string | undefined): number => (s ? Number(s) : 0);
  return { years: n(m[1]), months: n(m[2]), weeks: n(m[3]), days: n(m[4]) };
}

/** An ISO period ("P2M") in words («2 месяца»); text that is not one comes back as it is. */
export function formatIsoPeriod(locale: Locale, text: string): string {
  const d = parseIsoPeriod(text);
  return d ? formatDuration(locale, d) : text;
}

const WORKING_RU: readonly [string, string, string] = ['рабочий день', 'рабочих дня', 'рабочих дней'];

/** A count of days, working or calendar: ru «10 рабочих дней», kk «10 жұмыс күні», en "10 working days". */
export function formatDayCount(locale: Locale, n: number, kind: 'working-days' | 'calendar-days'): string {
  if (kind === 'calendar-days') return formatUnitCount(locale, 'days', n);
  switch (locale) {
    case 'ru':
      return `${n}\u00a0${WORKING_RU[russianPluralIndex(n)]}`;
    case 'kk':
      return `${n}\u00a0жұмыс күні`;
    case 'en':
      return `${n}\u00a0working ${n === 1 ? 'day' : 'days'}`;
  }
}
