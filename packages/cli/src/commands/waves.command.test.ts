import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeContext, importIncidents, openContext } from '@civic/app';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process, a real SQLite file, the fixture CSV of the
// 2020–21 events among years of scattered actions.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const fixture = new URL('../../../app/src/waves/fixtures/kz-2020-21-with-background.csv', import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-waves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 280_000, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

interface WaveOut {
  id: string;
  from: string;
  to: string;
  organisations: string[];
  places: string[];
  actions: number;
  legalBasis: string[];
  pValue: number;
  llr: number;
  coordinated: boolean;
}

// Each call is a child process that compiles the TypeScript sources: generous timeouts, run in turn.
const SLOW = 300_000;

describe('civic waves detect', { timeout: SLOW }, () => {
  it('prints exactly {"waves":[…]} with the contract fields, significant waves ordered by p-value', async () => {
    const r = await civic([
      'waves',
      'detect',
      '--input',
      fixture,
      '--seed',
      '7',
      '--replications',
      '199',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { waves: WaveOut[] };
    expect(Object.keys(out)).toEqual(['waves']);
    expect(out.waves.length).toBeGreaterThanOrEqual(2);
    for (const w of out.waves) {
      expect(Object.keys(w).slice(0, 8)).toEqual([
        'id',
        'from',
        'to',
        'organisations',
        'places',
        'actions',
        'legalBasis',
        'pValue',
      ]);
      expect(w.pValue).toBeLessThan(0.05);
      expect(w.coordinated).toBe(true);
    }
    const ps = out.waves.map((w) => w.pValue);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    expect(
      out.waves.some(
        (w) =>
          w.from.startsWith('2020-11') &&
          w.organisations.includes('Kazakhstan International Bureau for Human Rights'),
      ),
    ).toBe(true);
    expect(
      out.waves.some((w) => w.to === '2021-01-25' && w.legalBasis.every((b) => b.startsWith('CoAO 460-1'))),
    ).toBe(true);
  });

  it('is reproducible with a seed, and --all lists the weaker clusters too', async () => {
    const a = await civic([
      'waves',
      'detect',
      '--input',
      fixture,
      '--seed',
      '11',
      '--replications',
      '99',
      '--json',
    ]);
    const b = await civic([
      'waves',
      'detect',
      '--input',
      fixture,
      '--seed',
      '11',
      '--replications',
      '99',
      '--json',
    ]);
    const all = await civic([
      'waves',
      'detect',
      '--input',
      fixture,
      '--seed',
      '11',
      '--replications',
      '99',
      '--all',
      '--json',
    ]);
    expect(a.stdout).toBe(b.stdout);
    const some = (JSON.parse(a.stdout) as { waves: WaveOut[] }).waves;
    const every = (JSON.parse(all.stdout) as { waves: WaveOut[] }).waves;
    expect(every.length).toBeGreaterThan(some.length);
    expect(every.some((w) => w.pValue >= 0.05)).toBe(true);
  });

  it('exits 2 naming file, line and field on a bad CSV', async () => {
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(fixture, 'utf8').split('\n');
    lines[4] = (lines[4] ?? '').replace(/^\d{4}-\d{2}-\d{2}/, '2020-02-30');
    writeFileSync(bad, lines.join('\n'));
    const r = await civic(['waves', 'detect', '--input', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv, line 5, field date/);
  });

  it('exits 2 on bad options', async () => {
    const seed = await civic(['waves', 'detect', '--input', fixture, '--seed', 'abc', '--json']);
    const both = await civic(['waves', 'detect', '--input', fixture, '--db', join(dir, 'x.db')]);
    const none = await civic(['waves', 'detect']);
    const reps = await civic(['waves', 'detect', '--input', fixture, '--replications', '0']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('WAVES_SEED_INVALID');
    expect(both.code).toBe(2);
    expect(none.code).toBe(2);
    expect(reps.stderr).toContain('WAVES_REPLICATIONS_INVALID');
  });
});

describe('civic brief and civic feed', { timeout: SLOW }, () => {
  it('creates a brief from --db, publishes it and serves it in the Atom feed', async () => {
    const db = join(dir, 'monitor.db');
    const ctx = await openContext(db);
    const seeded = await importIncidents(ctx, { bytes: readFileSync(fixture), fileName: 'kz.csv' });
    await closeContext(ctx);
    if (!seeded.ok) throw new Error(seeded.error.message);
    const detect = await civic(['waves', 'detect', '--db', db, '--replications', '99', '--json']);
    expect(detect.code, detect.stderr).toBe(0);
    const wave = (JSON.parse(detect.stdout) as { waves: WaveOut[] }).waves.find((w) =>
      w.from.startsWith('2020-11'),
    );
    expect(wave).toBeDefined();

    const pdf = join(dir, 'brief.pdf');
    const created = await civic([
      'brief',
      'create',
      '--db',
      db,
      '--wave',
      wave?.id ?? '',
      '--replications',
      '99',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const brief = (JSON.parse(created.stdout) as { brief: { id: string; publishedAt: string | null } }).brief;
    expect(brief.publishedAt).toBeNull();
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const html = join(dir, 'brief.html');
    const ru = await civic([
      'brief',
      'create',
      '--db',
      db,
      '--wave',
      wave?.id ?? '',
      '--replications',
      '99',
      '--lang',
      'ru',
      '--format',
      'html',
      '--out',
      html,
    ]);
    expect(ru.code, ru.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<html lang="ru">');

    const kkPdf = join(dir, 'brief-kk.pdf');
    const kk = await civic([
      'brief',
      'create',
      '--db',
      db,
      '--wave',
      wave?.id ?? '',
      '--replications',
      '99',
      '--lang',
      'kk',
      '--format',
      'pdf',
      '--out',
      kkPdf,
      '--json',
    ]);
    expect(kk.code, kk.stderr).toBe(0);
    expect(JSON.parse(kk.stdout)).toMatchObject({
      brief: {
        lang: 'kk',
        title: expect.stringMatching(/^(Үйлестірілген толқын|Кластер): .*2020 жылғы \d+ қараша/),
      },
      format: 'pdf',
      file: kkPdf,
    });
    const kkText = execFileSync('pdftotext', [kkPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Кімге қатысты', 'Ескіру мерзімі өткен талаптар', 'қараша'])
      expect(kkText).toContain(words);
    const de = await civic([
      'brief',
      'create',
      '--db',
      db,
      '--wave',
      wave?.id ?? '',
      '--replications',
      '9',
      '--lang',
      'de',
      '--format',
      'md',
    ]);
    expect(de.code).toBe(2);
    expect(de.stderr).toContain('BRIEF_LANG_INVALID');
    expect((await civic(['brief', 'create', '--help'])).stdout).toContain('en, ru or kk');

    const published = await civic(['brief', 'publish', brief.id, '--db', db, '--json']);
    expect(published.code, published.stderr).toBe(0);
    expect((JSON.parse(published.stdout) as { brief: { publishedAt: string } }).brief.publishedAt).toMatch(
      /^\d{4}-/,
    );

    const feedFile = join(dir, 'feed.atom');
    const feed = await civic(['feed', '--db', db, '--out', feedFile]);
    expect(feed.code, feed.stderr).toBe(0);
    const xml = readFileSync(feedFile, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml) as {
      feed: { entry: { id: string }[] };
    };
    expect(parsed.feed.entry.some((e) => e.id === `urn:civicledger:brief:${brief.id}`)).toBe(true);

    const missing = await civic(['brief', 'publish', 'brf_nope', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('BRIEF_NOT_FOUND');
    const noWave = await civic([
      'brief',
      'create',
      '--db',
      db,
      '--wave',
      'w-19990101-19990101-notice',
      '--replications',
      '9',
      '--format',
      'md',
    ]);
    expect(noWave.code).toBe(2);
    expect(noWave.stderr).toContain('WAVE_NOT_FOUND');
  });
});
