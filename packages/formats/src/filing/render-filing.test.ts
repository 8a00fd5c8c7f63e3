import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonOf, type FilingContent, type FilingRecord } from '@civic/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../bundle/sha256.ts';
import { displayAmount, displayDate } from './filing-labels.ts';
import { sampleFilingContent } from './filing-fixture.ts';
import { renderFilingJson } from './render-filing-json.ts';
import { renderFilingPdf } from './render-filing-pdf.ts';
import { renderFilingXlsx } from './render-filing-xlsx.ts';

const fontDir = new URL('../../../../assets/fonts/', import.meta.url);
const fonts = {
  regular: readFileSync(new URL('DejaVuSans.ttf', fontDir)),
  bold: readFileSync(new URL('DejaVuSans-Bold.ttf', fontDir)),
};

function sampleFiling(content: FilingContent = sampleFilingContent()): FilingRecord {
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

/** The text of a PDF as the poppler reader sees it (layout kept). */
function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'civic-pdf-'));
  const file = join(dir, 'filing.pdf');
  writeFileSync(file, bytes);
  // pdftotext writes the formatter's non-breaking spaces («11 346 750,00») as plain ones.
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\u00a0/g,
    ' ',
  );
}

const spaced = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('filing renderers', () => {
  const filing = sampleFiling();
  const c = filing.content;

  it.each(['ru', 'kk', 'en'] as const)(
    'writes a PDF whose text (pdftotext) holds every figure, in %s with Cyrillic',
    async (lang) => {
      const bytes = await renderFilingPdf(filing, { lang, fonts });
      expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
      const text = pdfText(bytes);
      for (const r of c.receipts) {
        expect(text).toContain(displayDate(r.receivedOn, lang));
        if (r.equivalent) expect(text).toContain(spaced(displayAmount(r.equivalent, lang)));
        if (r.amount) expect(text).toContain(spaced(displayAmount(r.amount, lang)));
      }
      for (const e of c.expenditures) expect(text).toContain(spaced(displayAmount(e.amount, lang)));
      expect(text).toContain(spaced(displayAmount(c.totals.receiptsEquivalent, lang)));
      expect(text).toContain(spaced(displayAmount(c.totals.expendituresEquivalent, lang)));
      // Dates as the reader writes them, never ISO (a document that leaves the building).
      expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(text).toContain('Фонд «Открытое общество»');
      expect(text).toContain('KGD-2023-0815-001');
      expect(text).toContain(filing.contentHash);
      expect(text).toContain({ ru: 'не проверено', kk: 'тексерілмеген', en: 'unverified' }[lang]);
      expect(text).toContain({ ru: 'ИЛЛЮСТРАТИВНЫЕ', kk: 'ИЛЛЮСТРАЦИЯЛЫҚ', en: 'ILLUSTRATIVE' }[lang]);
    },
  );

  it('gives the same PDF bytes for the same filing', async () => {
    const a = await renderFilingPdf(filing, { lang: 'ru', fonts });
    const b = await renderFilingPdf(filing, { lang: 'ru', fonts });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes an XLSX whose amounts are numbers with two decimals equal to the filing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderFilingXlsx(filing, { lang: 'ru' })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Отчёт', 'Поступления', 'Расходы', 'Гранты', 'Итоги']);
    const receipts = wb.getWorksheet('Поступления');
    if (!receipts) throw new Error('no receipts sheet');
    const rows = c.receipts.map((_, i) => receipts.getRow(i + 2));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(c.receipts.map((r) => r.source.name));
    expect(rows.map((r) => r.getCell(9).value)).toEqual(c.receipts.map((r) => Number(r.equivalent)));
    expect(rows.map((r) => r.getCell(7).value)).toEqual(c.receipts.map((r) => Number(r.amount)));
    expect(rows.every((r) => r.getCell(9).numFmt === '#,##0.00')).toBe(true);
    expect((rows[0]?.getCell(1).value as Date).toISOString().slice(0, 10)).toBe(c.receipts[0]?.receivedOn);
    expect(rows[0]?.getCell(1).numFmt).toBe('dd.mm.yyyy');
    const totals = wb.getWorksheet('Итоги');
    expect(totals?.getRow(2).getCell(3).value).toBe(Number(c.totals.receiptsEquivalent));
    expect(totals?.getRow(3).getCell(3).value).toBe(Number(c.totals.expendituresEquivalent));
    const sum = rows.reduce((s, r) => s + Math.round(Number(r.getCell(9).value) * 100), 0);
    expect(sum).toBe(Math.round(Number(c.totals.receiptsEquivalent) * 100));
  });

  it('writes JSON whose content hashes to the filing hash', () => {
    const parsed = JSON.parse(renderFilingJson(filing)) as {
      format: string;
      filing: { id: string; contentHash: string };
      content: unknown;
    };
    expect(parsed.format).toBe('civicledger-filing/1');
    expect(parsed.filing.id).toBe('fil_1');
    expect(sha256Hex(canonicalJsonOf(parsed.content))).toBe(filing.contentHash);
  });
});
