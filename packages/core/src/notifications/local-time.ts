import { calendarDate, type CalendarDate } from '../calendar-date.ts';

/** A moment as seen on a wall clock in one time zone: its calendar day and minutes since midnight. */
export interface LocalTime {
  readonly date: CalendarDate;
  readonly minutes: number;
}

/**
 * The calendar day and time of day of `instant` in the IANA `timeZone` (the pack's), so that
 * "today" for a due day is the jurisdiction's day, never the UTC date. Uses the platform's time-zone
 * rules (no locale text). An unknown zone falls back to UTC.
 */
export function localTimeIn(instant: Date, timeZone: string): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
  } catch {
    return localTimeIn(instant, 'UTC');
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: calendarDate(`${get('year')}-${get('month')}-${get('day')}`),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** `HH:MM` (24-hour) to minutes since midnight; null when it is not such a time. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight on `date` (the
 * CLI's `--as-of DATE` is read as that day at a time in the pack's zone, never as a UTC day).
 */
export function instantAt(date: CalendarDate, minutes: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const seen = localTimeIn(new Date(guess), timeZone);
  const dayDiff = (Date.parse(`${seen.date}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  const drift = dayDiff * 1440 + seen.minutes - minutes;
  return new Date(guess - drift * 60_000);
}
