import fc from 'fast-check';
import {
  addDays,
  fromEpochDay,
  obligationStatus,
  packToday,
  toEpochDay,
  type CalendarDate,
  type RulePack,
} from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

// Real parts: the shipped kz and in-fcra packs, their time zones as data.
let kz: RulePack;
let india: RulePack;
beforeAll(async () => {
  const a = await loadRulePack('kz');
  const b = await loadRulePack('in-fcra');
  if (!a.ok || !b.ok) throw new Error('packs did not load');
  kz = a.value;
  india = b.value;
});

const MINUTE = 60_000;
/** Local midnight at the start of `day` as a UTC instant, from the offset the law gives (the oracle, written apart from the pack). */
const almatyMidnight = (day: CalendarDate): number =>
  Date.parse(`${day}T00:00:00Z`) - (day >= '2024-03-01' ? 5 : 6) * 60 * MINUTE;
const kolkataMidnight = (day: CalendarDate): number => Date.parse(`${day}T00:00:00Z`) - 330 * MINUTE;

const days = fc
  .integer({ min: toEpochDay(2016, 1, 1), max: toEpochDay(2026, 12, 31) })
  .map((n) => fromEpochDay(n));
// Minutes either side of local midnight (up to five hours: the window where the UTC date lags).
const minutes = fc.integer({ min: -300, max: 299 });

describe('"today" for legal computations is the date in the pack\'s time zone', () => {
  it('kz: an obligation due on a day is due until Almaty midnight and missed from it (19:00 or 18:00 UTC)', () => {
    fc.assert(
      fc.property(days, minutes, (dueOn, m) => {
        const midnightAfter = almatyMidnight(addDays(dueOn, 1));
        const instant = midnightAfter + m * MINUTE;
        const today = packToday(kz, instant);
        expect(today).toBe(m < 0 ? dueOn : addDays(dueOn, 1));
        expect(obligationStatus(dueOn, null, today)).toBe(m < 0 ? 'due' : 'missed');
        // A submission on the local day is never "in the future", whatever the UTC date says.
        expect(addDays(dueOn, 1) <= packToday(kz, midnightAfter + Math.max(m, 0) * MINUTE)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('kz: since 1 March 2024 Almaty midnight is 19:00 UTC, before it 18:00 UTC', () => {
    expect(packToday(kz, Date.parse('2025-12-19T18:59:59Z'))).toBe('2025-12-19');
    expect(packToday(kz, Date.parse('2025-12-19T19:00:00Z'))).toBe('2025-12-20');
    expect(packToday(kz, Date.parse('2021-01-14T17:59:59Z'))).toBe('2021-01-14');
    expect(packToday(kz, Date.parse('2021-01-14T18:00:00Z'))).toBe('2021-01-15');
  });

  it('in-fcra: the day turns at midnight in India (18:30 UTC)', () => {
    fc.assert(
      fc.property(days, minutes, (day, m) => {
        const today = packToday(india, kolkataMidnight(addDays(day, 1)) + m * MINUTE);
        expect(today).toBe(m < 0 ? day : addDays(day, 1));
      }),
      { numRuns: 300 },
    );
  });
});
