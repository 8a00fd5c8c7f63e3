import { calendarDate, type CalendarDate } from '../calendar-date.ts';
import type { TimeZone } from '../rules/time-zone.schema.ts';
import { utcOffsetMinutesAt } from '../time/local-date.ts';

/** A moment as seen on a wall clock in one time zone: its calendar day and minutes since midnight. */
export interface LocalTime {
  readonly date: CalendarDate;
  readonly minutes: number;
}

/**
 * The calendar day and time of day of `instant` in the pack's time zone, so that "today" for a due
 * day is the jurisdiction's day, never the UTC date. The zone's offsets are data from the pack (see
 * time/local-date.ts): no dependence on the platform's time-zone database.
 */
export function localTimeIn(instant: Date, zone: TimeZone): LocalTime {
  const ms = instant.getTime() + utcOffsetMinutesAt(instant.getTime(), zone) * 60_000;
  const d = new Date(ms);
  return {
    date: calendarDate(d.toISOString().slice(0, 10)),
    minutes: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

/** `HH:MM` (24-hour) to minutes since midnight; null when it is not such a time. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The instant at which the wall clock in the pack's zone shows `minutes` after midnight on `date`
 * (the CLI's `--as-of DATE` is read as that day at a time in the pack's zone, never as a UTC day).
 */
export function instantAt(date: CalendarDate, minutes: number, zone: TimeZone): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const seen = localTimeIn(new Date(guess), zone);
  const dayDiff = (Date.parse(`${seen.date}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  const drift = dayDiff * 1440 + seen.minutes - minutes;
  return new Date(guess - drift * 60_000);
}
