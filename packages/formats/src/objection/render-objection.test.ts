import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate as d, LOCALES } from '@civic/core';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { composeObjection, type ObjectionData } from './objection.ts';
import { renderObjectionDocx } from './render-objection-docx.ts';
import { renderObjectionPdf } from './render-objection-pdf.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const fonts = {
  regular: readFileSync(join(root, 'assets/fonts/DejaVuSans.ttf')),
  bold: readFileSync(join(root, 'assets/fonts/DejaVuSans-Bold.ttf')),
};
const dir = mkdtempSync(join(tmpdir(), 'civic-objection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Echo's ruling of 15 Jan 2021 (legal-brief.md §2.1): 400 MCI = 1,166,800 tenge and three months; the offence date is illustrative.
const ECHO: ObjectionData = {
  caseId: 'case_echo',
  caseTitle: 'State revenue claim 2020–21',
  draftedOn: d('2021-01-20'),
  illustrative: true,
  organisation: { name: 'Echo', bin: '070940000011', city: 'Almaty' },
  authority: { name: 'State Revenue Department', office: 'Almaly district', place: 'Almaty' },
  rulingOn: d('2021-01-15'),
  facts: [
    {
      date: d('2020-11-20'),
      kind: 'notice',
      authority: 'State Revenue Department',
      office: null,
      place: 'Almaty',
      article: null,
      tier: null,
      what: null,
      reference: null,
      committedOn: null,
      penalty: null,
      notes: null,
    },
    {
      date: d('2021-01-15'),
      kind: 'ruling',
      authority: 'State Revenue Department',
      office: 'Almaly district',
      place: 'Almaty',
      article: '460-1',
      tier: 'inaccurate-information',
      what: 'discrepancies in the 2018 report',
      reference: 'F.018.00 for 2018',
      committedOn: d('2019-04-10'),
      penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
      notes: null,
    },
  ],
  grounds: [
    {
      code: 'LIMITATION_EXPIRED',
      message: 'The limitation period expired on 2019-06-10.',
      citation: 'CoAO Art. 62(1)',
      verified: true,
      params: { startsOn: '2019-04-10', period: 'P2M', expiresOn: '2019-06-10', evaluatedOn: '2021-01-15' },
    },
  ],
  exhibits: [
    { description: 'F.018.00 for 2018, submitted on 2019-03-29; content sha256 ab12', contentHash: 'ab12' },
  ],
  annexes: [{ name: 'ruling.pdf', sha256: 'cd34' }],
  appealDeadline: { date: d('2021-01-29'), verified: false },
};

// Dates in each language's long form (issue 10), never ISO; no finding codes.
const facts = {
  en: ['Echo', '15 January 2021', '10 April 2019', '10 June 2019', '1,166,800'],
  ru: ['Echo', '15 января 2021 г.', '10 апреля 2019 г.', '10 июня 2019 г.'],
  kk: ['Echo', '2021 жылғы 15 қаңтар', '2019 жылғы 10 сәуір', '2019 жылғы 10 маусым'],
} as const;
const words = {
  en: ['COMPLAINT', 'limitation period has expired', 'terminate the proceedings', 'I REQUEST:'],
  ru: ['ЖАЛОБА', 'стёк срок давности', 'прекратить производство', 'ПРОШУ:'],
  kk: ['ШАҒЫМ', 'скіру мерзімі өтті', 'іс жүргізуді тоқтатуды', 'СҰРАЙМЫН:'],
} as const;

describe('objection drafts read back by real readers', () => {
  it.each(LOCALES.map((l) => [l]))('DOCX in %s holds the facts as editable text', async (lang) => {
    const bytes = await renderObjectionDocx(composeObjection(ECHO, lang));
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    for (const f of [...facts[lang], ...words[lang]]) expect(text).toContain(f);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|LIMITATION_EXPIRED/);
    expect(xml.match(/<w:p[ >]/g)?.length ?? 0).toBeGreaterThan(15);
  });

  it.each(LOCALES.map((l) => [l]))('PDF in %s holds the facts as text (pdftotext)', async (lang) => {
    const file = join(dir, `objection-${lang}.pdf`);
    writeFileSync(
      file,
      await renderObjectionPdf(composeObjection(ECHO, lang), {
        fonts,
        created: new Date('2021-01-20T00:00:00Z'),
      }),
    );
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const f of [...facts[lang], ...words[lang]]) expect(text).toContain(f);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|LIMITATION_EXPIRED/);
  });

  it('words the periods of each language; a code without a template is left for the lawyer (English only in en)', () => {
    const data = {
      ...ECHO,
      grounds: [
        ...ECHO.grounds,
        { code: 'SOMETHING_NEW', message: 'A new finding.', citation: null, verified: false, params: {} },
      ],
    };
    const ru = composeObjection(data, 'ru')
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join('\n');
    expect(ru).toContain('2 месяца');
    expect(ru).not.toContain('A new finding.');
    expect(ru).toContain('(основание излагается юристом)');
    expect(
      composeObjection(ECHO, 'en')
        .blocks.map((b) => ('text' in b ? b.text : ''))
        .join('\n'),
    ).toContain('2 months');
  });

  it('asks only to terminate when there is no ruling', () => {
    const text = composeObjection({ ...ECHO, rulingOn: null }, 'en');
    expect(text.title).toContain('OBJECTION');
    expect(text.blocks.some((b) => 'text' in b && b.text.includes('annul'))).toBe(false);
  });
});
