import fc from 'fast-check';
import {
  addDays,
  calendarDate,
  daysBetween,
  fromEpochDay,
  epochDay,
  isoWeekday,
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  type RulePack,
} from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});
const d = calendarDate;

// The "Compact summary (for code)" of the shared kz-calendar notes, verbatim: weekdays off and
// weekend days worked, per year, with the working-day count of each year's "Check" line.
const SUMMARY = `
2016 working_days=245
  off:  01-01 01-04 01-07 03-07 03-08 03-21 03-22 03-23 05-02 05-09 05-10 07-06 08-30 09-12 12-01 12-16 12-19
  work: 03-05
2017 working_days=245
  off:  01-02 01-03 03-08 03-20 03-21 03-22 03-23 05-01 05-08 05-09 07-06 07-07 08-30 09-01 12-01 12-18 12-19
  work: 03-18 07-01
2018 working_days=246
  off:  01-01 01-02 03-08 03-09 03-21 03-22 03-23 04-30 05-01 05-07 05-08 05-09 07-06 08-21 08-30 08-31 12-03 12-17 12-18 12-31
  work: 03-03 04-28 05-05 08-25 12-29
2019 working_days=246
  off:  01-01 01-02 01-07 03-08 03-21 03-22 03-25 05-01 05-07 05-09 05-10 07-08 08-30 12-02 12-16 12-17
  work: 05-04
2020 working_days=246
  off:  01-01 01-02 01-03 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-08 07-06 07-31 08-31 12-01 12-16 12-17 12-18
  work: 01-05 12-20
2021 working_days=245
  off:  01-01 01-04 01-07 03-08 03-22 03-23 03-24 05-03 05-07 05-10 07-05 07-06 07-20 08-30 12-01 12-16 12-17
  work: 07-03
2022 working_days=246
  off:  01-03 01-04 01-07 03-07 03-08 03-21 03-22 03-23 05-02 05-09 05-10 07-06 08-29 08-30 10-24 10-25 12-16
  work: 03-05 08-27 10-22
2023 working_days=246
  off:  01-02 01-03 03-08 03-21 03-22 03-23 05-01 05-08 05-09 06-28 07-06 07-07 08-30 10-25 12-18
  work: 07-01
2024 working_days=249
  off:  01-01 01-02 03-08 03-21 03-22 03-25 05-01 05-07 05-08 05-09 07-08 08-30 10-25 12-16
  work: 05-04
2025 working_days=246
  off:  01-01 01-02 01-03 01-07 03-10 03-21 03-24 03-25 05-01 05-07 05-09 06-06 07-07 09-01 10-27 12-16
  work: 01-05
2026 working_days=247
  off:  01-01 01-02 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-11 05-27 07-06 10-26 12-16
  work: -
`;

interface YearSummary {
  year: number;
  workingDays: number;
  off: string[];
  work: string[];
}
function summary(): YearSummary[] {
  const out: YearSummary[] = [];
  for (const line of SUMMARY.split('\n').map((l) => l.trim())) {
    const head = /^(\d{4}) working_days=(\d+)$/.exec(line);
    const last = out[out.length - 1];
    if (head) out.push({ year: Number(head[1]), workingDays: Number(head[2]), off: [], work: [] });
    else if (last && line.startsWith('off:'))
      last.off = line
        .slice(4)
        .trim()
        .split(/\s+/)
        .map((md) => `${last.year}-${md}`);
    else if (last && line.startsWith('work:'))
      last.work = line
        .slice(5)
        .trim()
        .split(/\s+/)
        .filter((md) => md !== '-')
        .map((md) => `${last.year}-${md}`);
  }
  return out;
}

describe('kz working-day calendar 2016–2026', () => {
  it('covers exactly 2016–2026', () => {
    expect(kz.calendar.years.map((y) => y.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  // The working-day count of each year (kz-calendar.md, each year's "Check" line).
  it.each([
    [2016, 245],
    [2017, 245],
    [2018, 246],
    [2019, 246],
    [2020, 246],
    [2021, 245],
    [2022, 246],
    [2023, 246],
    [2024, 249],
    [2025, 246],
    [2026, 247],
  ])('%i has %i working days', (year, expected) => {
    expect(countWorkingDays(kz.calendar, year)).toBe(expected);
    expect(kz.calendar.years.find((y) => y.year === year)?.status.expectedWorkingDays).toBe(expected);
  });

  it.each(summary().map((s) => [s.year, s] as const))(
    '%i matches the compact summary day by day',
    (year, s) => {
      const offWeekdays: string[] = [];
      const workedWeekends: string[] = [];
      for (let day = d(`${year}-01-01`); day.startsWith(String(year)); day = addDays(day, 1)) {
        const weekend = isoWeekday(day) >= 6;
        const working = isWorkingDay(kz, day).working;
        if (!weekend && !working) offWeekdays.push(day);
        if (weekend && working) workedWeekends.push(day);
      }
      expect(offWeekdays).toEqual(s.off);
      expect(workedWeekends).toEqual(s.work);
      expect(countWorkingDays(kz.calendar, year)).toBe(s.workingDays);
    },
  );

  it('marks the years and entries that rest on unconfirmed facts', () => {
    expect(kz.calendar.years.filter((y) => !y.status.verified).map((y) => y.year)).toEqual([2026]);
    expect(isWorkingDay(kz, d('2019-05-04'))).toMatchObject({ working: true, verified: false }); // 2019 transfer [U]
    expect(isWorkingDay(kz, d('2019-05-10'))).toMatchObject({
      working: false,
      verified: false,
      reason: 'transfer day off from 2019-05-04',
    });
    expect(isWorkingDay(kz, d('2019-05-13'))).toMatchObject({ working: true, verified: true });
    expect(isWorkingDay(kz, d('2026-05-27'))).toMatchObject({
      working: false,
      verified: false,
      reason: 'holiday: Kurban Ait',
    });
  });
});

describe('kz working-day properties (fast-check)', () => {
  const start = epochDay(d('2016-01-01'));
  const end = epochDay(d('2026-10-31'));
  const day = fc.integer({ min: start, max: end }).map((n) => fromEpochDay(n));

  it('a later start never gives an earlier due date', () => {
    fc.assert(
      fc.property(day, fc.nat(60), fc.integer({ min: 0, max: 30 }), (a, gap, n) => {
        const b = addDays(a, gap);
        const ra = addWorkingDays(kz, a, n);
        const rb = addWorkingDays(kz, b, n);
        if (!ra.ok || !rb.ok) return;
        expect(rb.value.due >= ra.value.due).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the due day is a working day, every day in between is counted or skipped, and n days are counted', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const r = addWorkingDays(kz, from, n);
        if (!r.ok) return;
        const { due, counted, skipped } = r.value;
        expect(isWorkingDay(kz, due).working).toBe(true);
        expect(counted).toHaveLength(n);
        expect(counted.length + skipped.length).toBe(daysBetween(from, due));
        for (const s of skipped) expect(isWorkingDay(kz, s.date).working).toBe(false);
        for (const c of counted) expect(isWorkingDay(kz, c).working).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
