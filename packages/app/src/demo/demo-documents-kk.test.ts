import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate as d, type FilingContent } from '@civic/core';
import { russianInKazakh } from '@civic/formats';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCasesOf } from '../claims/cases.ts';
import { draftObjection } from '../claims/objection.ts';
import { getFiling, listFilings } from '../filings/filing-records.ts';
import { renderFiling } from '../filings/render-filing.ts';
import { freshContext } from '../test-support.ts';
import { createWaveBrief, renderWaveBrief } from '../waves/wave-briefs.ts';
import { detectWavesInDatabase } from '../waves/wave-incidents.ts';
import { seedDemo } from './seed-demo.ts';

// Every Kazakh document the demo can produce holds no Russian (issue 10): the objection of every
// demo case (PDF read back by pdftotext, DOCX unzipped), every filing (PDF and XLSX) and every
// brief. Text the organisation typed in its records (descriptions, donors' names) prints as
// entered and is named to the checker; everything the software writes must be Kazakh.
const dir = mkdtempSync(join(tmpdir(), 'civic-demo-kk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Reading order, not layout: a table cell's wrapped lines stay together.
const pdfText = (bytes: Uint8Array, name: string): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};
const docxText = async (bytes: Uint8Array): Promise<string> => {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
};
const xlsxText = async (bytes: Uint8Array): Promise<string> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const texts: string[] = [];
  wb.eachSheet((ws) => {
    texts.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))),
    );
  });
  return texts.join('\n');
};
/** The visible text of an HTML page: no styles, scripts or tags, entities decoded. */
const htmlText = (html: string): string =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&laquo;/g, '«')
    .replace(/&raquo;/g, '»')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1-$2');

/** What the organisation typed into the records a filing reports. */
function enteredData(c: FilingContent): string[] {
  return [
    ...c.receipts.flatMap((r) => [r.source.name, r.description ?? '', r.propertyDescription ?? '']),
    ...c.expenditures.flatMap((e) => [e.description ?? '', e.counterparty ?? '']),
    ...c.grants.flatMap((g) => [g.sourceName, g.agreementNumber]),
  ];
}

describe('the demo in Kazakh (sqlite)', () => {
  let ctx: Awaited<ReturnType<typeof freshContext>>;
  beforeAll(async () => {
    ctx = await freshContext('sqlite', () => new Date('2026-06-01T08:00:00Z'));
    await seedDemo(ctx);
  }, 120_000);
  afterAll(async () => ctx.close());

  it('drafts every demo case’s objection in Kazakh with no Russian, the rulings’ numbers and officials in place', async () => {
    const cases = await listCasesOf(ctx);
    if (!cases.ok) throw new Error(cases.error.message);
    expect(cases.value.length).toBe(7);
    let rulings = 0;
    for (const c of cases.value)
      for (const format of ['pdf', 'docx'] as const) {
        const r = await draftObjection(ctx, c.id, { lang: 'kk', format, asOf: d('2021-01-28') });
        if (!r.ok) throw new Error(`${c.title}: ${r.error.message}`);
        const text = format === 'pdf' ? pdfText(r.value.bytes, `${c.id}.pdf`) : await docxText(r.value.bytes);
        const found = russianInKazakh(text);
        expect(found, `${c.title} ${format}: ${found.join(' | ')}`).toEqual([]);
        if (!/қаулыға ШАҒЫМ/.test(flat(text))) continue;
        rulings++;
        // A ruling's number and official (illustrative, marked so in Kazakh) instead of the blanks.
        expect(flat(text)).toMatch(
          /Шағымданылатын қаулы: [А-ЯӘҒҚҢӨҰҮҺІ]\. [А-ЯӘҒҚҢӨҰҮҺІ]\. [А-Яа-яәғқңөұүһі]+ \(иллюстрациялық\) шығарған .* 2021 жылғы \d{1,2} қаңтардағы № \d{2}-\d{2}\/\d{4} \(иллюстрациялық\) қаулы/,
        );
        expect(flat(text)).not.toMatch(
          /№ ____|____ \(лауазымды адамның|KGD|Қаулының нөмірі іс деректерінде көрсетілмеген/,
        );
      }
    expect(rulings).toBe(8); // Echo, Erkindik Kanaty, KIBHR, ILI: PDF and DOCX
  });

  it('renders every demo filing in Kazakh (PDF and XLSX) with no Russian, naming the organisation in Kazakh', async () => {
    const filings = await listFilings(ctx);
    if (!filings.ok) throw new Error(filings.error.message);
    expect(filings.value.length).toBeGreaterThan(40);
    // Every filing as PDF; as XLSX (the same header, labels and notes) one per organisation and form.
    const sheets = new Set<string>();
    for (const f of filings.value) {
      const record = await getFiling(ctx, f.id);
      if (!record.ok) throw new Error(record.error.message);
      const data = enteredData(record.value.content);
      const kind = `${f.organisation}|${f.form}`;
      const formats = sheets.has(kind) ? (['pdf'] as const) : (['pdf', 'xlsx'] as const);
      sheets.add(kind);
      for (const format of formats) {
        const r = await renderFiling(ctx, { filingId: f.id, format, lang: 'kk' });
        if (!r.ok) throw new Error(r.error.message);
        const text = format === 'pdf' ? pdfText(r.value, `${f.id}.pdf`) : await xlsxText(r.value);
        const found = russianInKazakh(text, { data });
        expect(found, `${f.id} ${format}: ${found.join(' | ')}`).toEqual([]);
        expect(flat(text)).not.toMatch(/KGD|иллюстратив/);
      }
    }
  }, 120_000);

  it('names the organisation by its Cyrillic alias in ru and kk filings and its own name in en, every format', async () => {
    const names = {
      Echo: { ru: 'ОФ «Эхо»', kk: '«Эхо» ҚҚ', en: 'Echo' },
      'MediaNet International Journalism Centre': {
        ru: 'Международный центр журналистики «МедиаНет»',
        kk: '«МедиаНет» халықаралық журналистика орталығы',
        en: 'MediaNet International Journalism Centre',
      },
    } as const;
    const label = { ru: 'Организация', kk: 'Ұйым', en: 'Organisation' } as const;
    for (const [org, inLang] of Object.entries(names)) {
      const filings = await listFilings(ctx, { org });
      if (!filings.ok) throw new Error(filings.error.message);
      const notification = filings.value.find((f) => f.form === 'F.017.00');
      const report = filings.value.find((f) => f.form === 'F.018.00');
      for (const f of [notification, report]) {
        if (!f) throw new Error(`${org}: no filing of each form`);
        for (const lang of ['ru', 'kk', 'en'] as const)
          for (const format of ['pdf', 'xlsx'] as const) {
            const r = await renderFiling(ctx, { filingId: f.id, format, lang });
            if (!r.ok) throw new Error(r.error.message);
            const text = flat(
              format === 'pdf' ? pdfText(r.value, `${f.id}-${lang}.pdf`) : await xlsxText(r.value),
            );
            expect(text, `${org} ${f.form} ${lang} ${format}`).toContain(
              `${label[lang]}${format === 'pdf' ? ':' : ''} ${inLang[lang]}`,
            );
          }
      }
    }
  }, 60_000);

  it('writes every brief of the demo’s waves in Kazakh with no Russian: Markdown, HTML and PDF', async () => {
    const detected = await detectWavesInDatabase(ctx, { replications: 19, seed: 1 });
    if (!detected.ok) throw new Error(detected.error.message);
    // Any wave detected can be briefed, reported (significant) or not.
    const waves = detected.value.waves;
    expect(waves.length).toBeGreaterThan(0);
    let named = 0;
    for (const w of waves) {
      const b = await createWaveBrief(ctx, { waveId: w.id, replications: 19, seed: 1, lang: 'kk' });
      if (!b.ok) throw new Error(b.error.message);
      // Authorities the pack knows are written in Kazakh; only those it does not print as recorded.
      const names = b.value.data.authorityNames ?? {};
      named += Object.keys(names).length;
      const data = b.value.data.incidents.flatMap((i) => [
        i.organisation,
        i.notes ?? '',
        i.outcome ?? '',
        ...[i.authority, i.office].filter((x): x is string => !!x && !(x in names)),
      ]);
      const found = russianInKazakh(b.value.brief.markdown, { data });
      expect(found, `${w.id}: ${found.join(' | ')}`).toEqual([]);
      // The rendered documents too: the PDF read back by pdftotext, the HTML's visible text.
      const pdf = await renderWaveBrief(ctx, b.value.brief.id, 'pdf');
      if (!pdf.ok) throw new Error(pdf.error.message);
      const pdfWords = pdfText(pdf.value.bytes, `${b.value.brief.id}.pdf`);
      expect(flat(pdfWords)).toContain('Үйлестірілген толқын');
      const inPdf = russianInKazakh(pdfWords, { data });
      expect(inPdf, `${w.id} pdf: ${inPdf.join(' | ')}`).toEqual([]);
      expect(flat(htmlText(b.value.brief.html))).toContain('Үйлестірілген толқын');
      const inHtml = russianInKazakh(htmlText(b.value.brief.html), { data });
      expect(inHtml, `${w.id} html: ${inHtml.join(' | ')}`).toEqual([]);
      for (const [recorded, kk] of Object.entries(names)) {
        expect(b.value.brief.markdown).toContain(kk);
        if (!kk.includes(recorded)) expect(b.value.brief.markdown).not.toContain(recorded);
      }
    }
    expect(named).toBeGreaterThan(0);
  }, 120_000);
});
