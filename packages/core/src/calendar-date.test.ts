import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDate,
  daysBetween,
  fromEpochDay,
  isoWeekday,
  parseCalendarDate,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['2021-01-31', 1, '2021-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-04-10', 2, '2019-06-10'],
    ['2020-12-31', 2, '2021-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2021-03-31', -1, '2021-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(calendarDate(from), months)).toBe(expected);
  });

  it('knows weekdays', () => {
    expect(isoWeekday(calendarDate('2021-01-15'))).toBe(5);
    expect(isoWeekday(calendarDate('2020-11-26'))).toBe(4);
    expect(isoWeekday(calendarDate('1970-01-01'))).toBe(4);
  });

  it.each(['2021-02-29', '2021-13-01', '21-01-01', '2021-1-1', '2021-01-15T00:00'])('rejects %s', (text) => {
    expect(parseCalendarDate(text).ok).toBe(false);
  });

  it('day numbers round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = fromEpochDay(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(d);
        expect(daysBetween(fromEpochDay(0), d)).toBe(n);
        expect(addDays(d, 1) > d).toBe(true);
      }),
    );
  });
});
