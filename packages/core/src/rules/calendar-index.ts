import { addDays, calendarDate, isoWeekday } from '../calendar-date.ts';
import { WEEKDAYS, type CalendarYear, type WorkingCalendar } from './calendar.schema.ts';
import { localText, type LocalText } from './local-text.ts';

/** What a listed date is on the calendar: worked despite a weekend, or off despite a weekday. */
export interface DayEntry {
  readonly working: boolean;
  readonly reason: string;
  readonly verified: boolean;
  /** Why the entry is unverified, in the pack's languages. */
  readonly note?: LocalText | undefined;
  /** The holiday's name in the pack's languages, when the day is off for a holiday (or moved for one). */
  readonly holiday?: LocalText | undefined;
  /** True on a moved day off: the next working day off for a holiday that fell on a day off. */
  readonly moved?: boolean | undefined;
}

export interface CalendarIndex {
  readonly weekendDays: ReadonlySet<number>;
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly entries: ReadonlyMap<string, DayEntry>;
}

/** "Saturday" for ISO weekday 6. */
export function weekdayName(isoDay: number): string {
  const name = WEEKDAYS[isoDay - 1] ?? 'unknown';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const cache = new WeakMap<WorkingCalendar, CalendarIndex>();

/**
 * Indexes a calendar by date. Precedence when lists overlap: a transfer's working day is worked
 * (it may undo a moved day off, as in 2020 where Mon 11 May gave its day to Fri 8 May); then a
 * transfer day off; then a holiday; then a moved day off.
 */
export function indexCalendar(calendar: WorkingCalendar): CalendarIndex {
  const cached = cache.get(calendar);
  if (cached) return cached;
  const entries = new Map<string, DayEntry>();
  const years = new Map<number, CalendarYear>();
  const put = (date: string, entry: DayEntry): void => {
    if (!entries.has(date)) entries.set(date, entry);
  };
  for (const y of calendar.years) {
    years.set(y.year, y);
    const v = (own: boolean | undefined): boolean => y.status.verified && own !== false;
    for (const t of y.transfers)
      put(t.workingDay, {
        working: true,
        reason: `working day: transfer to ${t.dayOff} (${t.instrument})`,
        verified: v(t.verified),
        note: t.note,
      });
    for (const t of y.transfers)
      put(t.dayOff, {
        working: false,
        reason: `transfer day off from ${t.workingDay}`,
        verified: v(t.verified),
        note: t.note,
      });
    for (const h of y.holidays)
      put(h.date, {
        working: false,
        reason: `holiday: ${localText(h.name, 'en')}`,
        verified: v(h.verified),
        note: h.note,
        holiday: h.name,
      });
    for (const m of y.movedDaysOff) {
      put(m.date, {
        working: false,
        reason: `moved day off for ${m.for} (${weekdayName(isoWeekday(m.for))})`,
        verified: v(m.verified),
        note: m.note,
        holiday: y.holidays.find((h) => h.date === m.for)?.name,
        moved: true,
      });
    }
  }
  const weekendDays = new Set(calendar.weekends.map((w) => WEEKDAYS.indexOf(w) + 1));
  const index: CalendarIndex = { weekendDays, years, entries };
  cache.set(calendar, index);
  return index;
}

/** Working days of one listed year by its lists (for the pack's self-check against `expectedWorkingDays`). */
export function countWorkingDays(calendar: WorkingCalendar, year: number): number {
  const index = indexCalendar(calendar);
  let count = 0;
  const prefix = String(year).padStart(4, '0');
  for (let d = calendarDate(`${prefix}-01-01`); d.startsWith(prefix); d = addDays(d, 1)) {
    const entry = index.entries.get(d);
    const working = entry ? entry.working : !index.weekendDays.has(isoWeekday(d));
    if (working) count += 1;
  }
  return count;
}
