import {
  daysBetween,
  formatDecimalText,
  formatNumber,
  type DetectedWave,
  type Incident,
  type WaveZone,
} from '@civic/core';
import { briefLabels, type BriefLabels, type BriefLanguage } from './brief-labels.ts';

/** How many of a wave's claims were time-barred, from the claim checks of recorded cases. */
export interface LimitationSummary {
  /** False when claim checks cannot be run here: every action then counts as unknown. */
  readonly available: boolean;
  readonly actions: number;
  /** Actions matched to a case action whose limitation was checked. */
  readonly checked: number;
  readonly timeBarred: number;
  readonly withinTime: number;
  /** Actions with no case (or no check): we do not know. */
  readonly unknown: number;
}

/** Everything a brief about one wave says; rendered to Markdown, HTML or PDF. */
export interface WaveBrief {
  readonly lang: BriefLanguage;
  readonly wave: DetectedWave;
  /** The wave's incidents, by date. */
  readonly incidents: readonly Incident[];
  readonly limitation: LimitationSummary;
  readonly replications: number;
  readonly seed: number | null;
  /** ISO timestamp, passed in (renderers never read the clock). */
  readonly generatedAt: string;
}

/** The category in the brief's language: "notice", "any inspection action · CoAO 460-1", … */
export function categoryText(zone: WaveZone, labels: BriefLabels): string {
  const what = zone.action
    ? labels.actionName(zone.action)
    : zone.family
      ? labels.anyFamilyAction(labels.familyName(zone.family))
      : labels.anyAction;
  return zone.legalBasis ? `${what} · ${zone.legalBasis}` : what;
}

export function briefTitle(brief: WaveBrief): string {
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const category = categoryText(w.zone, l);
  return w.coordinated
    ? l.title(w.actions, category, w.organisations.length, l.date(w.from), l.date(w.to))
    : l.clusterTitle(w.actions, category, l.date(w.from), l.date(w.to));
}

/** A p-value for people: 0.001, 0.012, 0.35 (a Monte Carlo p is never below 1/(R+1), so never "0"). */
export function formatPValue(p: number): string {
  return String(Number(p.toPrecision(2)));
}

/** The paragraphs shared by every rendering, in order: [heading, text][]. */
export function briefSections(brief: WaveBrief): { key: string; heading: string; paragraphs: string[] }[] {
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const spread =
    w.spreadKm !== null && w.spreadKm > 0 ? l.spread(formatNumber(brief.lang, Math.round(w.spreadKm))) : null;
  const what = [
    l.summary({
      actions: w.actions,
      category: categoryText(w.zone, l),
      organisations: w.organisations.length,
      places: w.places.length,
      from: l.date(w.from),
      to: l.date(w.to),
      spread,
    }),
    l.chance({
      expected: formatNumber(brief.lang, w.expected, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      pValue: formatDecimalText(brief.lang, formatPValue(w.pValue)),
      replications: brief.replications,
      seed: brief.seed === null ? '—' : String(brief.seed),
    }),
  ];
  if (!w.coordinated) what.push(l.notCoordinated);
  const lim = brief.limitation;
  return [
    { key: 'what', heading: l.whatHappened, paragraphs: what },
    { key: 'whom', heading: l.toWhom, paragraphs: [w.organisations.join(', ')] },
    { key: 'where', heading: l.where, paragraphs: [w.places.join(', ') + (spread ? ` (${spread})` : '')] },
    { key: 'when', heading: l.when, paragraphs: [l.window(l.date(w.from), l.date(w.to), daysInWindow(w))] },
    {
      key: 'article',
      heading: l.article,
      paragraphs: [w.legalBasis.length > 0 ? w.legalBasis.join('; ') : l.noArticle],
    },
    {
      key: 'time-barred',
      heading: l.timeBarred,
      paragraphs: [
        lim.available
          ? l.limitation({
              actions: lim.actions,
              checked: lim.checked,
              barred: lim.timeBarred,
              running: lim.withinTime,
              unknown: lim.unknown,
            })
          : l.limitationUnavailable(lim.actions),
      ],
    },
  ];
}

function daysInWindow(w: DetectedWave): number {
  return daysBetween(w.windowFrom, w.windowTo) + 1;
}
