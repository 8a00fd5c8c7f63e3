import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, calendarDate, type IncidentInput } from '@civic/core';
import { parseIncidentsCsv } from './parse-incidents-csv.ts';
import { parseIncidentsJson, renderIncidentsJson } from './incidents-json.ts';
import { renderIncidentsCsv } from './render-incidents-csv.ts';
import { ACLED_COLUMNS, renderAcledCsv } from './render-acled-csv.ts';
import { CsvRecordReader } from './csv-records.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function incident(over: Partial<IncidentInput> = {}): IncidentInput {
  return {
    date: calendarDate('2021-01-25'),
    dateTo: calendarDate('2021-01-25'),
    organisation: 'KIBHR',
    organisationId: null,
    place: 'Almaty',
    latitude: 43.2567,
    longitude: 76.9286,
    country: 'KZ',
    region: 'Almaty',
    authority: 'SRC, district office',
    office: null,
    action: 'fine',
    legalBasis: 'CoAO 460-1',
    penaltyMci: 800,
    suspensionMonths: 2.7,
    outcome: 'reversed by court 6 Apr 2021',
    sources: [{ url: 'https://www.omct.org/en/x' }],
    notes: 'four protocols, "inaccurate information"\nsecond line',
    visibility: 'public',
    ownerOrganisationId: null,
    ...over,
  };
}

const placeArb = fc.constantFrom(
  ['Almaty', 'Almaty'],
  ['Astana', 'Astana'],
  ['Uralsk', 'West Kazakhstan Region'],
  ['Semey', 'Abai Region'],
);
const textArb = fc
  .string({ maxLength: 20 })
  .map((s) => s.trim())
  .filter((s) => !s.includes('\r'));
const incidentArb = fc
  .record({
    day: fc.integer({ min: 0, max: 3650 }),
    span: fc.integer({ min: 0, max: 10 }),
    place: placeArb,
    organisation: textArb.filter((s) => s !== ''),
    action: fc.constantFrom(...ACTION_TYPES),
    legalBasis: fc.option(
      textArb.filter((s) => s !== ''),
      { nil: null },
    ),
    penalty: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    notes: fc.option(
      textArb.filter((s) => s !== ''),
      { nil: null },
    ),
  })
  .map((r) => {
    const from = new Date(Date.UTC(2016, 0, 1 + r.day)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(2016, 0, 1 + r.day + r.span)).toISOString().slice(0, 10);
    return incident({
      date: calendarDate(from),
      dateTo: calendarDate(to),
      organisation: r.organisation,
      place: r.place[0],
      region: r.place[1],
      action: r.action,
      legalBasis: r.legalBasis,
      penaltyMci: r.penalty,
      notes: r.notes,
      authority: null,
      outcome: null,
    });
  });

describe('incident export', () => {
  it('CSV: what is written reads back the same (round trip)', () => {
    const input = [
      incident(),
      incident({
        organisation: 'ILI, fund',
        date: calendarDate('2021-04-05'),
        dateTo: calendarDate('2021-04-06'),
        action: 'court-decision',
        penaltyMci: null,
        suspensionMonths: null,
        sources: [],
      }),
    ];
    const back = parseIncidentsCsv(bytes(renderIncidentsCsv(input)), { fileName: 'out.csv' });
    expect(back.ok && back.value.incidents).toEqual(
      input.map((i) => ({ ...i, latitude: i.latitude, longitude: i.longitude })),
    );
  });

  it('CSV round trip holds for generated incidents (property)', () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 8 }), (input) => {
        const lat = (p: string) =>
          ({
            Almaty: [43.2567, 76.9286],
            Astana: [51.1694, 71.4491],
            Uralsk: [51.2333, 51.3667],
            Semey: [50.4267, 80.2667],
          })[p] ?? [0, 0];
        const expected = input.map((i) => ({
          ...i,
          latitude: lat(i.place)[0] ?? 0,
          longitude: lat(i.place)[1] ?? 0,
        }));
        const back = parseIncidentsCsv(bytes(renderIncidentsCsv(expected)), { fileName: 'p.csv' });
        expect(back.ok && back.value.incidents).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('JSON: what is written reads back the same, titles and dates of sources included', () => {
    const input = [
      incident({
        sources: [
          { url: 'https://www.hrw.org/news/2021/01/20/x', title: 'HRW', date: calendarDate('2021-01-20') },
        ],
        visibility: 'network',
        office: 'Almaly district office',
      }),
    ];
    const back = parseIncidentsJson(bytes(renderIncidentsJson(input)), { fileName: 'out.json' });
    expect(back.ok && back.value.incidents).toEqual(input);
  });

  it("JSON: an error names the file, the element's line and the field", () => {
    const json =
      '[\n  {"date": "2021-01-15", "organisation": "Echo", "place": "Almaty", "action": "fine"},\n  {"date": "2021-01-16", "organisation": "Echo", "place": "Almaty", "action": "fine", "legalBasis": "CoAO", "penaltyMci": "many"}\n]';
    const r = parseIncidentsJson(bytes(json), { fileName: 'in.json' });
    expect(!r.ok && r.error).toMatchObject({
      code: 'IMPORT_NUMBER_INVALID',
      file: 'in.json',
      line: 3,
      field: '[1].penaltyMci',
    });
    const bad = parseIncidentsJson(bytes('{"nope": 1}'), { fileName: 'in.json' });
    expect(!bad.ok && bad.error.code).toBe('IMPORT_JSON_INVALID');
    const place = parseIncidentsJson(
      bytes('[{"date": "2021-01-16", "organisation": "E", "place": "Gotham", "action": "fine"}]'),
      { fileName: 'in.json' },
    );
    expect(!place.ok && place.error).toMatchObject({
      code: 'IMPORT_PLACE_UNKNOWN',
      line: 1,
      field: '[0].place',
    });
  });

  it("ACLED: ACLED's column names, strategic developments, legal basis kept in notes and tags", () => {
    const csv = renderAcledCsv(
      [
        incident(),
        incident({
          action: 'suspension',
          date: calendarDate('2018-05-02'),
          dateTo: calendarDate('2018-05-02'),
          place: 'Akmola Region',
          region: 'Akmola Region',
        }),
        incident({ action: 'detention' }),
      ],
      { timestamp: 1700000000 },
    );
    const reader = new CsvRecordReader('acled.csv');
    const first = reader.push(csv);
    const rest = reader.end();
    expect(first.ok && rest.ok).toBe(true);
    if (!first.ok || !rest.ok) return;
    const [header, ...rows] = [...first.value, ...rest.value].map((r) => r.fields);
    for (const name of [
      'event_id_cnty',
      'event_date',
      'year',
      'time_precision',
      'disorder_type',
      'event_type',
      'sub_event_type',
      'actor1',
      'assoc_actor_1',
      'inter1',
      'actor2',
      'interaction',
      'civilian_targeting',
      'iso',
      'region',
      'country',
      'admin1',
      'admin2',
      'admin3',
      'location',
      'latitude',
      'longitude',
      'geo_precision',
      'source',
      'source_scale',
      'notes',
      'fatalities',
      'tags',
      'timestamp',
    ]) {
      expect(header).toContain(name);
    }
    expect(header).toEqual([...ACLED_COLUMNS]);
    const get = (row: string[] | undefined, name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(rows).toHaveLength(3);
    expect(get(rows[0], 'event_id_cnty')).toBe('KAZ1');
    expect(get(rows[0], 'event_date')).toBe('2021-01-25');
    expect(get(rows[0], 'year')).toBe('2021');
    expect(get(rows[0], 'disorder_type')).toBe('Strategic developments');
    expect(get(rows[0], 'event_type')).toBe('Strategic developments');
    expect(get(rows[0], 'sub_event_type')).toBe('Other');
    expect(get(rows[1], 'sub_event_type')).toBe('Change to group/activity');
    expect(get(rows[2], 'sub_event_type')).toBe('Arrests');
    expect(get(rows[0], 'actor1')).toBe('Government of Kazakhstan (2019-)');
    expect(get(rows[1], 'actor1')).toBe('Government of Kazakhstan (1991-2019)');
    expect(get(rows[0], 'actor2')).toBe('KIBHR');
    expect(get(rows[0], 'country')).toBe('Kazakhstan');
    expect(get(rows[0], 'admin1')).toBe('Almaty');
    expect(get(rows[1], 'admin1')).toBe('Akmola');
    expect(get(rows[0], 'location')).toBe('Almaty');
    expect(get(rows[0], 'latitude')).toBe('43.2567');
    expect(get(rows[0], 'geo_precision')).toBe('1');
    expect(get(rows[1], 'geo_precision')).toBe('3');
    expect(get(rows[0], 'source')).toBe('omct.org');
    expect(get(rows[0], 'notes')).toContain('CoAO 460-1');
    expect(get(rows[0], 'notes')).toContain('800 MCI');
    expect(get(rows[0], 'tags')).toContain('legal basis: CoAO 460-1');
    expect(get(rows[0], 'fatalities')).toBe('0');
    expect(get(rows[0], 'timestamp')).toBe('1700000000');
  });
});
