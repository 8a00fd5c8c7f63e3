import { formatDecimalText, type FilingRecord, type FilingWords, type Locale } from '@civic/core';
import ExcelJS from 'exceljs';
import { filingHeader, filingNotes, formName, wordsFromContent } from './filing-header.ts';
import { categoryLabel, displayAmount, filingLabels } from './filing-labels.ts';
import { signingKeyLines, type FilingSigningKey } from './signing-key-labels.ts';

const MONEY = '#,##0.00';
/** A day as the reader writes it: 14.02.2023 (ru, kk), 14 Feb 2023 (en); the cell holds a real date. */
const dateFormat = (lang: Locale): string => (lang === 'en' ? 'd mmm yyyy' : 'dd.mm.yyyy');

/** A decimal string as a spreadsheet number (a cell shows it with 2 decimals); null stays empty. */
function num(decimal: string | null): number | null {
  return decimal === null ? null : Number(decimal);
}

/** A legal day as a spreadsheet date (UTC midnight, so no time zone shifts the day). */
function day(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00.000Z`);
}

/**
 * A filing as XLSX: sheets Filing (the header), Receipts, Expenditures, Grants and Totals. Amounts
 * are numbers with two decimals (format `#,##0.00`), dates are dates shown in the language's form;
 * every label, the form's title and the legal basis in the language asked (`words`, from the pack).
 */
export async function renderFilingXlsx(
  filing: FilingRecord,
  options: {
    readonly lang: Locale;
    readonly signingKey?: FilingSigningKey | undefined;
    readonly words?: FilingWords | undefined;
    /** The organisation's name in the language (a Cyrillic alias in ru/kk); else the content's. */
    readonly organisationName?: string | undefined;
  },
): Promise<Uint8Array> {
  const l = filingLabels(options.lang);
  const words = options.words ?? wordsFromContent(filing);
  const DATE = dateFormat(options.lang);
  const c = filing.content;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CivicLedger';
  wb.created = new Date(filing.createdAt);
  wb.modified = new Date(filing.createdAt);

  const head = wb.addWorksheet(l.title);
  head.columns = [{ width: 28 }, { width: 90 }];
  if (c.illustrative) head.addRow([l.illustrative]).font = { bold: true, color: { argb: 'FFBB0000' } };
  head.addRow([formName(filing, words, options.lang)]).font = { bold: true };
  const rows: [string, string | Date | null][] = [
    ...filingHeader(filing, words, options.lang, options.organisationName).map(
      ([k, v]): [string, string | Date | null] => [k, v === null || typeof v === 'string' ? v : day(v.day)],
    ),
    [l.contentHash, filing.contentHash],
    ...(options.signingKey ? signingKeyLines(options.signingKey, options.lang) : []),
  ];
  for (const r of rows) {
    const row = head.addRow(r);
    row.getCell(1).font = { bold: true };
    if (r[1] instanceof Date) row.getCell(2).numFmt = DATE;
  }
  for (const n of filingNotes(filing, options.lang, words)) head.addRow([l.notes, n]);

  sheet(
    wb,
    l.receipts,
    [
      [l.date, 12, DATE],
      [l.source, 32],
      [l.category, 24],
      [l.country, 8],
      [l.grant, 16],
      [l.currency, 8],
      [l.amount, 16, MONEY],
      [l.rate, 12],
      [l.equivalent(c.equivalentCurrency), 18, MONEY],
      [l.description, 32],
    ],
    c.receipts.map((r) => [
      day(r.receivedOn),
      r.source.name,
      categoryLabel(l, r.source.category),
      r.source.country,
      r.grant?.agreementNumber ?? null,
      r.currency,
      num(r.amount),
      r.rate.status === 'missing'
        ? l.rateMissing
        : r.rate.text === null
          ? null
          : formatDecimalText(options.lang, r.rate.text),
      num(r.equivalent),
      r.kind === 'property' ? `${l.property}: ${r.propertyDescription ?? ''}` : r.description,
    ]),
  );
  sheet(
    wb,
    l.expenditures,
    [
      [l.date, 12, DATE],
      [l.description, 32],
      [l.counterparty, 24],
      [l.currency, 8],
      [l.amount, 16, MONEY],
      [l.equivalent(c.equivalentCurrency), 18, MONEY],
      [l.allocations, 40],
    ],
    c.expenditures.map((e) => [
      day(e.spentOn),
      e.description,
      e.counterparty,
      e.currency,
      num(e.amount),
      num(e.equivalent),
      e.allocations
        .map((a) => `${a.agreementNumber ?? l.none}: ${displayAmount(a.amount, options.lang)}`)
        .join('; '),
    ]),
  );
  sheet(
    wb,
    l.grants,
    [
      [l.grant, 18],
      [l.source, 32],
      [l.currency, 8],
      [l.agreed, 16, MONEY],
      [l.receivedInPeriod, 16, MONEY],
      [l.spentInPeriod, 16, MONEY],
      [l.spentToDate, 16, MONEY],
      [l.remaining, 16, MONEY],
    ],
    c.grants.map((g) => [
      g.agreementNumber,
      g.sourceName,
      g.currency,
      num(g.amount),
      num(g.receivedInPeriod),
      num(g.spentInPeriod),
      num(g.spentToDate),
      num(g.remaining),
    ]),
  );
  const t = c.totals;
  const totals = sheet(
    wb,
    l.totals,
    [
      [l.category, 32],
      [l.count, 10],
      [l.equivalent(c.equivalentCurrency), 20, MONEY],
    ],
    [
      [l.totalReceived, t.receiptCount, num(t.receiptsEquivalent)],
      [l.totalSpent, t.expenditureCount, num(t.expendituresEquivalent)],
      [l.withoutEquivalent, t.receiptsWithoutEquivalent + t.expendituresWithoutEquivalent, null],
      ...t.byCategory.map((b) => [categoryLabel(l, b.category), b.count, num(b.equivalent)]),
    ],
  );
  totals.addRow([]);
  const byCurrencyHead = totals.addRow([l.byCurrency, l.receipts, l.expenditures]);
  byCurrencyHead.font = { bold: true };
  for (const b of t.byCurrency) {
    const row = totals.addRow([b.currency, num(b.received), num(b.spent)]);
    row.getCell(2).numFmt = MONEY;
    row.getCell(3).numFmt = MONEY;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

type Cell = string | number | Date | null;

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly (readonly [string, number, string?])[],
  rows: readonly (readonly Cell[])[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.columns = columns.map(([header, width, numFmt]) => ({
    header,
    width,
    ...(numFmt ? { style: { numFmt } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  return ws;
}
