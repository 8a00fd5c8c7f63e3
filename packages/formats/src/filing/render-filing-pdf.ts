import { formatDecimalText, type FilingRecord, type FilingWords, type Locale } from '@civic/core';
import PDFDocument from 'pdfkit';
import {
  categoryLabel,
  displayAmount,
  displayDate,
  filingLabels,
  type FilingLabels,
} from './filing-labels.ts';
import { filingHeader, filingNotes, formName, wordsFromContent } from './filing-header.ts';
import { signingKeyLines, type FilingSigningKey } from './signing-key-labels.ts';

const MARGIN = 40;
type Doc = PDFKit.PDFDocument;

export interface FilingPdfOptions {
  readonly lang: Locale;
  /** TrueType bytes with Cyrillic (the project ships DejaVu Sans regular and bold). */
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
  /** The organisation's signing key, printed in the footer so readers can compare it. */
  readonly signingKey?: FilingSigningKey | undefined;
  /** The header's words in the language, from the pack (core `filingWords`); else the content's. */
  readonly words?: FilingWords | undefined;
  /** The organisation's name in the language (a Cyrillic alias in ru/kk); else the content's. */
  readonly organisationName?: string | undefined;
}

/**
 * A filing as PDF (A4 landscape): the header (organisation, form, period, due date, legal basis and
 * whether it is verified, state and submission), then tables of receipts, expenditures and grants
 * and the totals. Text is real text, so pdftotext reads every figure back. The creation date is
 * the filing's, so one filing always gives the same bytes.
 */
export async function renderFilingPdf(filing: FilingRecord, options: FilingPdfOptions): Promise<Uint8Array> {
  const l = filingLabels(options.lang);
  const c = filing.content;
  const words = options.words ?? wordsFromContent(filing);
  const title = formName(filing, words, options.lang);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: title, Creator: 'CivicLedger', CreationDate: new Date(filing.createdAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('regular', Buffer.from(options.fonts.regular));
  doc.registerFont('bold', Buffer.from(options.fonts.bold));
  const width = doc.page.width - 2 * MARGIN;
  const amount = (v: string | null): string => (v === null ? '—' : displayAmount(v, options.lang));
  const date = (d: string): string => displayDate(d, options.lang);

  if (c.illustrative) doc.font('bold').fontSize(10).fillColor('#b00').text(l.illustrative, { width });
  doc.font('bold').fontSize(15).fillColor('#222').text(title, { width });
  doc.moveDown(0.3);
  const header = filingHeader(filing, words, options.lang, options.organisationName).flatMap(
    ([k, v]): [string, string][] => (v === null ? [] : [[k, typeof v === 'string' ? v : date(v.day)]]),
  );
  for (const [k, v] of header)
    doc.font('bold').fontSize(9).text(`${k}: `, { continued: true }).font('regular').text(v, { width });

  section(doc, l.receipts);
  table(
    doc,
    width,
    [0.09, 0.22, 0.13, 0.13, 0.07, 0.1, 0.14, 0.12],
    [l.date, l.source, l.category, l.grant, l.currency, l.amount, l.rate, l.equivalent(c.equivalentCurrency)],
    c.receipts.map((r) => [
      date(r.receivedOn),
      `${r.source.name}${r.source.country ? ` (${r.source.country})` : ''}${r.kind === 'property' ? `\n${l.property}: ${r.propertyDescription ?? ''}` : ''}`,
      categoryLabel(l, r.source.category),
      r.grant?.agreementNumber ?? l.none,
      r.currency ?? '—',
      r.amount === null ? l.valuationMissing : amount(r.amount),
      rateText(l, r.rate, options.lang),
      r.equivalent === null ? l.rateMissing : amount(r.equivalent),
    ]),
  );

  section(doc, l.expenditures);
  table(
    doc,
    width,
    [0.09, 0.22, 0.16, 0.07, 0.12, 0.12, 0.22],
    [
      l.date,
      l.description,
      l.counterparty,
      l.currency,
      l.amount,
      l.equivalent(c.equivalentCurrency),
      l.allocations,
    ],
    c.expenditures.map((e) => [
      date(e.spentOn),
      e.description ?? '',
      e.counterparty ?? '',
      e.currency,
      amount(e.amount),
      e.equivalent === null ? l.rateMissing : amount(e.equivalent),
      e.allocations.map((a) => `${a.agreementNumber ?? l.none}: ${amount(a.amount)}`).join('\n'),
    ]),
  );

  section(doc, l.grants);
  table(
    doc,
    width,
    [0.14, 0.22, 0.07, 0.12, 0.12, 0.11, 0.11, 0.11],
    [
      l.grant,
      l.source,
      l.currency,
      l.agreed,
      l.receivedInPeriod,
      l.spentInPeriod,
      l.spentToDate,
      l.remaining,
    ],
    c.grants.map((g) => [
      g.agreementNumber,
      g.sourceName,
      g.currency,
      amount(g.amount),
      amount(g.receivedInPeriod),
      amount(g.spentInPeriod),
      amount(g.spentToDate),
      amount(g.remaining),
    ]),
  );

  section(doc, l.totals);
  const t = c.totals;
  const totals: [string, string][] = [
    [`${l.totalReceived} (${t.receiptCount})`, `${amount(t.receiptsEquivalent)} ${c.equivalentCurrency}`],
    [
      `${l.totalSpent} (${t.expenditureCount})`,
      `${amount(t.expendituresEquivalent)} ${c.equivalentCurrency}`,
    ],
  ];
  if (t.receiptsWithoutEquivalent + t.expendituresWithoutEquivalent > 0)
    totals.push([l.withoutEquivalent, String(t.receiptsWithoutEquivalent + t.expendituresWithoutEquivalent)]);
  for (const [k, v] of totals)
    doc.font('bold').fontSize(9).text(`${k}: `, { continued: true }).font('regular').text(v, { width });
  table(
    doc,
    width,
    [0.4, 0.2, 0.4],
    [l.byCategory, l.count, l.equivalent(c.equivalentCurrency)],
    t.byCategory.map((b) => [categoryLabel(l, b.category), String(b.count), amount(b.equivalent)]),
  );
  table(
    doc,
    width,
    [0.2, 0.4, 0.4],
    [l.byCurrency, l.receipts, l.expenditures],
    t.byCurrency.map((b) => [b.currency, amount(b.received), amount(b.spent)]),
  );

  const notes = filingNotes(filing, options.lang, words);
  if (notes.length > 0) {
    section(doc, l.notes);
    for (const n of notes) doc.font('regular').fontSize(8).fillColor('#222').text(`• ${n}`, { width });
  }
  doc
    .moveDown()
    .font('regular')
    .fontSize(7)
    .fillColor('#666')
    .text(`${l.contentHash}: ${filing.contentHash}`, { width });
  if (options.signingKey)
    for (const [k, v] of signingKeyLines(options.signingKey, options.lang)) doc.text(`${k}: ${v}`, { width });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function rateText(
  l: FilingLabels,
  r: FilingRecord['content']['receipts'][number]['rate'],
  lang: Locale,
): string {
  if (r.status === 'missing') return l.rateMissing;
  if (r.text === null) return '—';
  const per = r.units && r.units !== 1 ? ` / ${r.units}` : '';
  const text = formatDecimalText(lang, r.text);
  return r.status === 'carried-forward' && r.date
    ? `${text}${per} (${l.rateOf(displayDate(r.date, lang))})`
    : `${text}${per}`;
}

function section(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(11).fillColor('#222').text(text, MARGIN);
  doc.moveDown(0.2);
}

/** A table whose cells wrap; a row that does not fit starts a new page (with the header again). */
function table(
  doc: Doc,
  width: number,
  fractions: readonly number[],
  head: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const widths = fractions.map((f) => f * width);
  const drawRow = (cells: readonly string[], font: 'regular' | 'bold'): void => {
    doc.font(font).fontSize(8);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 40) - 4 }))) + 4;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (font === 'regular') drawRow(head, 'bold');
      doc.font(font).fontSize(8);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor('#222').text(cell, x + 2, top + 2, { width: (widths[i] ?? 40) - 4 });
      x += widths[i] ?? 40;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(head, 'bold');
  for (const r of rows) drawRow(r, 'regular');
  doc.moveDown(0.4);
}
