import { canonicalJsonOf, type FilingRecord } from '@civic/core';
import ExcelJS from 'exceljs';
import { sha256Hex } from '../bundle/sha256.ts';
import { describe, expect, it } from 'vitest';
import { sampleFilingContent } from './filing-fixture.ts';
import { renderFilingXlsx } from './render-filing-xlsx.ts';

// An XLSX leaving the building shows no ISO date in a Russian or Kazakh workbook and writes amounts
// inside text with the language's separators (the core formatter). Real parts: exceljs writes the
// workbook and reads it back.
function sampleFiling(): FilingRecord {
  const content = sampleFilingContent();
  return {
    id: 'fil_1',
    organisation: 'org_echo',
    obligationId: content.obligation.id,
    form: 'F.018.00',
    periodFrom: '2023-01-01',
    periodTo: '2023-06-30',
    state: 'draft',
    corrects: null,
    contentHash: sha256Hex(canonicalJsonOf(content)),
    content,
    createdAt: '2023-08-10T09:00:00.000Z',
    submission: null,
  };
}

async function read(lang: 'ru' | 'kk' | 'en') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderFilingXlsx(sampleFiling(), { lang })) as unknown as ArrayBuffer);
  return wb;
}

describe('a filing XLSX in the reader\u2019s language', () => {
  it('formats date cells as the language writes a day, never as an ISO date', async () => {
    for (const [lang, format] of [
      ['ru', 'dd.mm.yyyy'],
      ['kk', 'dd.mm.yyyy'],
      ['en', 'd mmm yyyy'],
    ] as const) {
      const wb = await read(lang);
      const sheet = wb.worksheets[1];
      const cell = sheet?.getRow(2).getCell(1);
      expect(cell?.value).toBeInstanceOf(Date);
      expect(cell?.numFmt, lang).toBe(format);
    }
  });

  it('writes the allocations\u2019 amounts with the language\u2019s separators', async () => {
    const wb = await read('ru');
    const sheet = wb.worksheets[2];
    const texts: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) texts.push(String(row.getCell(row.cellCount).value ?? ''));
    });
    const allocations = texts.filter((t) => t.includes(':'));
    expect(allocations.length).toBeGreaterThan(0);
    for (const t of allocations) expect(t).toMatch(/\d,\d{2}(;|$)/);
    for (const t of allocations) expect(t).not.toMatch(/\d\.\d{2}(;|$)/);
  });
});
