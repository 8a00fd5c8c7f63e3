import { addDays, addMonths, type CalendarDate } from '../calendar-date.ts';

/** An ISO 8601 period of whole years, months, weeks and days (`P2M`, `P10D`, `P1Y6M`), validated. */
export type IsoPeriod = string & { readonly __brand: 'IsoPeriod' };

export interface PeriodParts {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The years, months and days of a period (weeks counted as 7 days); null when it is not one. */
export function periodParts(text: string): PeriodParts | null {
  const m = PERIOD.exec(text);
  if (!m || text === 'P') return null;
  const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
  return { years: n(m[1]), months: n(m[2]), days: n(m[3]) * 7 + n(m[4]) };
}

export function isIsoPeriod(text: string): text is IsoPeriod {
  return periodParts(text) !== null;
}

/** Reads a period given in code (throws on a malformed literal: a bug, not input). */
export function isoPeriod(text: string): IsoPeriod {
  if (!isIsoPeriod(text)) throw new Error(`not an ISO 8601 period: ${text}`);
  return text;
}

/**
 * Adds a period to a date: years and months first, then days. A period in months ends on the same
 * day-number of the last month, or on that month's last day when it has none (31 Jan + P1M =
 * 28/29 Feb; 29 Feb 2024 + P1Y = 28 Feb 2025). Never moves the result to a working day: see
 * `periodEnd` for the pack's roll-forward setting.
 */
export function addPeriod(date: CalendarDate, period: IsoPeriod): CalendarDate {
  const parts = periodParts(period);
  if (parts === null) throw new Error(`not an ISO 8601 period: ${period}`);
  return addDays(addMonths(date, parts.years * 12 + parts.months), parts.days);
}
