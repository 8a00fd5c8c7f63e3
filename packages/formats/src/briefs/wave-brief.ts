import {
  daysBetween,
  formatDecimalText,
  formatKilometres,
  formatLongDate,
  formatNumber,
  isIllustrativeIncident,
  localPlaceName,
  organisationNameInBrief,
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
  /** Checked, with a verified limitation finding: time-barred when brought, or within time. */
  readonly timeBarred: number;
  readonly withinTime: number;
  /**
   * Checked, but the limitation finding is unverified (it rests on open questions of the law):
   * counted apart, never as time-barred; `unverifiedTimeBarred` of them would be. Absent in briefs
   * stored before this was counted.
   */
  readonly unverified?: number;
  readonly unverifiedTimeBarred?: number;
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
  /**
   * The day the brief was made in the pack's time zone (23:30 UTC is already the next day in
   * Almaty): the footer's date. Briefs stored before it fall back to the UTC day of `generatedAt`.
   */
  readonly generatedOn?: string;
  /**
   * Each legal basis as recorded (incidents' and the wave's) cited in the brief's language from the
   * rule pack, with article parts only where the pack has them (core `citeLegalBasis`). A basis not
   * in it is shown as recorded.
   */
  readonly basisCites?: Readonly<Record<string, string>>;
  /**
   * The summary as the monitor wrote it (edited in the web app), printed first under "What
   * happened" in place of the generated one; absent: the generated summary (`briefSummaryText`).
   */
  readonly summary?: string;
  /**
   * Each authority and office as recorded → its name in the brief's language from the pack's
   * authorities (and authority types); a name the pack does not know is printed as recorded.
   */
  readonly authorityNames?: Readonly<Record<string, string>>;
}

/** A legal basis as the brief prints it. */
export function basisText(brief: Pick<WaveBrief, 'basisCites'>, basis: string): string {
  return brief.basisCites?.[basis] ?? basis;
}

/** The footer: when the brief was made, in the language's long form. */
export function generatedLine(brief: WaveBrief): string {
  const day = brief.generatedOn ?? brief.generatedAt.slice(0, 10);
  return briefLabels(brief.lang).generated(formatLongDate(brief.lang, day));
}

/** The line put first when any incident shown is illustrative (demo data); null when none is. */
export function illustrativeNotice(brief: WaveBrief): string | null {
  const n = brief.incidents.filter(isIllustrativeIncident).length;
  return n > 0 ? briefLabels(brief.lang).illustrativeNotice(n, brief.incidents.length) : null;
}

/** The category in the brief's language: "notice", "any inspection action · CoAO 460-1", … */
export function categoryText(
  zone: WaveZone,
  labels: BriefLabels,
  cites?: Readonly<Record<string, string>>,
): string {
  const what = zone.action
    ? labels.actionName(zone.action)
    : zone.family
      ? labels.anyFamilyAction(labels.familyName(zone.family))
      : labels.anyAction;
  return zone.legalBasis ? `${what} · ${cites?.[zone.legalBasis] ?? zone.legalBasis}` : what;
}

export function briefTitle(brief: WaveBrief): string {
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const category = categoryText(w.zone, l, brief.basisCites);
  return w.coordinated
    ? l.title(w.actions, category, w.organisations.length, l.date(w.from), l.date(w.to))
    : l.clusterTitle(w.actions, category, l.date(w.from), l.date(w.to));
}

/** A p-value for people: 0.001, 0.012, 0.35 (a Monte Carlo p is never below 1/(R+1), so never "0"). */
export function formatPValue(p: number): string {
  return String(Number(p.toPrecision(2)));
}

/** The brief's summary paragraph: the monitor's own text when they edited it, else the generated one. */
export function briefSummaryText(brief: WaveBrief): string {
  if (brief.summary !== undefined && brief.summary.trim() !== '') return brief.summary;
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const spread = w.spreadKm !== null && w.spreadKm > 0 ? formatKilometres(brief.lang, w.spreadKm) : null;
  return l.summary({
    actions: w.actions,
    category: categoryText(w.zone, l, brief.basisCites),
    organisations: w.organisations.length,
    places: w.places.length,
    from: l.date(w.from),
    to: l.date(w.to),
    spread,
  });
}

/** The paragraphs shared by every rendering, in order: [heading, text][]. */
export function briefSections(brief: WaveBrief): { key: string; heading: string; paragraphs: string[] }[] {
  const l = briefLabels(brief.lang);
  const w = brief.wave;
  const spread = w.spreadKm !== null && w.spreadKm > 0 ? formatKilometres(brief.lang, w.spreadKm) : null;
  const what = [
    briefSummaryText(brief),
    l.chance({
      expected: formatNumber(brief.lang, w.expected, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      pValue: formatDecimalText(brief.lang, formatPValue(w.pValue)),
      replications: formatNumber(brief.lang, brief.replications),
      seed: brief.seed === null ? '—' : String(brief.seed),
    }),
  ];
  if (!w.coordinated) what.push(l.notCoordinated);
  const notice = illustrativeNotice(brief);
  if (notice) what.unshift(notice);
  const lim = brief.limitation;
  const articles = [...new Set(w.legalBasis.map((b) => basisText(brief, b)))];
  return [
    { key: 'what', heading: l.whatHappened, paragraphs: what },
    {
      key: 'whom',
      heading: l.toWhom,
      paragraphs: [w.organisations.map((o) => organisationNameInBrief(o, brief.lang)).join(', ')],
    },
    {
      key: 'where',
      heading: l.where,
      paragraphs: [placesOn(brief).join(', ') + (spread ? ` (${spread})` : '')],
    },
    { key: 'when', heading: l.when, paragraphs: [l.window(l.date(w.from), l.date(w.to), daysInWindow(w))] },
    {
      key: 'article',
      heading: l.article,
      paragraphs: [articles.length > 0 ? articles.join('; ') : l.noArticle],
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
              unverified: lim.unverified ?? 0,
              unverifiedBarred: lim.unverifiedTimeBarred ?? 0,
            })
          : l.limitationUnavailable(lim.actions),
      ],
    },
  ];
}

/**
 * The wave's places as they were called on the days of its incidents, in the brief's language
 * (the gazetteer's dated names: Nur-Sultan from 23 Mar 2019 to 16 Sep 2022, Astana otherwise).
 */
function placesOn(brief: WaveBrief): string[] {
  const names = brief.incidents.map((i) => localPlaceName(i.place, brief.lang, i.date));
  return names.length > 0 ? [...new Set(names)] : brief.wave.places.map((p) => localPlaceName(p, brief.lang));
}

function daysInWindow(w: DetectedWave): number {
  return daysBetween(w.windowFrom, w.windowTo) + 1;
}
