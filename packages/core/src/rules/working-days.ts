import { addDays, isoWeekday, yearOf, type CalendarDate } from '../calendar-date.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import { indexCalendar, weekdayName } from './calendar-index.ts';
import type { RulePack } from './rule-pack.schema.ts';
import { localText, type LocalText } from './local-text.ts';

/** How a day is classed. `covered` is false outside the pack's listed years (weekends only were applied). */
export interface DayStatus {
  readonly date: CalendarDate;
  readonly working: boolean;
  /** Why the day is not a working day ("Saturday", "holiday: <name>", "moved day off for …"); null when it is one. */
  readonly reason: string | null;
  readonly covered: boolean;
  /** false when the class rests on an unverified calendar entry or year, or the year is not covered. */
  readonly verified: boolean;
}

/** What to do with a day outside the calendar's listed years; defaults to the pack's `calendar.uncoveredYears`. */
export interface CalendarOptions {
  readonly uncovered?: 'error' | 'weekends-only';
}

export interface SkippedDay {
  readonly date: CalendarDate;
  readonly reason: string;
}

export interface WorkingDaysResult {
  readonly due: CalendarDate;
  /** The working days counted, in order; the last is `due`. */
  readonly counted: CalendarDate[];
  /** The days passed over between the event and `due`, with the reason each is not a working day. */
  readonly skipped: SkippedDay[];
  readonly verified: boolean;
  readonly notes: string[];
}

/**
 * Classes one day by the pack's calendar. Never fails: a day outside the listed years is classed by
 * weekends alone with `covered: false, verified: false`.
 */
export function isWorkingDay(pack: RulePack, date: CalendarDate): DayStatus {
  const index = indexCalendar(pack.calendar);
  const year = index.years.get(yearOf(date));
  const weekday = isoWeekday(date);
  const weekend = index.weekendDays.has(weekday);
  if (!year)
    return {
      date,
      working: !weekend,
      reason: weekend ? weekdayName(weekday) : null,
      covered: false,
      verified: false,
    };
  const entry = index.entries.get(date);
  if (entry)
    return {
      date,
      working: entry.working,
      reason: entry.working ? null : entry.reason,
      covered: true,
      verified: entry.verified,
    };
  return {
    date,
    working: !weekend,
    reason: weekend ? weekdayName(weekday) : null,
    covered: true,
    verified: year.status.verified,
  };
}

export function calendarNotCovered(pack: RulePack, date: CalendarDate): Result<never> {
  const years = pack.calendar.years.map((y) => y.year);
  const span = years.length > 0 ? `${Math.min(...years)}–${Math.max(...years)}` : 'no years';
  return err(
    domainError(
      'RULE_CALENDAR_NOT_COVERED',
      `the ${pack.id} working-day calendar covers ${span}; ${date} is outside it`,
      {
        field: 'date',
        details: { pack: pack.id, date },
      },
    ),
  );
}

/** Notes for a result that rests on unverified or uncovered days. */
export function calendarNotes(pack: RulePack, days: readonly DayStatus[]): string[] {
  const notes: string[] = [];
  const uncovered = [...new Set(days.filter((d) => !d.covered).map((d) => yearOf(d.date)))];
  if (uncovered.length > 0)
    notes.push(`unverified: no ${pack.id} calendar for ${uncovered.join(', ')}; counted with weekends only`);
  const index = indexCalendar(pack.calendar);
  for (const y of [...new Set(days.filter((d) => d.covered).map((d) => yearOf(d.date)))]) {
    const year = index.years.get(y);
    if (year && !year.status.verified)
      notes.push(
        `unverified: the ${y} calendar${year.status.note ? ` (${localText(year.status.note, 'en')})` : ''}`,
      );
  }
  for (const d of days) {
    const entry = index.entries.get(d.date);
    if (d.covered && entry && !entry.verified && index.years.get(yearOf(d.date))?.status.verified) {
      notes.push(
        `unverified: ${d.date} ${entry.working ? 'is worked' : `is a day off (${entry.reason})`}${entry.note ? `: ${localText(entry.note, 'en')}` : ''}`,
      );
    }
  }
  return notes;
}

/**
 * Counts `n` working days from the day after `from`: the due day is the nth working day. Fails
 * with `RULE_CALENDAR_NOT_COVERED` when a day to be counted lies outside the calendar's years,
 * unless `uncovered` is `weekends-only` (then the result is flagged unverified).
 */
export function addWorkingDays(
  pack: RulePack,
  from: CalendarDate,
  n: number,
  options: CalendarOptions = {},
): Result<WorkingDaysResult> {
  if (!Number.isInteger(n) || n < 0)
    return err(
      domainError('RULE_DAYS_INVALID', `working days must be a whole number ≥ 0, not ${n}`, {
        field: 'days',
      }),
    );
  const mode = options.uncovered ?? pack.calendar.uncoveredYears;
  const counted: CalendarDate[] = [];
  const skipped: SkippedDay[] = [];
  const seen: DayStatus[] = [];
  let day = from;
  while (counted.length < n) {
    day = addDays(day, 1);
    const status = isWorkingDay(pack, day);
    if (!status.covered && mode === 'error') return calendarNotCovered(pack, day);
    seen.push(status);
    if (status.working) counted.push(day);
    else skipped.push({ date: day, reason: status.reason ?? 'day off' });
  }
  return ok({
    due: counted[counted.length - 1] ?? from,
    counted,
    skipped,
    verified: seen.every((s) => s.verified),
    notes: calendarNotes(pack, seen),
  });
}

/** The first working day on or after `date` (for a period that ends on a day off), with the days passed over. */
export function nextWorkingDay(
  pack: RulePack,
  date: CalendarDate,
  options: CalendarOptions = {},
): Result<WorkingDaysResult> {
  const mode = options.uncovered ?? pack.calendar.uncoveredYears;
  const skipped: SkippedDay[] = [];
  const seen: DayStatus[] = [];
  for (let day = date; ; day = addDays(day, 1)) {
    const status = isWorkingDay(pack, day);
    if (!status.covered && mode === 'error') return calendarNotCovered(pack, day);
    seen.push(status);
    if (status.working)
      return ok({
        due: day,
        counted: [day],
        skipped,
        verified: seen.every((s) => s.verified),
        notes: calendarNotes(pack, seen),
      });
    skipped.push({ date: day, reason: status.reason ?? 'day off' });
    if (skipped.length > 366)
      throw new Error(`no working day within a year of ${date}: the calendar has no working days`);
  }
}

/**
 * The holiday a listed day off is for, in the pack's languages («Наурыз мейрамы»), and whether
 * the day is the holiday's moved day off; undefined for any other day.
 */
export function holidayOn(
  pack: RulePack,
  date: CalendarDate,
): { readonly name: LocalText; readonly moved: boolean } | undefined {
  const entry = indexCalendar(pack.calendar).entries.get(date);
  return entry?.holiday === undefined || entry.working
    ? undefined
    : { name: entry.holiday, moved: entry.moved === true };
}

/**
 * The pack's notes on the unverified calendar years and entries among `dates`, in the pack's
 * languages (the reader's is picked with `localText`): what `calendarNotes` says in English for
 * the JSON, as the pack words it for a reader.
 */
export function calendarCaveats(pack: RulePack, dates: readonly CalendarDate[]): LocalText[] {
  const index = indexCalendar(pack.calendar);
  const out: LocalText[] = [];
  const add = (note: LocalText | undefined): void => {
    if (note !== undefined && !out.includes(note)) out.push(note);
  };
  for (const date of dates) {
    const year = index.years.get(yearOf(date));
    if (year && !year.status.verified) add(year.status.note);
    const entry = index.entries.get(date);
    if (year && entry && !entry.verified) add(entry.note);
  }
  return out;
}
