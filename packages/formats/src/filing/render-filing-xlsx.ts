import { formatDecimalText, type FilingRecord, type Locale } from '@civic/core';
import ExcelJS from 'exceljs';
import { categoryLabel, filingLabels } from './filing-labels.ts';
import { signingKeyLines, type FilingSigningKey } from './signing-key-labels.ts';

const MONEY = '#,##0.00';
/** How a date cell shows its day: as each language writes one (never an ISO date in ru or kk). */
const DATE_FORMATS: Readonly<Record<Locale, string>> = {
  ru: 'dd.mm.yyyy',
  kk: 'dd.mm.yyyy',
  en: 'd mmm yyyy',
};

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
 * are numbers with two decimals (format `#,##0.00`), dates are dates; labels in the language asked.
 */
export async function renderFilingXlsx(
  filing: FilingRecord,
  options: { readonly lang: Locale; readonly signingKey?: FilingSigningKey | undefined },
): Promise<Uint8Array> {
  const l = filingLabels(options.lang);
  const DATE = DATE_FORMATS[options.lang];
  const c = filing.content;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CivicLedger';
  wb.created = new Date(filing.createdAt);
  wb.modified = new Date(filing.createdAt);

  const head = wb.addWorksheet(l.title);
  head.columns = [{ width: 28 }, { width: 90 }];
  const rows: [string, string | Date | null][] = [
    [l.organisation, c.organisation.name],
    [l.bin, c.organisation.bin],
    [l.form, `${c.form.id} — ${c.form.title}`],
    [l.obligation, `${c.obligation.title} (${c.obligation.ruleId})`],
    [l.period, `${c.obligation.period.from} — ${c.obligation.period.to} (${c.obligation.period.label})`],
    [l.dueOn, day(c.obligation.dueOn)],
    [l.citation, `${c.obligation.citation}; ${c.obligation.verified ? l.verified : l.unverified}`],
    [l.filingId, filing.id],
    [l.state, l.states[filing.state]],
    [l.corrects, filing.corrects],
    [l.submittedOn, day(filing.submission?.submittedOn ?? null)],
    [l.channel, filing.submission?.channel ?? null],
    [l.incomingNumber, filing.submission?.incomingNumber ?? null],
    [l.contentHash, filing.contentHash],
    ...(options.signingKey ? signingKeyLines(options.signingKey, options.lang) : []),
  ];
  if (c.illustrative) rows.unshift([l.illustrative, '']);
  for (const r of rows) {
    const row = head.addRow(r);
    row.getCell(1).font = { bold: true };
    if (r[1] instanceof Date) row.getCell(2).numFmt = DATE;
  }
  for (const n of c.notes) head.addRow([l.notes, n]);

  sheet(
    wb,
    l.receipts,
    [
      [l.date, 12, DATE],
      ['id', 30],
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
      r.id,
      r.source.name,
      categoryLabel(l, r.source.category),
      r.source.country,
      r.grant?.agreementNumber ?? null,
      r.currency,
      num(r.amount),
      r.rate.status === 'missing' ? l.rateMissing : r.rate.text,
      num(r.equivalent),
      r.kind === 'property' ? `${l.property}: ${r.propertyDescription ?? ''}` : r.description,
    ]),
  );
  sheet(
    wb,
    l.expenditures,
    [
      [l.date, 12, DATE],
      ['id', 30],
      [l.description, 32],
      [l.counterparty, 24],
      [l.currency, 8],
      [l.amount, 16, MONEY],
      [l.equivalent(c.equivalentCurrency), 18, MONEY],
      [l.allocations, 40],
    ],
    c.expenditures.map((e) => [
      day(e.spentOn),
      e.id,
      e.description,
      e.counterparty,
      e.currency,
      num(e.amount),
      num(e.equivalent),
      e.allocations
        .map((a) => `${a.agreementNumber ?? a.grantId}: ${formatDecimalText(options.lang, a.amount)}`)
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
