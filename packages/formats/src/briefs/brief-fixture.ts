import { calendarDate, type DetectedWave, type Incident } from '@civic/core';
import type { BriefLanguage } from './brief-labels.ts';
import type { WaveBrief } from './wave-brief.ts';

/**
 * Test fixture (used by tests only): the November 2020 notices of legal-brief.md §2 as a wave.
 * Cities marked [U] in the brief, and the seventh organisation's, are illustrative.
 */
const NOTICES: readonly [string, string, string, number | null, number | null][] = [
  ['2020-11-26', 'Kazakhstan International Bureau for Human Rights', 'Almaty', 43.238, 76.946],
  ['2020-11-20', 'Echo', 'Almaty', 43.238, 76.946],
  ['2020-11-18', 'Erkindik Kanaty', 'Nur-Sultan', 51.128, 71.431],
  ['2020-11-19', 'International Legal Initiative', 'Almaty', 43.238, 76.946],
  ['2020-11-24', 'Legal Media Center', 'Nur-Sultan', 51.128, 71.431],
  ['2020-11-25', 'MediaNet International Journalism Centre', 'Almaty', 43.238, 76.946],
  ['2020-11-23', 'Kadir Kassiet', 'Oral', 51.233, 51.367],
  ['2020-11-17', 'A rights group', 'Unlisted village', null, null],
];

export function fixtureIncidents(): Incident[] {
  return NOTICES.map(([date, organisation, place, lat, lon], i) => ({
    id: `inc-${i + 1}`,
    date: calendarDate(date),
    dateTo: calendarDate(date),
    organisation,
    organisationId: null,
    place,
    latitude: lat,
    longitude: lon,
    country: 'KZ',
    region: null,
    authority: 'State Revenue Committee',
    office: place === 'Almaty' ? 'Almaly district' : null,
    action: 'notice',
    legalBasis: i % 2 === 0 ? 'CoAO 460-1 part 2' : 'CoAO 460-1 part 1',
    penaltyMci: null,
    suspensionMonths: null,
    outcome: 'dropped 4 Feb 2021',
    sources: [
      {
        url: 'https://www.hrw.org/news/2021/01/20/kazakh-authorities-target-rights-groups-coordinated-attack',
        title: 'HRW',
      },
    ],
    notes: null,
    visibility: 'public',
  }));
}

export function fixtureWave(incidents: readonly Incident[] = fixtureIncidents()): DetectedWave {
  return {
    id: 'w-20201117-20201126-family-inspection-coao-460-1',
    category: 'any inspection action · CoAO 460-1',
    zone: {
      key: 'family=inspection;basis=coao 460-1',
      label: 'any inspection action · CoAO 460-1',
      action: null,
      family: 'inspection',
      legalBasis: 'CoAO 460-1',
    },
    from: calendarDate('2020-11-17'),
    to: calendarDate('2020-11-26'),
    windowFrom: calendarDate('2020-11-17'),
    windowTo: calendarDate('2020-11-30'),
    organisations: [...new Set(incidents.map((i) => i.organisation))].sort(),
    places: [...new Set(incidents.map((i) => i.place))].sort(),
    actions: incidents.length,
    actionTypes: ['notice'],
    legalBasis: ['CoAO 460-1 part 1', 'CoAO 460-1 part 2'],
    incidentIds: incidents.map((i) => i.id),
    expected: 0.8,
    llr: 14.2,
    pValue: 0.001,
    spreadKm: 2171.4,
    coordinated: true,
  };
}

export function fixtureBrief(lang: BriefLanguage = 'en'): WaveBrief {
  const incidents = fixtureIncidents();
  return {
    lang,
    wave: fixtureWave(incidents),
    incidents,
    limitation: {
      available: true,
      actions: incidents.length,
      checked: 4,
      timeBarred: 3,
      withinTime: 1,
      unknown: 4,
    },
    replications: 999,
    seed: 1,
    generatedAt: '2026-11-30T10:00:00.000Z',
  };
}
