import PDFDocument from 'pdfkit';
import { briefLabels } from './brief-labels.ts';
import { briefMap, mapPlaces } from './brief-map.ts';
import { briefTable } from './brief-table.ts';
import type { Scene, Shape } from './scene.ts';
import { timelineChart } from './timeline-chart.ts';
import { briefSections, briefTitle, generatedLine, type WaveBrief } from './wave-brief.ts';

/** Font files (TrueType bytes) with Cyrillic, e.g. DejaVu Sans regular and bold. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const MARGIN = 50;

/**
 * The brief as PDF (A4). The chart and the map are drawn as vector paths from the same scenes as
 * the SVG, text is real text (pdftotext finds it). The creation date is the brief's generatedAt,
 * so one brief always gives the same bytes.
 */
export async function renderBriefPdf(brief: WaveBrief, fonts: PdfFonts): Promise<Uint8Array> {
  const title = briefTitle(brief);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Creator: 'CivicLedger', CreationDate: new Date(brief.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('regular', Buffer.from(fonts.regular));
  doc.registerFont('bold', Buffer.from(fonts.bold));
  const l = briefLabels(brief.lang);
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(16).fillColor('#222').text(title, { width });
  for (const s of briefSections(brief)) {
    heading(doc, s.heading);
    for (const p of s.paragraphs)
      doc.font('regular').fontSize(10).fillColor('#222').text(p, { width, paragraphGap: 4 });
  }
  for (const [name, scene] of [
    [l.timeline, timelineChart(brief)],
    [l.map, briefMap(brief)],
  ] as const) {
    heading(doc, name, (scene.height * width) / scene.width + 30);
    drawSceneAt(doc, scene, width);
  }
  const { unplaced } = mapPlaces(brief.incidents);
  if (unplaced.length > 0)
    doc
      .font('regular')
      .fontSize(9)
      .text(l.notOnMap(unplaced.join(', ')), { width });

  heading(doc, l.incidents);
  const table = briefTable(brief.incidents, brief.lang, brief.basisCites, brief.authorityNames);
  table.rows.forEach((row, i) => {
    const [date, org, place, action, basis, authority, outcome] = row;
    const line = `${date} — ${org}, ${place}: ${action}; ${basis}; ${authority}; ${outcome}`;
    doc.font('regular').fontSize(9).fillColor('#222').text(line, { width, paragraphGap: 2 });
    const link = table.links[i];
    if (link) doc.fontSize(8).fillColor('#1f6fb2').text(link, { width, link, paragraphGap: 3 });
  });
  heading(doc, l.method);
  doc.font('regular').fontSize(9).fillColor('#222').text(l.methodText, { width });
  doc.moveDown().fontSize(8).fillColor('#666').text(generatedLine(brief), { width });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A section heading, on a new page when what must follow it (`keepWith` points) would not fit. */
function heading(doc: PDFKit.PDFDocument, text: string, keepWith = 40): void {
  if (doc.y + 20 + keepWith > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#222').text(text);
  doc.moveDown(0.2);
}

/** Draws a scene scaled to the text width at the current position, on a new page if it does not fit. */
function drawSceneAt(doc: PDFKit.PDFDocument, scene: Scene, width: number): void {
  const scale = width / scene.width;
  const height = scene.height * scale;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  doc.save();
  doc.translate(MARGIN, top).scale(scale);
  for (const s of scene.shapes) drawShape(doc, s);
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + height + 6;
}

function drawShape(doc: PDFKit.PDFDocument, s: Shape): void {
  switch (s.kind) {
    case 'polygon':
      doc.polygon(...s.points.map(([x, y]) => [x, y]));
      if (s.stroke)
        doc
          .lineWidth(s.strokeWidth ?? 1)
          .lineJoin('round')
          .fillAndStroke(s.fill, s.stroke);
      else doc.fill(s.fill);
      return;
    case 'rect':
      doc
        .save()
        .fillOpacity(s.opacity ?? 1)
        .rect(s.x, s.y, s.width, s.height)
        .fill(s.fill)
        .restore();
      return;
    case 'circle':
      doc
        .save()
        .fillOpacity(s.opacity ?? 1)
        .circle(s.cx, s.cy, s.r);
      if (s.stroke) doc.lineWidth(1).fillAndStroke(s.fill, s.stroke);
      else doc.fill(s.fill);
      doc.restore();
      return;
    case 'line':
      doc
        .save()
        .moveTo(s.x1, s.y1)
        .lineTo(s.x2, s.y2)
        .lineWidth(s.strokeWidth ?? 1);
      if (s.dash) doc.dash(s.dash, {});
      doc.stroke(s.stroke).restore();
      return;
    case 'text': {
      doc
        .font(s.bold ? 'bold' : 'regular')
        .fontSize(s.size)
        .fillColor(s.fill ?? '#222');
      const w = doc.widthOfString(s.text);
      const x = s.anchor === 'middle' ? s.x - w / 2 : s.anchor === 'end' ? s.x - w : s.x;
      // SVG places text by its baseline; pdfkit by the top of the line.
      doc.text(s.text, x, s.y - s.size * 0.8, { lineBreak: false });
      return;
    }
  }
}
