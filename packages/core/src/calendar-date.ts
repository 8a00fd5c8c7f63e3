import { domainError, err, ok, type Result } from './result.ts';

/**
 * A day in law: an ISO `YYYY-MM-DD` string, branded so a plain string or a JS `Date` cannot stand
 * in for it. Legal days have no time zone; arithmetic is on the proleptic Gregorian calendar.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to the given civil date (H. Hinnant's algorithm). */
export function toEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number since 1970-01-01. */
export function fromEpochDay(epochDay: number): CalendarDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return makeDate(year, month, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function makeDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

/** Parses a strict ISO `YYYY-MM-DD` day that exists on the calendar. */
export function parseCalendarDate(text: string, field = 'date'): Result<CalendarDate> {
  const m = ISO_DATE.exec(text.trim());
  if (!m)
    return err(
      domainError('DATE_INVALID', `${field}: "${text}" is not a date in the form YYYY-MM-DD`, { field }),
    );
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(domainError('DATE_INVALID', `${field}: "${text}" is not a day on the calendar`, { field }));
  }
  return ok(makeDate(year, month, day));
}

/** Like parseCalendarDate but throws: only for literals in code and tests. */
export function calendarDate(text: string): CalendarDate {
  const r = parseCalendarDate(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function isCalendarDate(text: string): text is CalendarDate {
  return parseCalendarDate(text).ok;
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function epochDay(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return toEpochDay(year, month, day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return epochDay(b) - epochDay(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds calendar months. A period in months ends on the same day-number of the last month, or on
 * that month's last day when it has no such day (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The last day of the date's month. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

export function dateFromParts(year: number, month: number, day: number): Result<CalendarDate> {
  return parseCalendarDate(makeDate(year, month, day));
}
