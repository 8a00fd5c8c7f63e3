import { localPlaceName, type Incident } from '@civic/core';
import { briefLabels, colourOf, type BriefLanguage } from './brief-labels.ts';
import { KAZAKHSTAN_OUTLINE } from './kazakhstan-outline.data.ts';
import type { Scene, Shape } from './scene.ts';
import type { WaveBrief } from './wave-brief.ts';

const WIDTH = 720;
const TOP = 30;
const PAD = 16;

export interface MapPlace {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly colour: string;
}

/**
 * The wave's places with coordinates, one per place, with how many actions each saw; given a
 * language, the gazetteer's name in it as of the action's day (Нұр-Сұлтан in 2020, Өскемен).
 */
export function mapPlaces(
  incidents: readonly Incident[],
  lang?: BriefLanguage,
): { placed: MapPlace[]; unplaced: string[] } {
  const nameOf = (i: Incident) => (lang ? localPlaceName(i.place, lang, i.date) : i.place);
  const placed = new Map<string, { name: string; lat: number; lon: number; count: number; colour: string }>();
  const unplaced = new Set<string>();
  for (const i of incidents) {
    if (i.latitude === null || i.longitude === null) {
      unplaced.add(nameOf(i));
      continue;
    }
    const key = i.place.trim().toLowerCase();
    const p = placed.get(key);
    if (p) p.count++;
    else
      placed.set(key, {
        name: nameOf(i),
        lat: i.latitude,
        lon: i.longitude,
        count: 1,
        colour: colourOf(i.action),
      });
  }
  return {
    placed: [...placed.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
    unplaced: [...unplaced].sort(),
  };
}

/**
 * A map of the wave: Kazakhstan's outline (bundled, simplified Natural Earth) in an
 * equirectangular projection true to scale at 48°N, a circle per place sized by its actions,
 * place names, and a 500 km scale bar. No tiles, no network.
 */
export function briefMap(brief: WaveBrief): Scene {
  const l = briefLabels(brief.lang);
  const { placed } = mapPlaces(brief.incidents, brief.lang);
  const lons = [...KAZAKHSTAN_OUTLINE.map(([lon]) => lon), ...placed.map((p) => p.lon)];
  const lats = [...KAZAKHSTAN_OUTLINE.map(([, lat]) => lat), ...placed.map((p) => p.lat)];
  const [lonMin, lonMax, latMin, latMax] = [
    Math.min(...lons) - 0.5,
    Math.max(...lons) + 0.5,
    Math.min(...lats) - 0.5,
    Math.max(...lats) + 0.5,
  ];
  const cosLat = Math.cos((48 * Math.PI) / 180);
  const k = (WIDTH - 2 * PAD) / ((lonMax - lonMin) * cosLat);
  const height = Math.round(TOP + PAD * 2 + (latMax - latMin) * k + 10);
  const project = (lon: number, lat: number): [number, number] => [
    PAD + (lon - lonMin) * cosLat * k,
    TOP + PAD + (latMax - lat) * k,
  ];

  const title = l.mapTitle(brief.wave.places.length);
  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, width: WIDTH, height, fill: '#eef4f8' },
    { kind: 'text', x: PAD, y: 20, text: title, size: 13, bold: true },
    {
      kind: 'polygon',
      points: KAZAKHSTAN_OUTLINE.map(([lon, lat]) => project(lon, lat)),
      fill: '#f5f0e6',
      stroke: '#8a7f6a',
      strokeWidth: 1.2,
    },
  ];
  const labelBoxes: { x: number; y: number; w: number }[] = [];
  for (const p of placed) {
    const [x, y] = project(p.lon, p.lat);
    const r = 5 + 3 * Math.sqrt(p.count - 1);
    shapes.push({ kind: 'circle', cx: x, cy: y, r, fill: p.colour, opacity: 0.8, stroke: '#ffffff' });
  }
  for (const p of placed) {
    const [x, y] = project(p.lon, p.lat);
    const r = 5 + 3 * Math.sqrt(p.count - 1);
    const text = p.count > 1 ? `${p.name} (${p.count})` : p.name;
    const w = text.length * 6.2;
    let ly = y + 4;
    for (
      let tries = 0;
      tries < 6 &&
      labelBoxes.some((b) => Math.abs(b.y - ly) < 12 && x + r + 3 < b.x + b.w && b.x < x + r + 3 + w);
      tries++
    )
      ly += 12;
    labelBoxes.push({ x: x + r + 3, y: ly, w });
    shapes.push({ kind: 'text', x: x + r + 3, y: ly, text, size: 11, fill: '#222' });
  }
  // Scale bar: 500 km at 48°N.
  const bar = (500 * k) / 111.32;
  const by = height - 14;
  shapes.push({ kind: 'line', x1: PAD, y1: by, x2: PAD + bar, y2: by, stroke: '#333', strokeWidth: 2 });
  shapes.push({ kind: 'text', x: PAD + bar + 6, y: by + 4, text: l.spread('500'), size: 10, fill: '#333' });
  return { name: 'brief-map', title, width: WIDTH, height, shapes };
}
