import { fromEpochDay, type CalendarDate } from '../calendar-date.ts';
import type { ActionType, Incident } from '../incident.ts';
import type { RandomSource } from '../random.ts';
import {
  monteCarloPValue,
  replicateMaxima,
  replicateSeeds,
  DEFAULT_REPLICATIONS,
} from './scan-replicates.ts';
import { prepareWaveScan, type PreparedWaveScan, type ScanSetupOptions } from './scan-setup.ts';
import { collectCandidates, fillCountTable, newCountTable } from './scan-statistic.ts';
import {
  compareText,
  computeBreadth,
  DEFAULT_COORDINATION,
  isCoordinated,
  type CoordinationThresholds,
} from './wave-breadth.ts';
import { waveId } from './wave-id.ts';
import type { WaveZone } from './wave-zones.ts';

/** One detected wave: a cylinder (category × time window) and what it holds. */
export interface DetectedWave {
  /** Stable: derived from the category and the first and last incident dates. */
  readonly id: string;
  /** The scanned category, for people (e.g. `notice · CoAO 460-1`). */
  readonly category: string;
  readonly zone: WaveZone;
  /** First and last incident dates in the wave. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** The scanned window (starts on an incident date; fixed length). */
  readonly windowFrom: CalendarDate;
  readonly windowTo: CalendarDate;
  readonly organisations: string[];
  readonly places: string[];
  /** Number of incidents in the wave. */
  readonly actions: number;
  readonly actionTypes: ActionType[];
  /** The legal bases as recorded (distinct, sorted). */
  readonly legalBasis: string[];
  readonly incidentIds: string[];
  /** μ: incidents expected in the cylinder if category and time did not interact. */
  readonly expected: number;
  readonly llr: number;
  readonly pValue: number;
  /** Largest great-circle distance between its places, km. */
  readonly spreadKm: number | null;
  readonly coordinated: boolean;
}

export interface WaveDetection {
  /** Ordered by p-value, then LLR (descending), then id. */
  readonly waves: DetectedWave[];
  readonly incidents: number;
  readonly zones: number;
  readonly windows: number;
  /** Cylinders scanned per replicate (zones × windows). */
  readonly cylinders: number;
  readonly replications: number;
}

export interface AssembleOptions extends Partial<CoordinationThresholds> {
  /** At most this many waves (default 20). */
  readonly maxWaves?: number;
}

export interface DetectWavesOptions extends ScanSetupOptions, AssembleOptions {
  /** Randomness for the Monte Carlo replicates (seededRandom(seed) for a reproducible run). */
  readonly random: RandomSource;
  readonly replications?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Kulldorff's space–time permutation scan with categories of action as zones (docs/waves.md):
 * finds the cylinders with the most excess incidents, judges each against the distribution of the
 * maximum LLR over R shuffles of dates among incidents, and reports non-overlapping waves with
 * their breadth. Same incidents and same random seed give the same output.
 */
export function detectWaves(incidents: readonly Incident[], options: DetectWavesOptions): WaveDetection {
  const scan = prepareWaveScan(incidents, { ...options, minActions: defaultMinActions(options) });
  const seeds = replicateSeeds(options.random, options.replications ?? DEFAULT_REPLICATIONS);
  const maxima = replicateMaxima(scan, seeds, options.onProgress);
  return assembleWaves(scan, maxima, options);
}

/**
 * The fewest actions a cylinder must hold to be scanned: a coordinated wave reaches at least
 * `minOrganisations` organisations, so it holds at least that many actions (and never fewer than
 * two). Leaving smaller cylinders out of the observed scan and of every replicate alike keeps the
 * test exact and stops pairs with a tiny expectation from setting the bar.
 */
export function defaultMinActions(options: {
  readonly minActions?: number;
  readonly minOrganisations?: number;
}): number {
  return options.minActions ?? Math.max(2, options.minOrganisations ?? DEFAULT_COORDINATION.minOrganisations);
}

// Beyond this many distinct cylinders examined, selection stops: the rest are weaker and overlap.
const MAX_EXAMINED = 20_000;

interface Picked {
  readonly zone: number;
  readonly first: number;
  readonly last: number;
  readonly coordinated: boolean;
  readonly wave: DetectedWave;
}

/**
 * Picks waves from the observed cylinders, strongest first, none overlapping another (overlap: the
 * zones share a kind of action and the date spans meet). Coordinated waves are picked first; other
 * clusters follow only where they overlap none of them. Each is judged against the same maxima.
 */
export function assembleWaves(
  scan: PreparedWaveScan,
  maxima: Float64Array,
  options: AssembleOptions = {},
): WaveDetection {
  const thresholds: CoordinationThresholds = {
    minOrganisations: options.minOrganisations ?? DEFAULT_COORDINATION.minOrganisations,
    minPlaces: options.minPlaces ?? DEFAULT_COORDINATION.minPlaces,
  };
  const maxWaves = options.maxWaves ?? 20;
  const summary = {
    incidents: scan.n,
    zones: scan.zones.length,
    windows: scan.windowStart.length,
    cylinders: scan.zones.length * scan.windowStart.length,
    replications: maxima.length,
  };
  if (scan.n === 0) return { waves: [], ...summary };

  const table = newCountTable(scan);
  fillCountTable(scan, scan.dayOf, table);
  const cands = collectCandidates(scan, table);
  const order = Int32Array.from({ length: cands.count }, (_, i) => i).sort(
    (a, b) =>
      (cands.llr[b] ?? 0) - (cands.llr[a] ?? 0) ||
      (cands.zone[a] ?? 0) - (cands.zone[b] ?? 0) ||
      (cands.window[a] ?? 0) - (cands.window[b] ?? 0),
  );
  const sortedMaxima = Float64Array.from(maxima).sort();
  const picked: Picked[] = [];
  const K = scan.zones.length;

  for (const coordinatedPass of [true, false]) {
    const seen = new Set<string>();
    let examined = 0;
    for (const idx of order) {
      if (picked.length >= maxWaves || examined >= MAX_EXAMINED) break;
      const k = cands.zone[idx] ?? 0;
      const w = cands.window[idx] ?? 0;
      const span = spanOf(scan, k, scan.windowStart[w] ?? 0, scan.windowEnd[w] ?? 0);
      const key = `${k}:${span.lo}:${span.hi}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (
        picked.some(
          (p) => scan.zoneOverlap[p.zone * K + k] === 1 && p.first <= span.last && span.first <= p.last,
        )
      )
        continue;
      examined++;
      const members = Array.from(
        scan.zoneIncidents[k]?.subarray(span.lo, span.hi) ?? [],
        (i) => scan.incidents[i],
      ).filter((i): i is Incident => i !== undefined);
      const breadth = computeBreadth(members);
      const coordinated = isCoordinated(breadth, thresholds);
      if (coordinated !== coordinatedPass) continue;
      const zone = scan.zones[k];
      if (!zone) continue;
      const llr = cands.llr[idx] ?? 0;
      const from = fromEpochDay(scan.firstDay + span.first);
      const to = fromEpochDay(scan.firstDay + span.last);
      picked.push({
        zone: k,
        first: span.first,
        last: span.last,
        coordinated,
        wave: {
          id: waveId(zone, from, to),
          category: zone.label,
          zone,
          from,
          to,
          windowFrom: fromEpochDay(scan.firstDay + (scan.windowStart[w] ?? 0)),
          windowTo: fromEpochDay(scan.firstDay + (scan.windowEnd[w] ?? 0) - 1),
          organisations: breadth.organisations,
          places: breadth.places,
          actions: members.length,
          actionTypes: [...new Set(members.map((m) => m.action))].sort(compareText),
          legalBasis: [
            ...new Set(members.map((m) => m.legalBasis?.trim() ?? '').filter((b) => b !== '')),
          ].sort(compareText),
          incidentIds: members.map((m) => m.id),
          expected: round4(cands.expected[idx] ?? 0),
          llr: round4(llr),
          pValue: monteCarloPValue(llr, sortedMaxima),
          spreadKm: breadth.spreadKm,
          coordinated,
        },
      });
    }
  }
  const waves = picked
    .map((p) => p.wave)
    .sort((a, b) => a.pValue - b.pValue || b.llr - a.llr || compareText(a.id, b.id));
  return { waves, ...summary };
}

/** The incidents of zone k on days [start, end): positions lo..hi in its list, first and last day. */
function spanOf(
  scan: PreparedWaveScan,
  k: number,
  start: number,
  end: number,
): { lo: number; hi: number; first: number; last: number } {
  const list = scan.zoneIncidents[k] ?? new Int32Array(0);
  const lo = lowerBound(scan, list, start);
  const hi = lowerBound(scan, list, end);
  return { lo, hi, first: scan.dayOf[list[lo] ?? 0] ?? 0, last: scan.dayOf[list[hi - 1] ?? 0] ?? 0 };
}

function lowerBound(scan: PreparedWaveScan, list: Int32Array, day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((scan.dayOf[list[mid] ?? 0] ?? 0) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
