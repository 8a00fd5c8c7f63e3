import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { fixtureBrief } from './brief-fixture.ts';
import { BRIEF_LANGUAGES, briefLabels, isBriefLanguage, type BriefLanguage } from './brief-labels.ts';
import { briefMap } from './brief-map.ts';
import { renderBriefHtml } from './render-brief-html.ts';
import { renderBriefMarkdown } from './render-brief-markdown.ts';
import { renderBriefPdf } from './render-brief-pdf.ts';
import { renderSceneSvg } from './scene.ts';
import { timelineChart } from './timeline-chart.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const fonts = {
  regular: readFileSync(join(root, 'assets/fonts/DejaVuSans.ttf')),
  bold: readFileSync(join(root, 'assets/fonts/DejaVuSans-Bold.ttf')),
};

/** The nine letters of Kazakh Cyrillic that Russian lacks, lower and upper case. */
const KAZAKH_LETTERS = 'әғқңөұүһі ӘҒҚҢӨҰҮҺІ';
const KK_HEADINGS = [
  'Не болды',
  'Кімге қатысты',
  'Қай жерде',
  'Қашан',
  'Қай бап бойынша',
  'Ескіру мерзімі өткен талаптар',
  'Хронология',
  'Карта',
  'Әрекеттер',
  'Әдіс',
];

/** The fixture in Kazakh, with one organisation named in every Kazakh letter and a penalty on one action. */
function kazakhBrief() {
  const brief = fixtureBrief('kk');
  const incidents = brief.incidents.map((i, n) =>
    n === 0
      ? { ...i, organisation: `Қоғамдық бірлестік ${KAZAKH_LETTERS}` }
      : n === 1
        ? { ...i, penaltyMci: 100, suspensionMonths: 3 }
        : i,
  );
  return {
    ...brief,
    incidents,
    wave: { ...brief.wave, organisations: [...new Set(incidents.map((i) => i.organisation))].sort() },
  };
}

describe('brief languages', () => {
  it('are English, Russian and Kazakh, and nothing else', () => {
    expect(BRIEF_LANGUAGES).toEqual(['en', 'ru', 'kk']);
    expect(['en', 'ru', 'kk'].every(isBriefLanguage)).toBe(true);
    expect(['de', 'kz', 'KK', '', 'en-GB'].some(isBriefLanguage)).toBe(false);
  });

  // Kazakh month names (Kazakh orthography; a date reads "2020 жылғы 16 қараша").
  it.each([
    ['2021-01-05', '2021 жылғы 5 қаңтар'],
    ['2021-02-05', '2021 жылғы 5 ақпан'],
    ['2021-03-05', '2021 жылғы 5 наурыз'],
    ['2021-04-05', '2021 жылғы 5 сәуір'],
    ['2021-05-05', '2021 жылғы 5 мамыр'],
    ['2021-06-05', '2021 жылғы 5 маусым'],
    ['2021-07-05', '2021 жылғы 5 шілде'],
    ['2021-08-05', '2021 жылғы 5 тамыз'],
    ['2021-09-05', '2021 жылғы 5 қыркүйек'],
    ['2021-10-05', '2021 жылғы 5 қазан'],
    ['2020-11-16', '2020 жылғы 16 қараша'],
    ['2021-12-31', '2021 жылғы 31 желтоқсан'],
  ])('writes %s in Kazakh as %s', (iso, text) => {
    expect(briefLabels('kk').date(calendarDate(iso))).toBe(text);
  });

  it.each(BRIEF_LANGUAGES)(
    "has every label in %s, none of them empty, and no other language's words",
    (lang: BriefLanguage) => {
      const md = renderBriefMarkdown(briefIn(lang));
      for (const other of BRIEF_LANGUAGES.filter((x) => x !== lang)) {
        const o = briefLabels(other);
        for (const word of [
          o.whatHappened,
          o.toWhom,
          o.article,
          o.timeBarred,
          o.method,
          o.anyAction,
          o.columns.organisation,
          o.penaltyMci('100'),
          o.date(calendarDate('2020-11-17')),
        ]) {
          if (word !== briefLabels(lang).map) expect(md).not.toContain(word);
        }
      }
    },
  );
});

/** The Kazakh fixture's data (with its penalty) rendered in another language. */
function briefIn(lang: BriefLanguage) {
  return { ...kazakhBrief(), lang };
}

describe('brief drawings', () => {
  it('draws the timeline as valid SVG with one block per action', () => {
    const svg = renderSceneSvg(timelineChart(fixtureBrief()));
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg) as {
      svg: { rect: { '@_fill': string }[] };
    };
    expect(doc.svg.rect.filter((r) => r['@_fill'] === '#1f6fb2')).toHaveLength(8 + 1); // eight actions and the legend's key
  });

  it('draws the map with the country outline and a circle per place with coordinates', () => {
    const scene = briefMap(fixtureBrief());
    expect(scene.shapes.filter((s) => s.kind === 'polygon')).toHaveLength(1);
    const circles = scene.shapes.filter((s) => s.kind === 'circle');
    expect(circles).toHaveLength(3); // Almaty, Nur-Sultan, Oral; the unlisted village has no coordinates
    const svg = renderSceneSvg(scene);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Almaty (4)');
    // Almaty (south-east) is drawn right of and below Oral (north-west).
    const byName = (name: string) => scene.shapes.find((s) => s.kind === 'text' && s.text.startsWith(name));
    const almaty = byName('Almaty');
    const oral = byName('Uralsk'); // entered as "Oral": the gazetteer's English name
    expect(
      almaty &&
        oral &&
        almaty.kind === 'text' &&
        oral.kind === 'text' &&
        almaty.x > oral.x &&
        almaty.y > oral.y,
    ).toBe(true);
  });

  it('names the places in the brief’s language, as they were named on the day', () => {
    const kk = renderSceneSvg(briefMap(fixtureBrief('kk')));
    expect(kk).toContain('>Алматы (4)</text>');
    expect(kk).toContain('>Нұр-Сұлтан (2)</text>');
    expect(kk).toContain('>Орал</text>');
    const ru = renderSceneSvg(briefMap(fixtureBrief('ru')));
    expect(ru).toContain('>Нур-Султан (2)</text>');
    expect(ru).toContain('>Уральск</text>');
  });
});

describe('renderBriefMarkdown', () => {
  it('says what, to whom, where, when, under which article, and how many were time-barred', () => {
    const md = renderBriefMarkdown(fixtureBrief());
    expect(md).toMatch(
      /^# Coordinated wave: 8 actions \(any inspection action · CoAO 460-1\) against 8 organisations, 17 Nov 2020 – 26 Nov 2020/,
    );
    for (const h of [
      '## What happened',
      '## To whom',
      '## Where',
      '## When',
      '## Under which article',
      '## Time-barred claims',
      '## Timeline',
      '## Map',
      '## The actions',
    ])
      expect(md).toContain(h);
    expect(md).toContain('3 were time-barred when brought');
    expect(md).toContain('Not on the map (no coordinates): Unlisted village.');
    expect(md).toContain('p = 0.001');
    const images = [...md.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(images).toHaveLength(2);
    const svg = Buffer.from(images[1]?.[1] ?? '', 'base64').toString('utf8');
    expect(svg).toContain('class="brief-map"');
    expect(md.split('\n').filter((l) => /^\| \d+ Nov 2020 \|/.test(l))).toHaveLength(8);
  });

  it('says so when claim checks are not available', () => {
    const brief = {
      ...fixtureBrief(),
      limitation: { available: false, actions: 8, checked: 0, timeBarred: 0, withinTime: 0, unknown: 8 },
    };
    expect(renderBriefMarkdown(brief)).toContain('Unknown for all 8 actions');
  });

  it('renders in Russian', () => {
    const md = renderBriefMarkdown(fixtureBrief('ru'));
    expect(md).toContain('# Скоординированная волна');
    expect(md).toContain('## По какой статье');
    expect(md).toContain('17.11.2020');
  });

  it('renders in Kazakh: headings, dates with Kazakh month names, action names and penalties', () => {
    const md = renderBriefMarkdown(kazakhBrief());
    expect(md).toMatch(
      /^# Үйлестірілген толқын: 8 ұйымға қатысты 8 әрекет \(кез келген әрекет: тексерулер · CoAO 460-1\), 2020 жылғы 17 қараша – 2020 жылғы 26 қараша/,
    );
    for (const h of KK_HEADINGS) expect(md).toContain(`## ${h}\n`);
    expect(md).toContain(
      '2020 жылғы 17 қараша – 2020 жылғы 26 қараша аралығында 4 елді мекендегі 8 ұйымға қатысты',
    );
    expect(md).toContain('3 талап ескіру мерзімі өткеннен кейін қойылған');
    expect(md).toContain('(іздеу кезеңі: 14 күн)');
    expect(md).toContain('Картада жоқ (координаттары белгісіз): Unlisted village.');
    expect(md).toContain('хабарлама (100 АЕК, 3 айға тоқтата тұру)');
    expect(md).toContain(KAZAKH_LETTERS);
    expect(md.split('\n').filter((l) => /^\| 2020 жылғы \d+ қараша \|/.test(l))).toHaveLength(8);
    const alts = [...md.matchAll(/!\[([^\]]*)\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/g)].map(
      (m) => m[1],
    );
    expect(alts).toEqual([
      'Хронология: 2020 жылғы 17 қараша – 2020 жылғы 26 қараша',
      'Карта: елді мекендер саны — 4',
    ]);
  });
});

describe('renderBriefHtml', () => {
  it('is one self-contained page with the chart and the map inline', () => {
    const html = renderBriefHtml(fixtureBrief());
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link |src="http/);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(XMLValidator.validate(svg)).toBe(true);
    expect(html).toContain('<td>Kadir Kassiet</td>');
  });

  it('escapes what it is given', () => {
    const brief = fixtureBrief();
    const evil = {
      ...brief,
      incidents: brief.incidents.map((i, n) =>
        n === 0 ? { ...i, organisation: '<script>alert(1)</script>' } : i,
      ),
    };
    expect(renderBriefHtml(evil)).not.toContain('<script>');
  });

  it('renders in Kazakh, with the chart and the map labelled in Kazakh', () => {
    const html = renderBriefHtml(kazakhBrief());
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain('<h1>Үйлестірілген толқын: 8 ұйымға қатысты 8 әрекет');
    for (const h of KK_HEADINGS) expect(html).toContain(`<h2>${h}</h2>`);
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(XMLValidator.validate(svg)).toBe(true);
    expect(svgs[0]).toContain('>тексерулер</text>'); // the legend's family
    expect(svgs[0]).toContain('>17.11</text>'); // an axis tick
    expect(svgs[1]).toContain('>500\u00a0км</text>');
    expect(html).toContain(`<td>Қоғамдық бірлестік ${KAZAKH_LETTERS}</td>`);
    expect(html).toContain('<th>Құқықтық негіз</th>');
  });
});

describe('renderBriefPdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-brief-'));

  async function writePdf(lang: BriefLanguage): Promise<string> {
    const file = join(dir, `brief-${lang}.pdf`);
    writeFileSync(file, await renderBriefPdf(lang === 'kk' ? kazakhBrief() : fixtureBrief(lang), fonts));
    return file;
  }

  it('holds the text (read back with pdftotext)', async () => {
    const layout = execFileSync('pdftotext', ['-layout', await writePdf('en'), '-'], { encoding: 'utf8' });
    const text = layout.replace(/\s+/g, ' ');
    expect(text).toContain('Coordinated wave');
    expect(text).toContain('Kazakhstan International Bureau for Human Rights');
    expect(text).toContain('CoAO 460-1 part 2');
    expect(text).toContain('3 were time-barred');
    expect(layout).toContain('Almaty (4)'); // a label drawn on the map
  });

  it('holds Cyrillic text in Russian', async () => {
    const text = execFileSync('pdftotext', [await writePdf('ru'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Скоординированная волна');
    expect(text).toContain('Хронология');
  });

  it('holds Kazakh text: the headings, the Kazakh month names, every Kazakh letter', async () => {
    const text = execFileSync('pdftotext', [await writePdf('kk'), '-'], { encoding: 'utf8' });
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('Үйлестірілген толқын');
    for (const h of KK_HEADINGS) expect(words).toContain(h);
    expect(words).toContain('2020 жылғы 17 қараша – 2020 жылғы 26 қараша');
    expect(words).toContain('2020 жылғы 26 қараша — ');
    expect(words).toContain('Карта: елді мекендер саны — 4'); // the map's title, drawn in the scene
    expect(words).toContain('100 АЕК');
    expect(words).toContain(`Қоғамдық бірлестік ${KAZAKH_LETTERS}`);
    for (const letter of KAZAKH_LETTERS.replace(' ', '')) expect(words).toContain(letter);
  });

  it('draws the chart and the map (rendered with pdftoppm: their colours are on the page)', async () => {
    const pdf = await writePdf('en');
    execFileSync('pdftoppm', ['-r', '40', pdf, join(dir, 'page')]);
    const counts = { land: 0, blocks: 0 };
    for (const f of readdirSync(dir).filter((x) => x.startsWith('page') && x.endsWith('.ppm'))) {
      const { pixels } = readPpm(readFileSync(join(dir, f)));
      for (let i = 0; i + 2 < pixels.length; i += 3) {
        const [r, g, b] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0];
        if (Math.abs(r - 0xf5) <= 3 && Math.abs(g - 0xf0) <= 3 && Math.abs(b - 0xe6) <= 3) counts.land++;
        if (Math.abs(r - 0x1f) <= 12 && Math.abs(g - 0x6f) <= 12 && Math.abs(b - 0xb2) <= 12) counts.blocks++;
      }
    }
    expect(counts.land).toBeGreaterThan(2000); // the country's fill
    expect(counts.blocks).toBeGreaterThan(100); // timeline blocks and map circles
  });

  it('gives the same bytes for the same brief', async () => {
    const a = await renderBriefPdf(fixtureBrief(), fonts);
    const b = await renderBriefPdf(fixtureBrief(), fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

function readPpm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}
