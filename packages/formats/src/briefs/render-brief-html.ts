import { briefLabels } from './brief-labels.ts';
import { briefMap, mapPlaces } from './brief-map.ts';
import { briefTable } from './brief-table.ts';
import { hostOf } from './render-brief-markdown.ts';
import { escapeXml as esc, renderSceneSvg } from './scene.ts';
import { timelineChart } from './timeline-chart.ts';
import { briefSections, briefTitle, generatedLine, type WaveBrief } from './wave-brief.ts';

const STYLE = `body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto;border:1px solid #ddd}
table{border-collapse:collapse;font-size:.85rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}footer{margin-top:2rem;color:#666;font-size:.8rem}`;

/**
 * The brief as one self-contained HTML page: styles inline, the timeline chart and the map as
 * inline SVG; no script, no external resource, so it opens offline in any browser.
 */
export function renderBriefHtml(brief: WaveBrief): string {
  const l = briefLabels(brief.lang);
  const title = briefTitle(brief);
  const sections = briefSections(brief).map(
    (s) =>
      `<section id="${s.key}">\n<h2>${esc(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n</section>`,
  );
  const chart = timelineChart(brief);
  const map = briefMap(brief);
  const { unplaced } = mapPlaces(brief.incidents, brief.lang);
  const table = briefTable(brief.incidents, brief.lang, brief.basisCites, brief.authorityNames);
  const rows = table.rows.map((row, i) => {
    const link = table.links[i];
    const source = link ? `<a href="${esc(link)}">${esc(hostOf(link))}</a>` : '—';
    return `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}<td>${source}</td></tr>`;
  });
  return `<!DOCTYPE html>
<html lang="${brief.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article data-wave="${esc(brief.wave.id)}">
<h1>${esc(title)}</h1>
${sections.join('\n')}
<section id="timeline">
<h2>${esc(l.timeline)}</h2>
<figure>${renderSceneSvg(chart)}</figure>
</section>
<section id="map">
<h2>${esc(l.map)}</h2>
<figure>${renderSceneSvg(map)}</figure>
${unplaced.length > 0 ? `<p>${esc(l.notOnMap(unplaced.join(', ')))}</p>` : ''}
</section>
<section id="actions">
<h2>${esc(l.incidents)}</h2>
<table>
<thead><tr>${[...table.header, l.columns.source].map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>
<section id="method">
<h2>${esc(l.method)}</h2>
<p>${esc(l.methodText)}</p>
</section>
<footer>${esc(generatedLine(brief))}</footer>
</article>
</body>
</html>
`;
}
