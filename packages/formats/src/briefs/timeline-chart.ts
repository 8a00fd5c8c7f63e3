import {
  actionFamily,
  addDays,
  daysBetween,
  maxDate,
  minDate,
  type ActionFamily,
  type CalendarDate,
} from '@civic/core';
import { briefLabels, FAMILY_COLOURS } from './brief-labels.ts';
import type { Scene, Shape } from './scene.ts';
import type { WaveBrief } from './wave-brief.ts';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 16;
const TOP = 44;
const BOTTOM = 44;

/**
 * The wave on a time axis: one block per action on its day, coloured by family, over the wave's
 * span (shaded) and the scanned window (outlined), with a week of context on either side.
 */
export function timelineChart(brief: WaveBrief): Scene {
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const start = addDays(minDate(w.windowFrom, w.from), -7);
  const end = addDays(maxDate(w.windowTo, w.to), 7);
  const span = daysBetween(start, end) + 1;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const dayW = plotW / span;
  const xOf = (d: CalendarDate): number => LEFT + daysBetween(start, d) * dayW;

  const perDay = new Map<CalendarDate, ActionFamily[]>();
  for (const inc of brief.incidents) {
    const list = perDay.get(inc.date) ?? [];
    list.push(actionFamily(inc.action));
    perDay.set(inc.date, list);
  }
  const tallest = Math.max(1, ...[...perDay.values()].map((v) => v.length));
  const unit = plotH / Math.max(tallest, 4);

  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#ffffff' },
    {
      kind: 'text',
      x: LEFT,
      y: 18,
      text: `${l.timeline}: ${l.date(w.from)} – ${l.date(w.to)}`,
      size: 13,
      bold: true,
    },
    // The scanned window, then the wave's own span.
    {
      kind: 'rect',
      x: xOf(w.windowFrom),
      y: TOP,
      width: (daysBetween(w.windowFrom, w.windowTo) + 1) * dayW,
      height: plotH,
      fill: '#eef3f8',
    },
    {
      kind: 'rect',
      x: xOf(w.from),
      y: TOP,
      width: (daysBetween(w.from, w.to) + 1) * dayW,
      height: plotH,
      fill: '#d6e4f0',
    },
  ];
  for (let c = 0; c <= Math.max(tallest, 4); c += tallest > 10 ? 5 : 1) {
    const y = TOP + plotH - c * unit;
    shapes.push({
      kind: 'line',
      x1: LEFT,
      y1: y,
      x2: LEFT + plotW,
      y2: y,
      stroke: '#dddddd',
      strokeWidth: 0.5,
    });
    shapes.push({
      kind: 'text',
      x: LEFT - 6,
      y: y + 4,
      text: String(c),
      size: 9,
      anchor: 'end',
      fill: '#555',
    });
  }
  const families = new Set<ActionFamily>();
  for (const [day, list] of [...perDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort();
    list.forEach((family, i) => {
      families.add(family);
      shapes.push({
        kind: 'rect',
        x: xOf(day) + dayW * 0.1,
        y: TOP + plotH - (i + 1) * unit + 0.5,
        width: Math.max(1.5, dayW * 0.8),
        height: unit - 1,
        fill: FAMILY_COLOURS[family],
      });
    });
  }
  // Axis with ticks every week (or fortnight / month on long spans).
  shapes.push({
    kind: 'line',
    x1: LEFT,
    y1: TOP + plotH,
    x2: LEFT + plotW,
    y2: TOP + plotH,
    stroke: '#333',
    strokeWidth: 1,
  });
  const step = span <= 70 ? 7 : span <= 140 ? 14 : 30;
  for (let d = 0; d < span; d += step) {
    const day = addDays(start, d);
    const x = xOf(day);
    shapes.push({ kind: 'line', x1: x, y1: TOP + plotH, x2: x, y2: TOP + plotH + 4, stroke: '#333' });
    shapes.push({
      kind: 'text',
      x,
      y: TOP + plotH + 16,
      text: l.shortDate(day),
      size: 9,
      anchor: 'middle',
      fill: '#333',
    });
  }
  shapes.push({ kind: 'text', x: LEFT - 30, y: TOP - 8, text: l.count, size: 9, fill: '#555' });
  // Legend.
  let lx = LEFT;
  for (const family of [...families].sort()) {
    shapes.push({ kind: 'rect', x: lx, y: HEIGHT - 14, width: 10, height: 10, fill: FAMILY_COLOURS[family] });
    const name = l.familyName(family);
    shapes.push({ kind: 'text', x: lx + 14, y: HEIGHT - 5, text: name, size: 10 });
    lx += 24 + name.length * 6.5;
  }
  return {
    name: 'brief-timeline',
    title: `${l.timeline}: ${l.date(w.from)} – ${l.date(w.to)}`,
    width: WIDTH,
    height: HEIGHT,
    shapes,
  };
}
