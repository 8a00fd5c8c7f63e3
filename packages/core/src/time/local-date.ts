import { fromEpochDay, type CalendarDate } from '../calendar-date.ts';
import type { TimeZone } from '../rules/time-zone.schema.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The UTC offset in minutes in force at an instant (epoch milliseconds) in a zone's table. */
export function utcOffsetMinutesAt(instantMs: number, zone: TimeZone): number {
  let offset = zone.offsets[0]?.utcOffset ?? '+00:00';
  for (const o of zone.offsets) {
    if (Date.parse(o.from) <= instantMs) offset = o.utcOffset;
    else break;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}

/**
 * The calendar date at an instant in a zone: the legal "today". Pure (the instant is passed in)
 * and independent of the platform's time-zone data (the zone's offsets are the pack's data).
 * Example: 2025-12-19T19:30:00Z in Asia/Almaty (+05:00) is 2025-12-20.
 */
export function localDateAt(instant: Date | number, zone: TimeZone): CalendarDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = ms + utcOffsetMinutesAt(ms, zone) * MINUTE;
  return fromEpochDay(Math.floor(local / DAY));
}

/** "Today" for a pack's legal computations: the date at `instant` in the pack's time zone. */
export function packToday(pack: { readonly timeZone: TimeZone }, instant: Date | number): CalendarDate {
  return localDateAt(instant, pack.timeZone);
}
