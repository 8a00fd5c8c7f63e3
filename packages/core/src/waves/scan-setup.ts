import { epochDay } from '../calendar-date.ts';
import type { Incident } from '../incident.ts';
import { normaliseLegalBasis } from './legal-basis.ts';
import { compareText } from './wave-breadth.ts';
import { assignZones, type WaveZone } from './wave-zones.ts';

/** Window lengths in days scanned by default: one week to one quarter (docs/waves.md). */
export const DEFAULT_WINDOW_LENGTHS: readonly number[] = [7, 14, 30, 45, 60, 90];

export interface ScanSetupOptions {
  readonly windowLengths?: readonly number[];
  /** The fewest incidents a cylinder must hold to count (default 2: one action is not a wave). */
  readonly minActions?: number;
}

/**
 * Everything the scan needs, as typed arrays over a day-indexed table. Built once; the observed
 * scan and every Monte Carlo replicate read it and never change it.
 */
export interface PreparedWaveScan {
  /** The incidents in canonical order (date, action, basis, organisation, place, id). */
  readonly incidents: readonly Incident[];
  readonly zones: readonly WaveZone[];
  /** N, the number of incidents. */
  readonly n: number;
  /** D, the days in the study period (first to last incident date). */
  readonly days: number;
  /** Epoch day of day index 0. */
  readonly firstDay: number;
  /** Day index of each incident. */
  readonly dayOf: Int32Array;
  /** Zone memberships as compressed rows: incident i belongs to memberZones[memberOffsets[i] .. memberOffsets[i+1]). */
  readonly memberOffsets: Int32Array;
  readonly memberZones: Int32Array;
  /** n_k: incidents per zone. */
  readonly zoneSizes: Int32Array;
  readonly zoneOverlap: Uint8Array;
  /** Per zone, its incident indices (ascending day). */
  readonly zoneIncidents: readonly Int32Array[];
  /** Windows: day index of the first day, one past the last day, and n_w (incidents of any zone). */
  readonly windowStart: Int32Array;
  readonly windowEnd: Int32Array;
  /** Windows come grouped by start day: the windows of start day startDays[j] are startOffsets[j] .. startOffsets[j+1]. */
  readonly startDays: Int32Array;
  readonly startOffsets: Int32Array;
  readonly windowCount: Int32Array;
  readonly lnWindowCount: Float64Array;
  readonly lnZoneSize: Float64Array;
  /** x·ln x for x = 0 … N (0·ln 0 = 0). */
  readonly xlogx: Float64Array;
  readonly minActions: number;
}

/** Sorts by date, action, article, organisation, place, id: a canonical order, so input order never matters. */
function canonicalOrder(input: readonly Incident[]): Incident[] {
  const memo = new Map<string, string>();
  const basisOf = (raw: string): string => {
    let b = memo.get(raw);
    if (b === undefined) {
      b = normaliseLegalBasis(raw) ?? '';
      memo.set(raw, b);
    }
    return b;
  };
  const keyed = input.map((inc) => ({ inc, basis: basisOf(inc.legalBasis ?? '') }));
  keyed.sort(
    (a, b) =>
      compareText(a.inc.date, b.inc.date) ||
      compareText(a.inc.action, b.inc.action) ||
      compareText(a.basis, b.basis) ||
      compareText(a.inc.organisation, b.inc.organisation) ||
      compareText(a.inc.place, b.inc.place) ||
      compareText(a.inc.id, b.inc.id),
  );
  return keyed.map((k) => k.inc);
}

/** Aggregates incidents to a zones × days structure. The result does not depend on input order. */
export function prepareWaveScan(
  input: readonly Incident[],
  options: ScanSetupOptions = {},
): PreparedWaveScan {
  const incidents = canonicalOrder(input);
  const lengths = [...new Set(options.windowLengths ?? DEFAULT_WINDOW_LENGTHS)]
    .filter((l) => Number.isInteger(l) && l > 0)
    .sort((a, b) => a - b);
  const minActions = Math.max(1, options.minActions ?? 2);
  const n = incidents.length;
  const { zones, memberships, overlap } = assignZones(incidents);
  const K = zones.length;

  const epochDays = incidents.map((i) => epochDay(i.date));
  const firstDay = epochDays[0] ?? 0;
  const days = n === 0 ? 0 : (epochDays[n - 1] ?? firstDay) - firstDay + 1;
  const dayOf = Int32Array.from(epochDays, (d) => d - firstDay);

  const memberOffsets = new Int32Array(n + 1);
  memberships.forEach((m, i) => (memberOffsets[i + 1] = (memberOffsets[i] ?? 0) + m.length));
  const memberZones = Int32Array.from(memberships.flat());
  const zoneSizes = new Int32Array(K);
  const lists: number[][] = zones.map(() => []);
  memberships.forEach((m, i) => {
    for (const z of m) {
      zoneSizes[z] = (zoneSizes[z] ?? 0) + 1;
      lists[z]?.push(i);
    }
  });

  // Windows start on each distinct incident day; a window running past the last day is kept once.
  const perDay = new Int32Array(days + 1);
  for (const d of dayOf) perDay[d + 1] = (perDay[d + 1] ?? 0) + 1;
  for (let d = 1; d <= days; d++) perDay[d] = (perDay[d] ?? 0) + (perDay[d - 1] ?? 0);
  const starts: number[] = [];
  const ends: number[] = [];
  const startDays: number[] = [];
  const startOffsets: number[] = [0];
  let previous = -1;
  for (const s of dayOf) {
    if (s === previous) continue;
    previous = s;
    startDays.push(s);
    let lastEnd = -1;
    for (const len of lengths) {
      const e = Math.min(s + len, days);
      if (e === lastEnd) continue;
      lastEnd = e;
      starts.push(s);
      ends.push(e);
    }
    startOffsets.push(starts.length);
  }
  const windowStart = Int32Array.from(starts);
  const windowEnd = Int32Array.from(ends);
  const windowCount = Int32Array.from(starts, (s, w) => (perDay[windowEnd[w] ?? 0] ?? 0) - (perDay[s] ?? 0));

  const xlogx = new Float64Array(n + 1);
  for (let x = 1; x <= n; x++) xlogx[x] = x * Math.log(x);
  return {
    incidents,
    zones,
    n,
    days,
    firstDay,
    dayOf,
    memberOffsets,
    memberZones,
    zoneSizes,
    zoneOverlap: overlap,
    zoneIncidents: lists.map((l) => Int32Array.from(l)),
    windowStart,
    windowEnd,
    startDays: Int32Array.from(startDays),
    startOffsets: Int32Array.from(startOffsets),
    windowCount,
    lnWindowCount: Float64Array.from(windowCount, (c) => Math.log(c)),
    lnZoneSize: Float64Array.from(zoneSizes, (c) => Math.log(c)),
    xlogx,
    minActions,
  };
}
