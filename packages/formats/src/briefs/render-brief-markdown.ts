import { briefLabels } from './brief-labels.ts';
import { briefMap, mapPlaces } from './brief-map.ts';
import { briefTable } from './brief-table.ts';
import { sceneDataUri } from './scene.ts';
import { timelineChart } from './timeline-chart.ts';
import { briefSections, briefTitle, generatedLine, type WaveBrief } from './wave-brief.ts';

const cell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * The brief as Markdown. The timeline chart and the map are SVG images embedded as data URIs, so
 * the one file is the whole brief.
 */
export function renderBriefMarkdown(brief: WaveBrief): string {
  const l = briefLabels(brief.lang);
  const out: string[] = [`# ${briefTitle(brief)}`, ''];
  for (const s of briefSections(brief))
    out.push(`## ${s.heading}`, '', ...s.paragraphs.flatMap((p) => [p, '']));
  const chart = timelineChart(brief);
  const map = briefMap(brief);
  out.push(`## ${l.timeline}`, '', `![${chart.title}](${sceneDataUri(chart)})`, '');
  out.push(`## ${l.map}`, '', `![${map.title}](${sceneDataUri(map)})`, '');
  const { unplaced } = mapPlaces(brief.incidents, brief.lang);
  if (unplaced.length > 0) out.push(l.notOnMap(unplaced.join(', ')), '');
  const table = briefTable(brief.incidents, brief.lang, brief.basisCites, brief.authorityNames);
  out.push(
    `## ${l.incidents}`,
    '',
    `| ${[...table.header, l.columns.source].join(' | ')} |`,
    `|${' --- |'.repeat(table.header.length + 1)}`,
  );
  table.rows.forEach((row, i) => {
    const link = table.links[i];
    out.push(`| ${[...row.map(cell), link ? `[${cell(hostOf(link))}](${link})` : '—'].join(' | ')} |`);
  });
  out.push('', `## ${l.method}`, '', l.methodText, '', '---', '', `_${generatedLine(brief)}_`, '');
  return out.join('\n');
}

export function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return m?.[1] ?? url;
}
