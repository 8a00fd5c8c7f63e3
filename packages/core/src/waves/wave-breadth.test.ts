import { describe, expect, it } from 'vitest';
import { calendarDate } from '../calendar-date.ts';
import type { Incident } from '../incident.ts';
import { computeBreadth, greatCircleKm, isCoordinated } from './wave-breadth.ts';

function at(organisation: string, place: string, lat: number | null, lon: number | null): Incident {
  return {
    id: `${organisation}-${place}`,
    date: calendarDate('2020-11-26'),
    dateTo: calendarDate('2020-11-26'),
    organisation,
    organisationId: null,
    place,
    latitude: lat,
    longitude: lon,
    country: 'KZ',
    region: null,
    authority: null,
    office: null,
    action: 'notice',
    legalBasis: 'CoAO 460-1',
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: 'public',
  };
}

describe('breadth of a wave', () => {
  it('measures great-circle distances (Almaty–Astana is about 970 km; Oral–Oskemen about 2,150 km)', () => {
    expect(greatCircleKm(43.238, 76.889, 51.169, 71.449)).toBeGreaterThan(950);
    expect(greatCircleKm(43.238, 76.889, 51.169, 71.449)).toBeLessThan(990);
    expect(greatCircleKm(51.233, 51.367, 49.948, 82.628)).toBeGreaterThan(2100);
    expect(greatCircleKm(51.233, 51.367, 49.948, 82.628)).toBeLessThan(2200);
    expect(greatCircleKm(43, 76, 43, 76)).toBe(0);
  });

  it('counts distinct organisations and places and takes the largest distance', () => {
    const b = computeBreadth([
      at('Echo', 'Almaty', 43.238, 76.889),
      at('KIBHR', 'Almaty', 43.238, 76.889),
      at('echo', 'almaty', 43.238, 76.889),
      at('Erkindik Kanaty', 'Astana', 51.169, 71.449),
      at('Somewhere', 'Unmapped', null, null),
    ]);
    expect(b.organisations).toEqual(['Echo', 'Erkindik Kanaty', 'KIBHR', 'Somewhere']);
    expect(b.places).toEqual(['Almaty', 'Astana', 'Unmapped']);
    expect(b.spreadKm).toBeGreaterThan(950);
    expect(isCoordinated(b)).toBe(true);
    expect(isCoordinated(b, { minOrganisations: 5, minPlaces: 2 })).toBe(false);
    expect(computeBreadth([at('A', 'X', null, null)]).spreadKm).toBeNull();
  });
});
