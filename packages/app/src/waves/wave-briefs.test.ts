import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countIncidents, insertIncidents } from '@civic/store';
import { seedDemo } from '../demo/seed-demo.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { atomFeed } from './atom-feed.ts';
import { createWaveBrief, publishBrief, renderWaveBrief } from './wave-briefs.ts';
import { detectWavesInIncidents, incidentsFromCsv, reportedWaves } from './wave-detection.ts';
import { detectWavesInDatabase } from './wave-incidents.ts';

// Real parts: the fixture imported into a real SQLite file and a real PostgreSQL database; the
// PDF read back with pdftotext; the feed parsed as XML.
const FIXTURE = new URL('./fixtures/kz-2020-21-with-background.csv', import.meta.url);
const NOW = new Date('2026-11-30T10:00:00.000Z');

interface FeedXml {
  feed: {
    id: string;
    updated: string;
    entry: { id: string; title: string; updated: string; link: { '@_href': string }; content?: string }[];
  };
}

for (const dialect of testDialects()) {
  describe(`waves and briefs on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => NOW);
      const parsed = incidentsFromCsv(readFileSync(FIXTURE), 'kz-2020-21-with-background.csv');
      if (!parsed.ok) throw new Error(parsed.error.message);
      await insertIncidents(
        ctx.store.db,
        parsed.value.map((i) => ({ ...i, id: `inc_${i.id}`, createdAt: `${i.date}T12:00:00.000Z` })),
      );
    });
    afterAll(async () => ctx.close());

    it('finds in the database the waves it finds in the file', async () => {
      const fromFile = incidentsFromCsv(readFileSync(FIXTURE), 'kz.csv');
      if (!fromFile.ok) throw new Error(fromFile.error.message);
      const a = await detectWavesInIncidents(fromFile.value, { seed: 3, replications: 99 });
      const b = await detectWavesInDatabase(ctx, { seed: 3, replications: 99 });
      if (!a.ok || !b.ok) throw new Error('detection failed');
      const strip = (ws: typeof a.value.waves) => ws.map(({ incidentIds: _ids, ...w }) => w);
      expect(strip(b.value.waves)).toEqual(strip(a.value.waves));
      expect(reportedWaves(b.value.waves).length).toBeGreaterThanOrEqual(2);
    });

    it('writes, renders, publishes a brief and serves it in the Atom feed', async () => {
      const detected = await detectWavesInDatabase(ctx, { replications: 99 });
      if (!detected.ok) throw new Error(detected.error.message);
      const rulings = reportedWaves(detected.value.waves).find((w) => w.actionTypes.includes('fine'));
      if (!rulings) throw new Error('no rulings wave');

      const created = await createWaveBrief(ctx, { waveId: rulings.id, replications: 99 });
      if (!created.ok) throw new Error(created.error.message);
      const { brief } = created.value;
      expect(brief).toMatchObject({
        waveId: rulings.id,
        lang: 'en',
        visibility: 'private',
        publishedAt: null,
        createdAt: NOW.toISOString(),
      });
      expect(brief.markdown).toContain('Kazakhstan International Bureau for Human Rights');
      expect(brief.markdown).toContain('Of 16 actions, 0 have a case checked'); // no cases in this database
      expect(brief.html).toContain('<svg');

      const pdf = await renderWaveBrief(ctx, brief.id, 'pdf');
      if (!pdf.ok) throw new Error(pdf.error.message);
      const file = join(mkdtempSync(join(tmpdir(), 'civic-brief-')), 'brief.pdf');
      writeFileSync(file, pdf.value.bytes);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Coordinated wave');

      const parse = (xml: string) =>
        new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml) as FeedXml;
      const before = await atomFeed(ctx, { baseUrl: 'https://monitor.example/' });
      if (!before.ok) throw new Error(before.error.message);
      expect(XMLValidator.validate(before.value)).toBe(true);
      expect(parse(before.value).feed.entry.some((e) => e.id.includes(brief.id))).toBe(false);

      const published = await publishBrief(ctx, brief.id);
      expect(published.ok && published.value.publishedAt).toBe(NOW.toISOString());
      const after = await atomFeed(ctx, { baseUrl: 'https://monitor.example/' });
      if (!after.ok) throw new Error(after.error.message);
      const feed = parse(after.value).feed;
      const entry = feed.entry.find((e) => e.id === `urn:civicledger:brief:${brief.id}`);
      expect(entry?.title).toBe(brief.title);
      expect(entry?.updated).toBe(NOW.toISOString());
      expect(entry?.link['@_href']).toBe(`https://monitor.example/api/v1/briefs/${brief.id}`);
      expect(feed.entry.filter((e) => e.id.startsWith('urn:civicledger:incident:')).length).toBe(100);
      expect(feed.updated).toBe(
        feed.entry
          .map((e) => e.updated)
          .sort()
          .at(-1),
      );
    });

    it('finds the November 2020 notices and the January 2021 rulings in the demo data, and counts time-barred claims from its cases', async () => {
      const demo = await freshContext(dialect, () => NOW);
      try {
        await seedDemo(demo);
        if ((await countIncidents(demo.store.db)) === 0) {
          // The demo's incidents step is the fixture; seed it here when the demo has none.
          const parsed = incidentsFromCsv(readFileSync(FIXTURE), 'kz.csv');
          if (!parsed.ok) throw new Error(parsed.error.message);
          await insertIncidents(
            demo.store.db,
            parsed.value.map((i) => ({ ...i, id: `inc_${i.id}`, createdAt: `${i.date}T12:00:00.000Z` })),
          );
        }
        const detected = await detectWavesInDatabase(demo, { replications: 199 });
        if (!detected.ok) throw new Error(detected.error.message);
        const waves = reportedWaves(detected.value.waves);
        const notices = waves.find((w) => w.actionTypes.includes('notice') && w.from.startsWith('2020-11'));
        expect(notices?.organisations).toEqual(
          expect.arrayContaining([
            'Echo',
            'Erkindik Kanaty',
            'Kazakhstan International Bureau for Human Rights',
          ]),
        );
        expect(notices?.pValue).toBeLessThan(0.05);
        const rulings = waves.find((w) => w.actionTypes.includes('fine'));
        expect(rulings?.to).toBe('2021-01-25');
        expect(rulings?.pValue).toBeLessThan(0.05);

        const created = await createWaveBrief(demo, { waveId: rulings?.id ?? '', replications: 99 });
        if (!created.ok) throw new Error(created.error.message);
        const lim = created.value.data.limitation;
        // The four rulings (Echo 15 Jan, Erkindik Kanaty 18 Jan, KIBHR and ILI 25 Jan) match the
        // demo cases' rulings; each is checked against CoAO Art. 62. The limitation finding rests on
        // the open questions of legal-brief §1.5 (unverified), so none counts as time-barred: they
        // are counted apart, and the brief says how many of them would be.
        expect(lim.available).toBe(true);
        const unverified = lim.unverified ?? 0;
        expect(lim.checked + unverified).toBeGreaterThanOrEqual(4);
        expect(lim.timeBarred + lim.withinTime).toBe(lim.checked);
        expect(lim.checked + unverified + lim.unknown).toBe(lim.actions);
        expect(unverified).toBeGreaterThanOrEqual(4);
        expect(lim.timeBarred).toBe(0);
        const md = created.value.brief.markdown.replace(/\s+/g, ' ');
        expect(md).toContain(`${lim.timeBarred} were time-barred when brought`);
        expect(md).toContain(`${unverified} more have a finding that rests on unverified rules`);
      } finally {
        await demo.close();
      }
    });

    it('writes a brief in Kazakh, stored and rendered as PDF with the Kazakh letters intact', async () => {
      const detected = await detectWavesInDatabase(ctx, { replications: 99 });
      if (!detected.ok) throw new Error(detected.error.message);
      const notices = reportedWaves(detected.value.waves).find(
        (w) => w.actionTypes.includes('notice') && w.from.startsWith('2020-11'),
      );
      if (!notices) throw new Error('no November 2020 wave');
      const created = await createWaveBrief(ctx, { waveId: notices.id, replications: 99, lang: 'kk' });
      if (!created.ok) throw new Error(created.error.message);
      const { brief } = created.value;
      expect(brief.lang).toBe('kk');
      expect(brief.title).toMatch(/^(Үйлестірілген толқын|Кластер): .* 2020 жылғы \d+ қараша – /);
      expect(brief.markdown).toContain('## Ескіру мерзімі өткен талаптар');
      expect(brief.html).toContain('<html lang="kk">');
      const pdf = await renderWaveBrief(ctx, brief.id, 'pdf');
      if (!pdf.ok) throw new Error(pdf.error.message);
      const file = join(mkdtempSync(join(tmpdir(), 'civic-brief-')), 'brief-kk.pdf');
      writeFileSync(file, pdf.value.bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const words of ['Не болды', 'Қай бап бойынша', 'Хронология', 'Әрекеттер', 'жылғы', 'қараша'])
        expect(text).toContain(words);
    });

    it('refuses an unknown wave, brief, language or format', async () => {
      const noWave = await createWaveBrief(ctx, { waveId: 'w-19990101-19990102-notice', replications: 9 });
      expect(noWave.ok ? null : noWave.error.code).toBe('WAVE_NOT_FOUND');
      const lang = await createWaveBrief(ctx, { waveId: 'x', lang: 'de' });
      expect(lang.ok ? null : lang.error.code).toBe('BRIEF_LANG_INVALID');
      const missing = await publishBrief(ctx, 'brf_missing');
      expect(missing.ok ? null : missing.error.code).toBe('BRIEF_NOT_FOUND');
      const fmt = await renderWaveBrief(ctx, 'brf_missing', 'docx');
      expect(fmt.ok ? null : fmt.error.code).toBe('BRIEF_FORMAT_INVALID');
    });
  });
}

describe("a brief's footer date", () => {
  it("is the pack's day (Asia/Almaty), not the UTC day: 23:30 UTC on 30 Nov is 1 Dec there", async () => {
    const ctx = await freshContext('sqlite', () => new Date('2026-11-30T23:30:00.000Z'));
    try {
      const parsed = incidentsFromCsv(readFileSync(FIXTURE), 'kz-2020-21-with-background.csv');
      if (!parsed.ok) throw new Error(parsed.error.message);
      await insertIncidents(
        ctx.store.db,
        parsed.value.map((i) => ({ ...i, id: `inc_${i.id}`, createdAt: `${i.date}T12:00:00.000Z` })),
      );
      const detected = await detectWavesInDatabase(ctx, { replications: 19, seed: 1 });
      if (!detected.ok) throw new Error(detected.error.message);
      const wave = detected.value.waves[0];
      if (!wave) throw new Error('no wave in the fixture');
      const footers = { en: 'Generated on 1 December 2026', ru: 'Создано 1 декабря 2026 г.' } as const;
      for (const lang of ['en', 'ru'] as const) {
        const b = await createWaveBrief(ctx, { waveId: wave.id, replications: 19, seed: 1, lang });
        if (!b.ok) throw new Error(b.error.message);
        expect(b.value.data.generatedOn).toBe('2026-12-01');
        expect(b.value.brief.markdown).toContain(footers[lang]);
        expect(b.value.brief.html).toContain(footers[lang]);
        expect(b.value.brief.markdown).not.toContain('30 ноября 2026');
      }
    } finally {
      await ctx.close();
    }
  });
});
