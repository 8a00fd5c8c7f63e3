import PDFDocument from 'pdfkit';
import type { ObjectionText } from './objection.ts';

const MARGIN = 56;

export interface ObjectionPdfOptions {
  /** TrueType bytes with Cyrillic (the project ships DejaVu Sans regular and bold). */
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array };
  /** The document's creation date (passed in so one draft always gives the same bytes). */
  readonly created?: Date;
}

/** The objection as PDF (A4): real text in DejaVu Sans, so pdftotext reads every fact back. */
export async function renderObjectionPdf(
  text: ObjectionText,
  options: ObjectionPdfOptions,
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: text.title,
      Creator: 'CivicLedger',
      ...(options.created ? { CreationDate: options.created } : {}),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('regular', Buffer.from(options.fonts.regular));
  doc.registerFont('bold', Buffer.from(options.fonts.bold));
  const width = doc.page.width - 2 * MARGIN;
  for (const b of text.blocks) {
    switch (b.kind) {
      case 'title':
        doc.moveDown(1).font('bold').fontSize(13).text(b.text, { width, align: 'center' }).moveDown(0.8);
        break;
      case 'heading':
        doc.moveDown(0.6).font('bold').fontSize(11.5).text(b.text, { width }).moveDown(0.3);
        break;
      case 'right':
        doc.font('regular').fontSize(10).text(b.text, { width, align: 'right' });
        break;
      case 'item':
        doc.font('regular').fontSize(10).text(`${b.number}. ${b.text}`, { width, indent: 0 });
        if (b.note) doc.fontSize(9).fillColor('#444').text(b.note, { width }).fillColor('black');
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        doc
          .font(b.bold ? 'bold' : 'regular')
          .fontSize(10)
          .text(b.text, { width, align: 'justify' })
          .moveDown(0.3);
        break;
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
