import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJsonOf,
  filingWords,
  localText,
  parseRulePack,
  type FilingContent,
  type FilingRecord,
  type Locale,
  type RulePack,
} from '@civic/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sha256Hex } from '../bundle/sha256.ts';
import { sampleFilingContent, sampleNotificationContent } from './filing-fixture.ts';
import { renderFilingPdf } from './render-filing-pdf.ts';
import { renderFilingXlsx } from './render-filing-xlsx.ts';

// Real parts: the project's kz pack, pdfkit with DejaVu Sans read back by pdftotext, ExcelJS.
const root = new URL('../../../../', import.meta.url);
const fonts = {
  regular: readFileSync(new URL('assets/fonts/DejaVuSans.ttf', root)),
  bold: readFileSync(new URL('assets/fonts/DejaVuSans-Bold.ttf', root)),
};
const parsed = parseRulePack(parse(readFileSync(new URL('rules/kz.yaml', root), 'utf8')), 'kz.yaml');
if (!parsed.ok) throw new Error(parsed.error.message);
const kz: RulePack = parsed.value;

function record(content: FilingContent): FilingRecord {
  return {
    id: 'fil_1',
    organisation: 'org_echo',
    obligationId: content.obligation.id,
    form: content.form.id,
    periodFrom: content.obligation.period.from,
    periodTo: content.obligation.period.to,
    state: 'submitted',
    corrects: null,
    contentHash: sha256Hex(canonicalJsonOf(content)),
    content,
    createdAt: '2023-08-10T09:00:00.000Z',
    submission: {
      submittedOn: '2023-08-14',
      channel: 'cabinet.salyk.kz',
      incomingNumber: 'KGD-2023-0815-001',
      attachments: [],
      recordedAt: '2023-08-14T10:00:00.000Z',
    },
  };
}

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'civic-pdf-')), 'filing.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}

async function xlsxText(bytes: Uint8Array): Promise<{ text: string; dates: ExcelJS.Cell[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const texts: string[] = [];
  const dates: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => {
    texts.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) dates.push(cell);
        else if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
  });
  return { text: texts.join(' ').replace(/\s+/g, ' '), dates };
}

/** Latin words left once the records' own data (names, numbers, codes) and hashes are taken out. */
function englishIn(text: string, content: FilingContent): string[] {
  const data = [
    ...content.receipts.flatMap((r) => [r.source.name, r.source.country ?? '', r.currency ?? '']),
    ...content.grants.flatMap((g) => [g.agreementNumber, g.sourceName, g.currency]),
    'cabinet.salyk.kz KGD sha256 KZT',
  ].join(' ');
  const allowed = new Set(data.match(/[A-Za-z]{2,}/g) ?? []);
  const words = text.replace(/[0-9a-f]{64}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
  // Roman numerals are law numbers («№ 214-VIII»), not English.
  return [...new Set(words.filter((w) => !allowed.has(w) && !/^[IVXLC]+$/.test(w)))];
}

const version = (id: string, on: string) =>
  kz.obligations.find((o) => o.id === id && o.inForce.from <= on && (o.inForce.to ?? '9999') >= on);

const cases = [
  {
    name: 'the H1 2023 report (F.018.00)',
    content: sampleFilingContent(),
    period: { ru: '1 полугодие 2023 г.', kk: '2023 жылғы 1-жартыжылдық', en: 'H1 2023' },
  },
  { name: 'a notification (F.017.00)', content: sampleNotificationContent(), period: null },
] as const;
const langs: readonly Locale[] = ['ru', 'kk', 'en'];
const sourcePhrase = { ru: 'не подтверждено', kk: 'расталмаған', en: 'unconfirmed' } as const;

describe('a rendered filing speaks its language, from the pack', () => {
  for (const { name, content, period } of cases) {
    const filing = record(content);
    const v = version(content.obligation.ruleId, content.obligation.period.from);
    it.each(langs.flatMap((lang) => [[lang, 'pdf'] as const, [lang, 'xlsx'] as const]))(
      `${name}: %s %s`,
      async (lang, format) => {
        if (!v) throw new Error('no obligation in the pack for the fixture');
        const words = filingWords(kz, content, lang);
        const text =
          format === 'pdf'
            ? pdfText(await renderFilingPdf(filing, { lang, fonts, words }))
            : (await xlsxText(await renderFilingXlsx(filing, { lang, words }))).text;
        const title = localText(v.form.title, lang);
        const q = lang === 'en' ? ['“', '”'] : ['«', '»'];
        // The form as it is called, then the phrase for its source kind (the pack: unconfirmed).
        expect(text).toContain(`${content.form.id} ${q[0]}${title}${q[1]} (${sourcePhrase[lang]}`);
        expect(text).toContain(localText(v.title, lang));
        for (const id of v.legalBasis) {
          const basis = kz.legalBases.find((b) => b.id === id);
          if (
            basis &&
            basis.inForce.from <= content.obligation.dueOn &&
            (basis.inForce.to ?? '9999') >= content.obligation.dueOn
          )
            expect(text).toContain(localText(basis.cite ?? basis.title, lang));
        }
        if (period) expect(text).toContain(period[lang]);
        expect(text).not.toMatch(/\b\d{4}-\d\d-\d\d\b/);
        expect(text).not.toContain('fil_1');
        expect(text).not.toContain(content.obligation.ruleId);
        // Nothing here was read in the official text: no line may say it was.
        expect(text).not.toContain(
          {
            ru: 'сверено с официальным',
            kk: 'ресми мәтінмен салыстырылған',
            en: 'checked against the official text',
          }[lang],
        );
        if (lang !== 'en') expect(englishIn(text, content)).toEqual([]);
      },
    );
  }

  it.each(langs)(
    'says "checked against the official text" only when the pack says official-text (%s)',
    async (lang) => {
      const content = sampleFilingContent();
      const official: RulePack = {
        ...kz,
        obligations: kz.obligations.map((o) =>
          o.form.id === 'F.018.00' ? { ...o, form: { ...o.form, source: 'official-text' as const } } : o,
        ),
      };
      const text = pdfText(
        await renderFilingPdf(record(content), { lang, fonts, words: filingWords(official, content, lang) }),
      );
      expect(text).toContain(
        {
          ru: 'сверено с официальным текстом',
          kk: 'ресми мәтінмен салыстырылған',
          en: 'checked against the official text',
        }[lang],
      );
    },
  );

  it.each(langs.flatMap((lang) => [[lang, 'pdf'] as const, [lang, 'xlsx'] as const]))(
    "prints none of the content's research notes and names the organisation as asked (%s %s)",
    async (lang, format) => {
      const content = sampleFilingContent();
      expect(content.notes.length).toBeGreaterThan(0);
      const options = { lang, words: filingWords(kz, content, lang), organisationName: '«Жаңғырық» ҚҚ' };
      const text =
        format === 'pdf'
          ? pdfText(await renderFilingPdf(record(content), { ...options, fonts }))
          : (await xlsxText(await renderFilingXlsx(record(content), options))).text;
      for (const note of content.notes) expect(text).not.toContain(note);
      expect(text).toContain('«Жаңғырық» ҚҚ');
      expect(text).not.toContain(content.organisation.name);
    },
  );

  it.each(langs.flatMap((lang) => [[lang, 'pdf'] as const, [lang, 'xlsx'] as const]))(
    "prints the pack's notes on the unverified rules in the document's language (%s %s)",
    async (lang, format) => {
      const content = sampleFilingContent();
      const rule = version('receipt-expenditure-report', content.obligation.period.from);
      const note = rule?.form.verified === false ? rule.form.note : undefined;
      expect(note).toBeDefined();
      const options = { lang, words: filingWords(kz, content, lang) };
      const text =
        format === 'pdf'
          ? pdfText(await renderFilingPdf(record(content), { ...options, fonts }))
          : (await xlsxText(await renderFilingXlsx(record(content), options))).text;
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      expect(flat(text)).toContain(flat(localText(note ?? '', lang)));
      if (lang !== 'en') expect(flat(text)).not.toContain(flat(localText(note ?? '', 'en')));
    },
  );

  it('keeps dates in the sheets as real dates shown in the language (not ISO text)', async () => {
    for (const [lang, fmt] of [
      ['ru', 'dd.mm.yyyy'],
      ['kk', 'dd.mm.yyyy'],
      ['en', 'd mmm yyyy'],
    ] as const) {
      const { dates } = await xlsxText(await renderFilingXlsx(record(sampleFilingContent()), { lang }));
      expect(dates.length).toBeGreaterThan(5);
      for (const cell of dates) expect(cell.numFmt).toBe(fmt);
    }
  });
});
