import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ObjectionBlock, ObjectionText } from './objection.ts';

function paragraph(b: ObjectionBlock): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 240 },
        children: [new TextRun({ text: b.text, bold: true })],
      });
    case 'heading':
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: b.text, bold: true })],
      });
    case 'right':
      return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(b.text)] });
    case 'item':
      return new Paragraph({
        spacing: { after: 120 },
        indent: { left: 360, hanging: 360 },
        children: [
          new TextRun(`${b.number}. ${b.text}`),
          ...(b.note ? [new TextRun({ text: b.note, italics: true, break: 1 })] : []),
        ],
      });
    case 'paragraph':
      return new Paragraph({
        spacing: { after: 120 },
        alignment: AlignmentType.JUSTIFIED,
        children: [new TextRun({ text: b.text, bold: b.bold ?? false })],
      });
  }
}

/**
 * The objection as an editable DOCX (Office Open XML): one real paragraph per block, in a font with
 * Cyrillic, so the lawyer can edit every word in Word or LibreOffice.
 */
export async function renderObjectionDocx(text: ObjectionText): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'CivicLedger',
    title: text.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ properties: {}, children: text.blocks.map(paragraph) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
