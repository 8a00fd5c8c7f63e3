import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, fromEpochDay } from '../calendar-date.ts';
import { addPeriod, isIsoPeriod, isoPeriod, periodParts } from './iso-period.ts';

describe('addPeriod', () => {
  // Each row: [from, period, expected, source]
  const rows: [string, string, string, string][] = [
    [
      '2021-01-31',
      'P1M',
      '2021-02-28',
      "issue 3: a month period ends on that month's last day when it has no such day",
    ],
    ['2024-01-31', 'P1M', '2024-02-29', 'issue 3: leap year February'],
    ['2024-02-29', 'P1Y', '2025-02-28', 'leap day + one year: last day of February'],
    ['2024-02-29', 'P4Y', '2028-02-29', 'leap day + four years: same day-number'],
    ['2020-11-26', 'P2M', '2021-01-26', 'legal-brief §1.5: CoAO Art. 62(1) two months from commission'],
    ['2020-12-31', 'P2M', '2021-02-28', 'month end clamp across a year end'],
    ['2019-12-31', 'P2M', '2020-02-29', 'month end clamp into a leap February'],
    ['2021-08-31', 'P1M', '2021-09-30', 'month end clamp to 30 days'],
    ['2023-03-31', 'P9M', '2023-12-31', 'legal-brief §3: FC-4 within nine months of 31 March'],
    ['2021-01-15', 'P10D', '2021-01-25', 'ten calendar days'],
    ['2021-01-15', 'P2W', '2021-01-29', 'weeks are seven days'],
    ['2021-01-31', 'P1M1D', '2021-03-01', 'months first, then days'],
    ['2021-05-02', 'P0D', '2021-05-02', 'an empty period'],
  ];
  it.each(rows)('%s + %s = %s (%s)', (from, period, expected) => {
    expect(addPeriod(calendarDate(from), isoPeriod(period))).toBe(expected);
  });

  it('reads only periods of years, months, weeks and days', () => {
    expect(periodParts('P1Y2M3D')).toEqual({ years: 1, months: 2, days: 3 });
    for (const bad of ['P', 'PT1H', '2M', 'P1.5M', 'p2m', 'P-1D', '']) expect(isIsoPeriod(bad)).toBe(false);
    expect(() => isoPeriod('P2X')).toThrow();
  });

  const day = fc.integer({ min: 0, max: 40_000 }).map((n) => fromEpochDay(n));
  const period = fc
    .tuple(fc.nat(3), fc.nat(30), fc.nat(60))
    .map(([y, m, d]) => isoPeriod(`P${y}Y${m}M${d}D`));

  it('is monotone: a later start never ends earlier (property)', () => {
    fc.assert(
      fc.property(day, fc.nat(400), period, (a, gap, p) => {
        const b = addDays(a, gap);
        expect(addPeriod(b, p) >= addPeriod(a, p)).toBe(true);
      }),
    );
  });

  it('never ends before its start and a longer month count never ends earlier (property)', () => {
    fc.assert(
      fc.property(day, fc.nat(40), fc.nat(40), (a, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addPeriod(a, isoPeriod(`P${lo}M`)) <= addPeriod(a, isoPeriod(`P${hi}M`))).toBe(true);
        expect(addPeriod(a, isoPeriod(`P${lo}M`)) >= a).toBe(true);
      }),
    );
  });
});
