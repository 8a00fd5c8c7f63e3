import { readFileSync } from 'node:fs';
import { calendarDate, seededRandom, syntheticBackground, syntheticWave } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { detectWavesInIncidents, incidentsFromCsv, reportedWaves } from './wave-detection.ts';

const FIXTURE = new URL('./fixtures/kz-2020-21-with-background.csv', import.meta.url);

function fixture() {
  const r = incidentsFromCsv(readFileSync(FIXTURE), 'kz-2020-21-with-background.csv');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('waves in the 2020–21 events (fixture: legal-brief §2 among years of scattered actions)', () => {
  it('finds the November 2020 notices and the January 2021 rulings, significant and coordinated', async () => {
    const r = await detectWavesInIncidents(fixture(), { seed: 1, replications: 199 });
    if (!r.ok) throw new Error(r.error.message);
    const waves = reportedWaves(r.value.waves);
    const notices = waves.find((w) => w.actionTypes.includes('notice'));
    expect(notices?.from.startsWith('2020-11')).toBe(true);
    expect(notices?.to.startsWith('2020-11')).toBe(true);
    expect(notices?.organisations).toEqual(
      expect.arrayContaining([
        'Echo',
        'Erkindik Kanaty',
        'Kazakhstan International Bureau for Human Rights',
        'International Legal Initiative',
      ]),
    );
    expect(notices?.pValue).toBeLessThan(0.05);
    const rulings = waves.find((w) => w.actionTypes.includes('fine'));
    expect(rulings?.to).toBe('2021-01-25');
    expect(rulings?.organisations).toEqual([
      'Echo',
      'Erkindik Kanaty',
      'International Legal Initiative',
      'Kazakhstan International Bureau for Human Rights',
    ]);
    expect(rulings?.places).toEqual(['Almaty', 'Astana']); // the gazetteer's name for Nur-Sultan
    expect(rulings?.legalBasis.every((b) => b.startsWith('CoAO 460-1'))).toBe(true);
    expect(rulings?.pValue).toBeLessThan(0.05);
    expect(waves.every((w) => w.pValue < 0.05 && w.coordinated)).toBe(true);
  });

  it('keeps to the study period', async () => {
    const r = await detectWavesInIncidents(fixture(), {
      seed: 1,
      replications: 99,
      from: '2020-12-01',
      to: '2021-12-31',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.incidents).toBe(
      fixture().filter((i) => i.date >= '2020-12-01' && i.date <= '2021-12-31').length,
    );
    expect(r.value.waves.every((w) => w.from >= '2020-12-01' && w.to <= '2021-12-31')).toBe(true);
    expect(reportedWaves(r.value.waves).some((w) => w.actionTypes.includes('fine'))).toBe(true);
  });
});

describe('detectWavesInIncidents', () => {
  it('gives the same maxima on two worker threads as on one (real threads)', async () => {
    const incidents = [
      ...syntheticBackground({
        random: seededRandom(5),
        from: calendarDate('2016-01-01'),
        days: 1500,
        count: 400,
      }),
      ...syntheticWave({ random: seededRandom(6), from: calendarDate('2018-03-01'), days: 30, count: 10 }),
    ];
    const one = await detectWavesInIncidents(incidents, { seed: 9, replications: 40, workers: 1 });
    const two = await detectWavesInIncidents(incidents, { seed: 9, replications: 40, workers: 2 });
    if (!one.ok || !two.ok) throw new Error('detection failed');
    expect(two.value.waves).toEqual(one.value.waves);
    expect(one.value.waves[0]?.pValue).toBeLessThan(0.05);
  });

  it.each([
    [{ seed: -1 }, 'WAVES_SEED_INVALID', 'seed'],
    [{ seed: 1.5 }, 'WAVES_SEED_INVALID', 'seed'],
    [{ replications: 0 }, 'WAVES_REPLICATIONS_INVALID', 'replications'],
    [{ replications: Number.NaN }, 'WAVES_REPLICATIONS_INVALID', 'replications'],
    [{ from: '2020-13-01' }, 'WAVES_DATE_INVALID', 'from'],
    [{ from: '2021-01-01', to: '2020-01-01' }, 'WAVES_RANGE_INVALID', 'from'],
    [{ minOrganisations: 0 }, 'WAVES_OPTION_INVALID', 'minOrganisations'],
  ])('refuses %j with %s', async (options, code, field) => {
    const r = await detectWavesInIncidents([], options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code, field });
  });

  it('names the file, line and field of a bad CSV row', () => {
    const csv =
      'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n2020-11-26,Echo,Almaty,,,SRC,notice,CoAO 460-1,,,,,\n2020-11-31,KIBHR,Almaty,,,SRC,notice,CoAO 460-1,,,,,\n';
    const r = incidentsFromCsv(new TextEncoder().encode(csv), 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ file: 'bad.csv', line: 3, field: 'date' });
  });
});
