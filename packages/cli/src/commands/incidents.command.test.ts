import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process and a real SQLite file.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-incidents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const HEADER =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n';
const GOOD =
  `${HEADER}2021-01-15,Echo,Almaty,,,"SRC, Almaly district",fine,CoAO 460-1,400,3,dropped,https://adilsoz.kz/en/262-violations/monitoring-238.html,Штраф и приостановление\n` +
  '2021-01-18,Erkindik Kanaty,Nur-Sultan,,,,fine,CoAO 460-1,100,,,,\n' +
  '2020-11-26,KIBHR,Орал,,,,summons,CoAO 460-1,,,,,accountant summoned\n';

describe('civic incidents and places', { timeout: 300_000 }, () => {
  const db = join(dir, 'incidents.db');

  it('imports a CSV and prints {"read","imported",…}', async () => {
    writeFileSync(join(dir, 'good.csv'), GOOD);
    const r = await civic(['incidents', 'import', join(dir, 'good.csv'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, imported: 3, format: 'csv', visibility: 'public' });
  });

  it('rejects a bad file with exit 2, naming file, line and field, and imports nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      `${HEADER}2021-01-25,ILI,Almaty,,,,fine,CoAO 460-1,400,,,,\n2021-01-25,KIBHR,Almaty,,,,fine,CoAO 460-1,eight hundred,,,,\n`,
    );
    const r = await civic(['incidents', 'import', bad, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('IMPORT_NUMBER_INVALID');
    expect(r.stderr).toContain(`${bad}, line 3, field penalty_mci`);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: { code: 'IMPORT_NUMBER_INVALID', file: bad, line: 3, field: 'penalty_mci' },
    });
    const s = await civic(['incidents', 'search', '--db', db, '--org', 'ILI', '--json']);
    expect(JSON.parse(s.stdout)).toMatchObject({ total: 0, incidents: [] });
  });

  it('searches with text (Cyrillic too) and filters, newest first', async () => {
    const r = await civic(['incidents', 'search', 'приостановление', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; incidents: { organisation: string }[] };
    expect(out.incidents.map((i) => i.organisation)).toEqual(['Echo']);
    const f = await civic([
      'incidents',
      'search',
      '--db',
      db,
      '--basis',
      'CoAO 460-1',
      '--from',
      '2020-12-01',
      '--place',
      'Astana',
      '--action',
      'fine',
      '--limit',
      '5',
      '--json',
    ]);
    expect(
      (JSON.parse(f.stdout) as { incidents: { organisation: string }[] }).incidents.map(
        (i) => i.organisation,
      ),
    ).toEqual(['Erkindik Kanaty']);
    const bad = await civic(['incidents', 'search', '--db', db, '--from', '2021-13-01', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field from');
  });

  it('exports ACLED-compatible CSV to a file and the import CSV to stdout', async () => {
    const out = join(dir, 'acled.csv');
    const r = await civic(['incidents', 'export', '--db', db, '--format', 'acled', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ format: 'acled', count: 3, out });
    const [header] = readFileSync(out, 'utf8').split('\r\n');
    expect(header?.split(',')).toEqual(
      expect.arrayContaining([
        'event_id_cnty',
        'event_date',
        'year',
        'disorder_type',
        'event_type',
        'sub_event_type',
        'actor1',
        'country',
        'admin1',
        'location',
        'latitude',
        'longitude',
        'geo_precision',
        'source',
        'notes',
        'tags',
      ]),
    );
    const csv = await civic(['incidents', 'export', '--db', db, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(HEADER.trim());
    expect(csv.stdout).toContain('2021-01-18,Erkindik Kanaty,Astana,51.1694,71.4491');
  });

  it('finds places by old and new names and reports an unknown one', async () => {
    const r = await civic(['places', 'find', 'Нұр-Сұлтан', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'astana',
      name: 'Astana',
      region: 'Astana',
      latitude: 51.1694,
      longitude: 71.4491,
    });
    const unknown = await civic(['places', 'find', 'Atlantis', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('PLACE_UNKNOWN');
  });
});
