import { describe, expect, it } from 'vitest';
import { normaliseLegalBasis } from '@civic/core';
import { parseIncidentsCsv } from '@civic/formats';
import { detectWavesInIncidents, reportedWaves } from '../waves/wave-detection.ts';
import { CAMPAIGN_2020_21, demoBackground, demoIncidentsCsv } from './demo-incidents-data.ts';

// The demo data is read through the real CSV parser, exactly as the demo step imports it.
const parsed = parseIncidentsCsv(new TextEncoder().encode(demoIncidentsCsv()), {
  fileName: 'demo-incidents.csv',
});
const incidents = parsed.ok ? parsed.value.incidents : [];

describe('demo incidents', () => {
  it('parse without error or warning, every place from the gazetteer', () => {
    expect(parsed.ok && parsed.value.warnings).toEqual([]);
    expect(incidents.length).toBe(CAMPAIGN_2020_21.length + demoBackground().length);
    expect(incidents.every((i) => i.latitude !== null && i.region !== null)).toBe(true);
  });

  it('hold the autumn 2020 notices against 13 groups in several cities, all under CoAO 460-1', () => {
    const notices = incidents.filter(
      (i) =>
        i.action === 'notice' &&
        i.date >= '2020-10-01' &&
        i.date <= '2020-11-30' &&
        normaliseLegalBasis(i.legalBasis) === 'CoAO 460-1',
    );
    expect(new Set(notices.map((i) => i.organisation)).size).toBe(13);
    expect(new Set(notices.map((i) => i.place)).size).toBeGreaterThanOrEqual(7);
    expect(notices.every((i) => i.legalBasis === 'ст. 460-1 КоАП РК')).toBe(true);
  });

  it('hold the January 2021 rulings with their fines, the withdrawal and the court decisions', () => {
    const fines = incidents
      .filter(
        (i) => i.action === 'fine' && i.date.startsWith('2021-01') && !i.notes?.startsWith('иллюстратив'),
      )
      .map((i) => [i.date, i.organisation, i.penaltyMci]);
    expect(fines).toEqual([
      ['2021-01-15', 'Echo', 400],
      ['2021-01-18', 'Erkindik Kanaty', 100],
      ['2021-01-25', 'Kazakhstan International Bureau for Human Rights', 800],
      ['2021-01-25', 'International Legal Initiative', 400],
    ]);
    const documented = incidents.filter((i) => !i.notes?.startsWith('иллюстратив'));
    expect(documented.filter((i) => i.action === 'withdrawal' && i.date === '2021-02-04')).toHaveLength(6);
    expect(
      documented
        .filter((i) => i.action === 'court-decision' && i.date.startsWith('2021-04'))
        .map((i) => i.date),
    ).toEqual(['2021-04-05', '2021-04-06', '2021-04-06']);
    for (const row of CAMPAIGN_2020_21) expect(row[9]).toMatch(/^https:\/\//);
  });

  it('have a background of a few dozen illustrative incidents a year, 2016–2025', () => {
    const background = incidents.filter((i) => i.notes?.startsWith('иллюстративный фон'));
    for (let year = 2016; year <= 2025; year++) {
      const n = background.filter((i) => i.date.startsWith(String(year))).length;
      expect(n, String(year)).toBeGreaterThanOrEqual(20);
      expect(n, String(year)).toBeLessThanOrEqual(60);
    }
    expect(background.every((i) => i.organisation.startsWith('Иллюстративная организация'))).toBe(true);
  });

  it('yield the November 2020 notice wave and the January 2021 rulings, and nothing else significant', async () => {
    const withIds = incidents.map((i, n) => ({ ...i, id: `row-${n + 1}` }));
    const r = await detectWavesInIncidents(withIds, { seed: 1, replications: 199 });
    if (!r.ok) throw new Error(r.error.message);
    const waves = reportedWaves(r.value.waves);
    const notices = waves.find((w) => w.actionTypes.includes('notice') && w.from.startsWith('2020-11'));
    expect(notices?.organisations.length).toBeGreaterThanOrEqual(10);
    const rulings = waves.find((w) => w.actionTypes.includes('fine'));
    expect(rulings?.to).toBe('2021-01-25');
    expect(waves.every((w) => w.from >= '2020-10-01' && w.to <= '2021-04-30')).toBe(true);
  });
});
