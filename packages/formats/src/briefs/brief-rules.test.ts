import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate, citeLegalBasis, parseRulePack, type Incident, type RulePack } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtureBrief, fixtureIncidents, fixtureWave } from './brief-fixture.ts';
import type { BriefLanguage } from './brief-labels.ts';
import { renderBriefHtml } from './render-brief-html.ts';
import { renderBriefMarkdown } from './render-brief-markdown.ts';
import { renderBriefPdf } from './render-brief-pdf.ts';
import { briefSections, type WaveBrief } from './wave-brief.ts';

// Real parts: the project's kz pack, the gazetteer, pdfkit read back by pdftotext.
const root = new URL('../../../../', import.meta.url);
const parsed = parseRulePack(parse(readFileSync(new URL('rules/kz.yaml', root), 'utf8')), 'kz.yaml');
if (!parsed.ok) throw new Error(parsed.error.message);
const kz: RulePack = parsed.value;
const fonts = {
  regular: readFileSync(new URL('assets/fonts/DejaVuSans.ttf', root)),
  bold: readFileSync(new URL('assets/fonts/DejaVuSans-Bold.ttf', root)),
};

/** The brief in every output format, as plain text with spaces collapsed. */
async function everyFormat(brief: WaveBrief, withPdf = true): Promise<Record<string, string>> {
  const flat = (t: string) => t.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
  const texts = {
    md: flat(renderBriefMarkdown(brief)),
    html: flat(renderBriefHtml(brief).replace(/<[^>]+>/g, ' ')),
  };
  if (!withPdf) return texts;
  const file = join(mkdtempSync(join(tmpdir(), 'civic-brief-')), 'brief.pdf');
  writeFileSync(file, await renderBriefPdf(brief, fonts));
  return { ...texts, pdf: flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })) };
}

function briefWith(lang: BriefLanguage, change: (i: Incident, n: number) => Partial<Incident>): WaveBrief {
  const incidents = fixtureIncidents().map((i, n) => ({ ...i, ...change(i, n) }));
  const base = fixtureBrief(lang);
  const wave = fixtureWave(incidents);
  const bases = [...incidents.flatMap((i) => (i.legalBasis ? [i.legalBasis] : [])), ...wave.legalBasis];
  if (wave.zone.legalBasis) bases.push(wave.zone.legalBasis);
  // As the app builds them (wave-briefs.ts): every basis the brief prints, cited from the pack.
  const cites = Object.fromEntries(bases.map((b) => [b, citeLegalBasis(kz, b, lang)]));
  return { ...base, incidents, wave, basisCites: cites };
}

describe('legal bases: article parts only where the pack has them', () => {
  const withPart: RulePack = {
    ...kz,
    offences: kz.offences.map((o) =>
      o.article === '460-1' ? { ...o, tiers: o.tiers.map((t, i) => (i === 1 ? { ...t, part: '2' } : t)) } : o,
    ),
  };
  // Every tier of Art. 460-1 in the pack has `part: null` (legal-brief §1.4: part numbers unknown).
  it.each([
    ['kz', 'ч. 2 ст. 460-1 КоАП РК', 'ru', 'статья 460-1 КоАП РК'],
    ['kz', 'ч. 1 ст. 460-1 КоАП РК', 'kk', 'ӘҚБтК 460-1-бабы'],
    ['kz', 'CoAO 460-1 part 2', 'en', 'CoAO Art. 460-1'],
    ['kz', 'CoAO Art. 460-1(2)', 'ru', 'статья 460-1 КоАП РК'],
    ['kz', '2-бөлік ӘҚБтК 460-1-бабы', 'kk', 'ӘҚБтК 460-1-бабы'],
    ['kz', 'ч. 10 ст. 489 КоАП РК', 'ru', 'ст. 489 КоАП РК'],
    ['kz', 'ст. 174 УК РК', 'kk', 'ҚР ҚК 174-бабы'],
    ['kz', 'ст. 29 НК РК', 'en', 'Tax Code Art. 29'],
    ['kz with part 2', 'ч. 2 ст. 460-1 КоАП РК', 'ru', 'статья 460-1 КоАП РК, ч. 2'],
    ['kz with part 2', 'ч. 3 ст. 460-1 КоАП РК', 'ru', 'статья 460-1 КоАП РК'],
  ] as const)('%s: «%s» in %s → «%s»', (pack, text, lang, expected) => {
    expect(citeLegalBasis(pack === 'kz' ? kz : withPart, text, lang)).toBe(expected);
  });

  it.each(['ru', 'kk', 'en'] as const)('prints no part the pack lacks, in any format (%s)', async (lang) => {
    const brief = briefWith(lang, (_, n) => ({
      legalBasis: n % 2 ? 'ч. 2 ст. 460-1 КоАП РК' : 'CoAO 460-1 part 1',
    }));
    for (const [format, text] of Object.entries(await everyFormat(brief))) {
      expect([format, text.match(/.{30}(?:ч\. \d|part \d|бөлік).{10}/)?.[0]]).toEqual([format, undefined]);
      expect(text).toContain(citeLegalBasis(kz, 'ст. 460-1 КоАП РК', lang));
    }
  });
});

describe("place names as they were on the event's day (the gazetteer)", () => {
  it.each([
    ['Astana', '2019-03-22', { en: 'Astana', ru: 'Астана', kk: 'Астана' }],
    ['Astana', '2019-03-23', { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' }],
    ['Nur-Sultan', '2020-11-18', { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' }],
    ['Nur-Sultan', '2022-09-16', { en: 'Nur-Sultan', ru: 'Нур-Султан', kk: 'Нұр-Сұлтан' }],
    ['Nur-Sultan', '2022-09-17', { en: 'Astana', ru: 'Астана', kk: 'Астана' }],
    ['Oral', '2020-11-23', { en: 'Uralsk', ru: 'Уральск', kk: 'Орал' }],
  ] as const)('%s on %s', (place, date, names) => {
    for (const lang of ['en', 'ru', 'kk'] as const) {
      // Every incident of the wave in that place on that day: the section names it once.
      const brief = briefWith(lang, () => ({ place, date: calendarDate(date), dateTo: calendarDate(date) }));
      const where =
        briefSections(brief)
          .find((s) => s.key === 'where')
          ?.paragraphs.join(' ') ?? '';
      expect(where.startsWith(names[lang])).toBe(true);
      for (const other of [place, ...Object.values(names)].filter((x) => x !== names[lang]))
        expect(where).not.toContain(other);
    }
  });
});

describe("numbers in the language's form", () => {
  it.each([
    ['ru', 1485.2, 2.5, '1 485 км', '2,5'],
    ['kk', 1485.2, 2.5, '1 485 км', '2,5'],
    ['en', 1485.2, 2.5, '1,485 km', '2.5'],
  ] as const)('%s: %s km and %s expected', (lang, km, expected, kmText, expectedText) => {
    const base = fixtureBrief(lang);
    const brief = { ...base, wave: { ...base.wave, spreadKm: km, expected } };
    const what = (
      briefSections(brief)
        .find((s) => s.key === 'what')
        ?.paragraphs.join(' ') ?? ''
    ).replace(/\u00a0/g, ' ');
    expect(what).toContain(kmText);
    expect(what).toContain(` ${expectedText} `);
  });
});

describe("illustrative incidents are labelled in the brief's language", () => {
  const notice = {
    ru: 'ИЛЛЮСТРАТИВНЫЕ ДАННЫЕ',
    kk: 'ИЛЛЮСТРАЦИЯЛЫҚ ДЕРЕКТЕР',
    en: 'ILLUSTRATIVE DATA',
  } as const;
  const mark = { ru: '(иллюстративно)', kk: '(иллюстрациялық)', en: '(illustrative)' } as const;
  it.each([
    ['иллюстративный фон (сгенерировано, не задокументированное событие)', true],
    ['протокол 1 из 2; день иллюстративный', true],
    ['one of the 13; name illustrative', true],
    ['OMCT urgent appeal', false],
    [null, false],
  ] as const)('notes «%s» → labelled: %s', async (notes, labelled) => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const brief = briefWith(lang, (_, n) => ({ notes: n === 2 ? notes : null }));
      // The PDF (slow to write) once per row; Markdown and HTML in every language.
      for (const text of Object.values(await everyFormat(brief, lang === 'ru'))) {
        expect(text.includes(notice[lang])).toBe(labelled);
        expect(text.includes(mark[lang])).toBe(labelled);
      }
    }
  });
});
