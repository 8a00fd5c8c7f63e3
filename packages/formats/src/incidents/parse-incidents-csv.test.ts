import { calendarDate } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { IncidentCsvReader, parseIncidentsCsv } from './parse-incidents-csv.ts';

const HEADER =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes';
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseIncidentsCsv(bytes(text), { fileName: 'incidents.csv' });

describe('parseIncidentsCsv', () => {
  it('reads the documented columns, fills coordinates from the gazetteer and unquotes RFC 4180 fields', () => {
    const csv =
      `${HEADER}\r\n` +
      '2021-01-15,Echo,Almaty,,,"SRC department, Almaly district",fine,CoAO 460-1,400,3,"dropped 4 Feb 2021",https://adilsoz.kz/en/262-violations/monitoring-238.html,"two\nlines, ""quoted"""\r\n' +
      '2021-01-18,Erkindik Kanaty,Nur-Sultan,51.1,71.4,,Fine,CoAO 460-1,100,,,,\r\n';
    const r = parse(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [echo, ek] = r.value.incidents;
    expect(echo).toMatchObject({
      date: '2021-01-15',
      dateTo: '2021-01-15',
      organisation: 'Echo',
      place: 'Almaty',
      latitude: 43.2567,
      longitude: 76.9286,
      region: 'Almaty',
      authority: 'SRC department, Almaly district',
      action: 'fine',
      legalBasis: 'CoAO 460-1',
      penaltyMci: 400,
      suspensionMonths: 3,
      outcome: 'dropped 4 Feb 2021',
      notes: 'two\nlines, "quoted"',
      visibility: 'public',
      sources: [{ url: 'https://adilsoz.kz/en/262-violations/monitoring-238.html' }],
    });
    expect(ek).toMatchObject({
      place: 'Astana',
      region: 'Astana',
      latitude: 51.1,
      longitude: 71.4,
      suspensionMonths: null,
      outcome: null,
      sources: [],
    });
  });

  it('takes the column order from the header, accepts a BOM, a date range and action synonyms', () => {
    const r = parse(
      '\uFEFFaction,place,organisation,date\nCourt Decision,Орал,KIBHR,2021-04-05/2021-04-06\nsummoned,Өскемен,X,2020-11-01\nОбыск,Shymkent,Y,2020-11-02\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.incidents.map((i) => [i.action, i.place, i.date, i.dateTo])).toEqual([
      ['court-decision', 'Uralsk', '2021-04-05', '2021-04-06'],
      ['summons', 'Ust-Kamenogorsk', '2020-11-01', '2020-11-01'],
      ['search', 'Shymkent', '2020-11-02', '2020-11-02'],
    ]);
  });

  it('keeps an unknown place that has coordinates, with a warning', () => {
    const r = parse(
      `date,organisation,place,latitude,longitude,action\n2020-11-02,Y,Village X,44.5,70.25,notice\n`,
    );
    expect(r.ok && r.value.incidents[0]).toMatchObject({
      place: 'Village X',
      latitude: 44.5,
      longitude: 70.25,
      region: null,
    });
    expect(r.ok && r.value.warnings.map((w) => [w.code, w.line, w.field])).toEqual([
      ['IMPORT_PLACE_NOT_IN_GAZETTEER', 2, 'place'],
    ]);
  });

  // Each bad input: the error names the file, the line and the field.
  const bad: readonly [string, string, string, number, string | undefined][] = [
    [
      'unknown place without coordinates',
      'date,organisation,place,action\n2021-01-15,Echo,Almaty,fine\n2021-01-16,Echo,Atlantis,fine\n',
      'IMPORT_PLACE_UNKNOWN',
      3,
      'place',
    ],
    [
      'bad date',
      'date,organisation,place,action\n2021-13-01,Echo,Almaty,fine\n',
      'IMPORT_DATE_INVALID',
      2,
      'date',
    ],
    [
      'not ISO date',
      'date,organisation,place,action\n15.01.2021,Echo,Almaty,fine\n',
      'IMPORT_DATE_INVALID',
      2,
      'date',
    ],
    [
      'range backwards',
      'date,organisation,place,action\n2021-02-01/2021-01-01,Echo,Almaty,fine\n',
      'IMPORT_DATE_INVALID',
      2,
      'date',
    ],
    [
      'unknown action',
      'date,organisation,place,action\n2021-01-15,Echo,Almaty,tea party\n',
      'IMPORT_ACTION_UNKNOWN',
      2,
      'action',
    ],
    [
      'empty organisation',
      'date,organisation,place,action\n2021-01-15,,Almaty,fine\n',
      'IMPORT_FIELD_REQUIRED',
      2,
      'organisation',
    ],
    [
      'bad penalty',
      'date,organisation,place,action,penalty_mci\n2021-01-15,Echo,Almaty,fine,4OO\n',
      'IMPORT_NUMBER_INVALID',
      2,
      'penalty_mci',
    ],
    [
      'negative suspension',
      'date,organisation,place,action,suspension_months\n2021-01-15,Echo,Almaty,fine,-3\n',
      'IMPORT_NUMBER_INVALID',
      2,
      'suspension_months',
    ],
    [
      'latitude out of range',
      'date,organisation,place,action,latitude,longitude\n2021-01-15,Echo,Almaty,fine,91,70\n',
      'IMPORT_COORDINATES_INVALID',
      2,
      'latitude',
    ],
    [
      'only one coordinate',
      'date,organisation,place,action,latitude,longitude\n2021-01-15,Echo,Almaty,fine,43.2,\n',
      'IMPORT_COORDINATES_INVALID',
      2,
      'longitude',
    ],
    [
      'bad URL',
      'date,organisation,place,action,source_url\n2021-01-15,Echo,Almaty,fine,ftp://x\n',
      'IMPORT_URL_INVALID',
      2,
      'source_url',
    ],
    [
      'line after a multi-line field',
      'date,organisation,place,action,notes\n2021-01-15,Echo,Almaty,fine,"a\nb\nc"\n2021-01-15,Echo,Almaty,oops,\n',
      'IMPORT_ACTION_UNKNOWN',
      5,
      'action',
    ],
    ['unknown column', 'date,organisation,place,action,colour\n', 'IMPORT_UNKNOWN_COLUMN', 1, 'colour'],
    ['missing column', 'date,organisation,action\n', 'IMPORT_MISSING_COLUMN', 1, 'place'],
    ['duplicate column', 'date,organisation,place,action,date\n', 'IMPORT_DUPLICATE_COLUMN', 1, 'date'],
    [
      'field count',
      'date,organisation,place,action\n2021-01-15,Echo,Almaty\n',
      'IMPORT_FIELD_COUNT',
      2,
      undefined,
    ],
    [
      'unclosed quote',
      'date,organisation,place,action\n2021-01-15,"Echo,Almaty,fine\n',
      'IMPORT_CSV_MALFORMED',
      2,
      undefined,
    ],
    [
      'stray quote',
      'date,organisation,place,action\n2021-01-15,Ec"ho,Almaty,fine\n',
      'IMPORT_CSV_MALFORMED',
      2,
      undefined,
    ],
    ['no header', '', 'IMPORT_EMPTY_FILE', 1, undefined],
  ];
  it.each(bad)('rejects %s', (_name, csv, code, line, field) => {
    const r = parse(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, file: 'incidents.csv', line });
    expect(r.error.field).toBe(field);
  });

  it('refuses an incident dated more than a year after the today it is given (the clock is the caller’s)', () => {
    const csv = (date: string) =>
      bytes(`date,organisation,place,action\n2021-01-15,Echo,Almaty,fine\n${date},Echo,Almaty,fine\n`);
    const today = calendarDate('2026-12-05');
    const late = parseIncidentsCsv(csv('2027-12-06'), { fileName: 'f.csv', today });
    expect(late.ok ? null : [late.error.code, late.error.line, late.error.field]).toEqual([
      'IMPORT_DATE_INVALID',
      3,
      'date',
    ]);
    const range = parseIncidentsCsv(csv('2027-11-01/2028-01-01'), { fileName: 'f.csv', today });
    expect(range.ok).toBe(false);
    expect(parseIncidentsCsv(csv('2027-12-05'), { fileName: 'f.csv', today }).ok).toBe(true);
    // Without a today there is nothing to measure against: no limit (pure parsing).
    expect(parseIncidentsCsv(csv('2201-01-15'), { fileName: 'f.csv' }).ok).toBe(true);
  });

  it('rejects bytes that are not UTF-8', () => {
    const r = parseIncidentsCsv(new Uint8Array([0x64, 0x61, 0xff, 0x0a]), { fileName: 'x.csv' });
    expect(!r.ok && r.error).toMatchObject({ code: 'IMPORT_ENCODING_INVALID', file: 'x.csv' });
  });

  it('gives the same incidents whichever way the text is cut into chunks', () => {
    const csv = `${HEADER}\r\n2021-01-15,Echo,Almaty,,,"a, b",fine,CoAO 460-1,400,3,,,"x\r\ny"\r\n2021-01-18,EK,Astana,,,,fine,,,,,,\r\n`;
    const whole = parse(csv);
    for (let cut = 1; cut < csv.length; cut += 7) {
      const reader = new IncidentCsvReader({ fileName: 'incidents.csv' });
      const a = reader.push(csv.slice(0, cut));
      const b = reader.push(csv.slice(cut));
      const c = reader.end();
      expect(a.ok && b.ok && c.ok).toBe(true);
      if (!a.ok || !b.ok || !c.ok || !whole.ok) return;
      expect([...a.value, ...b.value, ...c.value]).toEqual(whole.value.incidents);
    }
  });
});
