import { describe, expect, it } from 'vitest';
import { calendarDate, daysBetween, type CalendarDate } from '../calendar-date.ts';
import type { Incident } from '../incident.ts';
import { seededRandom } from '../random.ts';
import { detectWaves, type DetectedWave } from './detect-waves.ts';
import { syntheticBackground, syntheticWave } from './synthetic-incidents.ts';

// Known truth: years of scattered actions (uniform dates, 16 kinds of action, 12 legal bases,
// 80 organisations in their home cities), and an injected wave of a dozen notices under one
// article against twelve different organisations in five cities within six weeks.
const WAVE_FROM = calendarDate('2018-10-15');
const WAVE_DAYS = 42;
const WAVE_TO = calendarDate('2018-11-25');

function background(seed: number): Incident[] {
  return syntheticBackground({
    random: seededRandom(1000 + seed),
    from: calendarDate('2015-01-01'),
    days: 5 * 365,
    count: 250,
  });
}

function withWave(seed: number): Incident[] {
  const wave = syntheticWave({
    random: seededRandom(2000 + seed),
    from: WAVE_FROM,
    days: WAVE_DAYS,
    count: 12,
    places: 5,
    action: 'notice',
    legalBasis: ['CoAO 460-1 part 1', 'CoAO 460-1 part 2'],
  });
  return [...background(seed), ...wave];
}

const significant = (waves: readonly DetectedWave[]): DetectedWave[] =>
  waves.filter((w) => w.pValue < 0.05 && w.coordinated);
const near = (a: CalendarDate, b: CalendarDate, days: number): boolean => Math.abs(daysBetween(a, b)) <= days;

describe('detectWaves on generated data with a known wave', () => {
  const seeds = [1, 2, 3, 4, 5];
  const runs = seeds.map((seed) =>
    detectWaves(withWave(seed), { random: seededRandom(seed), replications: 99 }),
  );

  it('finds the wave in every run: p < 0.05, the injected notices, five places, twelve organisations', () => {
    for (const run of runs) {
      const top = significant(run.waves)[0];
      expect(top, 'a significant coordinated wave').toBeDefined();
      if (!top) continue;
      expect(top.pValue).toBeLessThan(0.05);
      expect(top.incidentIds.filter((id) => id.startsWith('wave-')).length).toBe(12);
      expect(top.places.length).toBeGreaterThanOrEqual(5);
      expect(top.organisations.length).toBeGreaterThanOrEqual(12);
      expect(top.legalBasis.every((b) => b.includes('460-1'))).toBe(true);
      expect(top.spreadKm).toBeGreaterThan(500);
    }
  });

  it('dates the wave right to within a few days in most runs, and never far off', () => {
    const exact = runs.filter((r) => {
      const top = significant(r.waves)[0];
      return top !== undefined && near(top.from, WAVE_FROM, 3) && near(top.to, WAVE_TO, 3);
    });
    expect(exact.length).toBeGreaterThanOrEqual(4);
    for (const r of runs) {
      const top = significant(r.waves)[0];
      expect(top && near(top.from, WAVE_FROM, 30) && near(top.to, WAVE_TO, 50)).toBe(true);
    }
  });

  it('reports little else as significant: now and then a chance cluster, never a piece of the wave', () => {
    const others = runs.flatMap((r) => significant(r.waves).slice(1));
    // Secondary clusters are judged against the distribution of the maximum (conservative);
    // with 99 replications a p just under 0.05 is noisy, so allow two in five runs.
    expect(others.length).toBeLessThanOrEqual(2);
    for (const o of others) expect(o.incidentIds.some((id) => id.startsWith('wave-'))).toBe(false);
  });
});

describe('detectWaves on scattered actions alone', () => {
  it('finds a significant wave in about α of the seeds, no more (20 seeds, 49 replications)', () => {
    let positives = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = detectWaves(background(seed), { random: seededRandom(seed), replications: 49 });
      if (run.waves.some((w) => w.pValue < 0.05)) positives++;
    }
    // Expected about 1 of 20 at α = 0.05; 5 or more has probability < 0.3 % for a valid test.
    expect(positives).toBeLessThanOrEqual(4);
  });
});

describe('detectWaves is reproducible', () => {
  const incidents = withWave(9);

  it('gives identical output for the same data and seed, whatever the input order', () => {
    const a = detectWaves(incidents, { random: seededRandom(77), replications: 49 });
    const b = detectWaves([...incidents].reverse(), { random: seededRandom(77), replications: 49 });
    expect(b).toEqual(a);
    expect(a.waves.length).toBeGreaterThan(0);
  });

  it('finds the same waves with another seed (the p-values may move a little)', () => {
    const a = detectWaves(incidents, { random: seededRandom(1), replications: 49 });
    const b = detectWaves(incidents, { random: seededRandom(2), replications: 49 });
    expect(b.waves.map((w) => w.id).sort()).toEqual(a.waves.map((w) => w.id).sort());
  });

  it('gives stable ids from the category and the dates', () => {
    const top = significant(detectWaves(incidents, { random: seededRandom(1), replications: 49 }).waves)[0];
    expect(top?.id).toMatch(/^w-\d{8}-\d{8}-[a-z0-9-]+$/);
    expect(top?.id).toContain(`${top?.from.replace(/-/g, '')}-${top?.to.replace(/-/g, '')}`);
  });

  it('returns no waves for no incidents', () => {
    expect(detectWaves([], { random: seededRandom(1), replications: 9 }).waves).toEqual([]);
  });
});

describe('coordination thresholds', () => {
  it('calls a wave coordinated only with enough organisations and places (configurable)', () => {
    const incidents = withWave(2);
    const isTheWave = (w: DetectedWave): boolean =>
      w.incidentIds.filter((id) => id.startsWith('wave-')).length === 12;
    const base = detectWaves(incidents, { random: seededRandom(3), replications: 19 }).waves.find(isTheWave);
    expect(base?.coordinated).toBe(true);
    const orgs = base?.organisations.length ?? 0;
    const places = base?.places.length ?? 0;
    const exact = detectWaves(incidents, {
      random: seededRandom(3),
      replications: 19,
      minOrganisations: orgs,
      minPlaces: places,
    });
    expect(exact.waves.find(isTheWave)?.coordinated).toBe(true);
    const tooMany = detectWaves(incidents, {
      random: seededRandom(3),
      replications: 19,
      minOrganisations: 100,
      minPlaces: 2,
    });
    expect(tooMany.waves.filter((w) => w.coordinated)).toHaveLength(0);
    const tooFar = detectWaves(incidents, {
      random: seededRandom(3),
      replications: 19,
      minOrganisations: 3,
      minPlaces: 30,
    });
    expect(tooFar.waves.filter((w) => w.coordinated)).toHaveLength(0);
    expect(
      tooFar.waves.some((w) => !w.coordinated && w.incidentIds.some((id) => id.startsWith('wave-'))),
    ).toBe(true);
  });
});
