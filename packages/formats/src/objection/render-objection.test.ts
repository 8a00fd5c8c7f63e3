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
import { ruInstrumentalName } from './objection-words.ts';

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
  organisation: { name: 'Echo', bin: '070940000014', city: 'Almaty' },
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
  en: ['COMPLAINT', 'limitation period has expired', 'To terminate the proceedings', 'I REQUEST:'],
  ru: ['ЖАЛОБА', 'стёк срок давности', 'Прекратить производство', 'ПРОШУ:'],
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

const lines = (data: ObjectionData, lang: 'ru' | 'kk' | 'en'): string =>
  composeObjection(data, lang)
    .blocks.map((b) => ('text' in b ? b.text : ''))
    .join('\n');

describe('a self-consistent objection (issue 10)', () => {
  const limitation = (code: string, params: Record<string, string | null>): ObjectionData => ({
    ...ECHO,
    grounds: [
      {
        code,
        message: 'The limitation period expired.',
        citation: 'CoAO Art. 62(1)',
        verified: false,
        params: {
          startsOn: '2019-04-10',
          period: 'P2M',
          expiresOn: '2019-06-10',
          evaluatedOn: '2021-01-15',
          ...params,
        },
        cite: 'часть 1 статьи 62 КоАП РК',
        source: 'unconfirmed',
      },
    ],
    requestBasis: {
      limitation: 'часть 1 статьи 62 КоАП РК',
      restoration: null,
      offence: 'статья 460-1 КоАП РК',
    },
  });

  it('a continuing reading whose period ends after the ruling is never printed as a ground, only noted for the lawyer', () => {
    const data: ObjectionData = {
      ...limitation('LIMITATION_EXPIRED_IF_NOT_CONTINUING', {
        alternativeStartsOn: '2020-11-20',
        alternativeExpiresOn: '2021-01-21',
      }),
      notes: [{ kind: 'continuing', startsOn: d('2020-11-20'), expiresOn: d('2021-01-21') }],
    };
    const text = lines(data, 'ru');
    const body = text.split('— конец примечания —')[1] ?? '';
    expect(body).not.toContain('21 января 2021 г.');
    expect(body).not.toContain('сочтёт правонарушение длящимся');
    expect(body).toContain('не является длящимся');
    expect(text.split('— конец примечания —')[0]).toContain(
      'Если правонарушение будет признано длящимся, срок давности со дня обнаружения (20 ноября 2020 г.) истекает 21 января 2021 г.',
    );
  });

  it('a continuing reading that also ran out is raised only as the alternative, after the main ground', () => {
    const data = limitation('LIMITATION_EXPIRED', {
      alternativeStartsOn: '2019-05-01',
      alternativeExpiresOn: '2019-07-01',
    });
    const ru = lines(data, 'ru');
    expect(ru).toMatch(
      /Если официальный текст закона подтвердит применённую здесь норму, то истёк срок давности: .* В случае, если суд сочтёт правонарушение длящимся, срок давности, исчисляемый со дня его обнаружения \(1 мая 2019 г\.\), также истёк 1 июля 2019 г\., до 15 января 2021 г\./,
    );
    expect(lines(data, 'kk')).toContain('Егер сот құқық бұзушылықты созылмалы деп санаса');
    expect(lines(data, 'en')).toContain('Should the court consider the offence a continuing one');
    expect(lines(limitation('LIMITATION_EXPIRED', { alternativeExpiresOn: null }), 'ru')).not.toContain(
      'длящимся',
    );
  });

  it('each request point cites its provision from the data, in the local style', () => {
    const ru = lines(limitation('LIMITATION_EXPIRED', {}), 'ru');
    expect(ru).toContain(
      'Отменить постановление № ____ от 15 января 2021 г. и все назначенные им взыскания на основании части 1 статьи 62 КоАП РК.',
    );
    expect(
      lines(
        {
          ...limitation('LIMITATION_EXPIRED', {}),
          rulingNumber: '17-3/412',
          rulingOfficial: 'заместителем руководителя Е. Мукановым',
        },
        'ru',
      ),
    ).toContain('№ 17-3/412 от 15 января 2021 г., вынесенное заместителем руководителя Е. Мукановым');
    // Another pack's article numbers travel through unchanged: nothing is written in code.
    const other = {
      ...limitation('LIMITATION_EXPIRED', {}),
      requestBasis: { limitation: 'статья 99 КоАП РК', restoration: null, offence: null },
    };
    expect(lines(other, 'ru')).toContain(
      'в связи с истечением срока давности привлечения к административной ответственности на основании статьи 99 КоАП РК.',
    );
    expect(
      lines(
        { ...other, requestBasis: { limitation: 'ӘҚБтК 99-бабы', restoration: null, offence: null } },
        'kk',
      ),
    ).toContain('ӘҚБтК 99-бабы негізінде әкімшілік жауаптылыққа тарту мерзімінің ескіруіне байланысты');
  });
});

describe('ruInstrumentalName', () => {
  it.each([
    ['А. Б. Оспанов', 'А. Б. Оспановым'],
    ['Н. С. Серикова', 'Н. С. Сериковой'],
    ['Е. Муканов', 'Е. Мукановым'],
    ['К. Т. Байтасов', 'К. Т. Байтасовым'],
    ['заместителем руководителя Е. Мукановым', 'заместителем руководителя Е. Мукановым'],
    ['А. Б. Оспанов (иллюстративно)', 'А. Б. Оспанов (иллюстративно)'],
  ])('%s → %s', (name, expected) => expect(ruInstrumentalName(name)).toBe(expected));
});
