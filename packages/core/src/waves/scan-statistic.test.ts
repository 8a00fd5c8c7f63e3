import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../calendar-date.ts';
import type { ActionType, Incident } from '../incident.ts';
import { seededRandom } from '../random.ts';
import { monteCarloPValue, replicateMaxima, replicateSeeds } from './scan-replicates.ts';
import { prepareWaveScan } from './scan-setup.ts';
import { collectCandidates, fillCountTable, maxLlr, newCountTable, poissonLlr } from './scan-statistic.ts';
import { syntheticBackground } from './synthetic-incidents.ts';

describe('poissonLlr', () => {
  it('is zero when the cylinder holds no more than expected', () => {
    expect(poissonLlr(2, 2, 100)).toBe(0);
    expect(poissonLlr(1, 3, 100)).toBe(0);
  });

  it('matches the formula of Kulldorff et al. (2005) on a worked value', () => {
    // c = 12, μ = 2, N = 312: 12·ln 6 + 300·ln(300/310)
    expect(poissonLlr(12, 2, 312)).toBeCloseTo(12 * Math.log(6) + 300 * Math.log(300 / 310), 12);
  });

  it('grows with the excess', () => {
    expect(poissonLlr(10, 2, 300)).toBeGreaterThan(poissonLlr(6, 2, 300));
    expect(poissonLlr(10, 2, 300)).toBeGreaterThan(poissonLlr(10, 4, 300));
  });
});

const ACTIONS: readonly ActionType[] = ['notice', 'fine', 'summons', 'court-decision'];
const BASES = ['CoAO 460-1', 'CoAO 489', null];

function tinyIncidents(rows: readonly { day: number; action: number; basis: number }[]): Incident[] {
  return rows.map((r, i) => ({
    id: `i${i}`,
    date: addDays(calendarDate('2020-01-01'), r.day),
    dateTo: addDays(calendarDate('2020-01-01'), r.day),
    organisation: `Org ${i % 7}`,
    organisationId: null,
    place: `Place ${i % 3}`,
    latitude: null,
    longitude: null,
    country: 'KZ',
    region: null,
    authority: null,
    office: null,
    action: ACTIONS[r.action % ACTIONS.length] ?? 'other',
    legalBasis: BASES[r.basis % BASES.length] ?? null,
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: 'public',
  }));
}

describe('maxLlr', () => {
  it('equals the largest LLR found by brute force over every cylinder (property)', () => {
    const row = fc.record({ day: fc.integer({ min: 0, max: 200 }), action: fc.nat(3), basis: fc.nat(2) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const scan = prepareWaveScan(tinyIncidents(rows), { windowLengths: [3, 10, 30] });
        const table = newCountTable(scan);
        fillCountTable(scan, scan.dayOf, table);
        const cands = collectCandidates(scan, table);
        // Brute force straight from the incidents, without the prefix table or the pruning.
        let brute = 0;
        scan.zones.forEach((_, k) => {
          const members = scan.incidents
            .map((_, i) => i)
            .filter((i) =>
              scan.memberZones.subarray(scan.memberOffsets[i], scan.memberOffsets[i + 1]).includes(k),
            );
          for (let w = 0; w < scan.windowStart.length; w++) {
            if (!members.some((i) => scan.dayOf[i] === scan.windowStart[w])) continue; // windows start on a day of the zone
            const inW = (i: number) =>
              (scan.dayOf[i] ?? -1) >= (scan.windowStart[w] ?? 0) &&
              (scan.dayOf[i] ?? -1) < (scan.windowEnd[w] ?? 0);
            const c = members.filter(inW).length;
            const nw = scan.incidents.filter((_, i) => inW(i)).length;
            if (c >= 2) brute = Math.max(brute, poissonLlr(c, (members.length * nw) / scan.n, scan.n));
          }
        });
        const best = maxLlr(scan, table);
        expect(best).toBeCloseTo(brute, 9);
        expect(best).toBeCloseTo(Math.max(0, ...cands.llr), 9);
      }),
      { numRuns: 60, seed: 20201126 },
    );
  });
});

describe('Monte Carlo replicates', () => {
  const incidents = syntheticBackground({
    random: seededRandom(3),
    from: calendarDate('2016-01-01'),
    days: 1000,
    count: 150,
  });
  const scan = prepareWaveScan(incidents);

  it('depend only on their own seeds, so a split run equals one run', () => {
    const seeds = replicateSeeds(seededRandom(42), 40);
    const whole = replicateMaxima(scan, seeds);
    const split = [
      ...replicateMaxima(scan, seeds.subarray(0, 17)),
      ...replicateMaxima(scan, seeds.subarray(17)),
    ];
    expect(split).toEqual([...whole]);
    expect(new Set(whole).size).toBeGreaterThan(10);
  });

  it('give p = (1 + #{max ≥ observed}) / (R + 1)', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(monteCarloPValue(10.5, sorted)).toBeCloseTo(1 / 11, 12);
    expect(monteCarloPValue(10, sorted)).toBeCloseTo(2 / 11, 12);
    expect(monteCarloPValue(5.5, sorted)).toBeCloseTo(6 / 11, 12);
    expect(monteCarloPValue(0, sorted)).toBe(1);
  });
});
