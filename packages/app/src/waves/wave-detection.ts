import {
  assembleWaves,
  DEFAULT_REPLICATIONS,
  defaultMinActions,
  domainError,
  err,
  ok,
  parseCalendarDate,
  prepareWaveScan,
  replicateSeeds,
  seededRandom,
  type CalendarDate,
  type DetectedWave,
  type Incident,
  type Result,
  type WaveDetection,
} from '@civic/core';
import { parseIncidentsCsv } from '@civic/formats';
import { defaultWorkerCount, replicateMaximaInWorkers } from './replicates-in-workers.ts';

/** The seed used when none is given, so that two runs on the same data agree by default. */
export const DEFAULT_WAVE_SEED = 1;

export interface WaveDetectionOptions {
  readonly seed?: number;
  readonly replications?: number;
  /** Study period: only incidents whose first day is within [from, to] (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
  readonly minOrganisations?: number;
  readonly minPlaces?: number;
  readonly windowLengths?: readonly number[];
  readonly maxWaves?: number;
  /** Worker threads for the replicates (default: by the size of the job, up to the cores). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WaveDetectionReport extends WaveDetection {
  readonly seed: number;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  /** The incidents scanned, for briefs (id → incident). */
  readonly scanned: ReadonlyMap<string, Incident>;
}

const MAX_REPLICATIONS = 99_999;

function positiveInt(
  value: number | undefined,
  field: string,
  code: string,
  max: number,
): Result<number | undefined> {
  if (value === undefined) return ok(undefined);
  if (!Number.isInteger(value) || value < 1 || value > max)
    return err(domainError(code, `${field} must be a whole number from 1 to ${max}`, { field }));
  return ok(value);
}

/** Checks the options: seed, replications, dates, thresholds. */
export function checkWaveOptions(
  o: WaveDetectionOptions,
): Result<{ seed: number; replications: number; from: CalendarDate | null; to: CalendarDate | null }> {
  const seed = o.seed ?? DEFAULT_WAVE_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    return err(
      domainError('WAVES_SEED_INVALID', 'seed must be a whole number from 0 to 4294967295', {
        field: 'seed',
      }),
    );
  const reps = positiveInt(o.replications, 'replications', 'WAVES_REPLICATIONS_INVALID', MAX_REPLICATIONS);
  if (!reps.ok) return reps;
  for (const [field, value] of [
    ['minOrganisations', o.minOrganisations],
    ['minPlaces', o.minPlaces],
    ['maxWaves', o.maxWaves],
  ] as const) {
    const r = positiveInt(value, field, 'WAVES_OPTION_INVALID', 100_000);
    if (!r.ok) return r;
  }
  if (
    o.windowLengths &&
    (o.windowLengths.length === 0 || o.windowLengths.some((l) => !Number.isInteger(l) || l < 1 || l > 3660))
  ) {
    return err(
      domainError('WAVES_OPTION_INVALID', 'window lengths must be whole numbers of days from 1 to 3660', {
        field: 'windowLengths',
      }),
    );
  }
  const dates: (CalendarDate | null)[] = [];
  for (const [field, value] of [
    ['from', o.from],
    ['to', o.to],
  ] as const) {
    if (value === undefined || value === '') {
      dates.push(null);
      continue;
    }
    const d = parseCalendarDate(value, field);
    if (!d.ok)
      return err(
        domainError('WAVES_DATE_INVALID', `${field}: "${value}" is not a date YYYY-MM-DD`, { field }),
      );
    dates.push(d.value);
  }
  const [from, to] = [dates[0] ?? null, dates[1] ?? null];
  if (from && to && from > to)
    return err(domainError('WAVES_RANGE_INVALID', `from (${from}) is after to (${to})`, { field: 'from' }));
  return ok({ seed, replications: reps.value ?? DEFAULT_REPLICATIONS, from, to });
}

/**
 * Detects waves in incidents (core's space–time permutation scan), with the replicates split over
 * worker threads when the job is large. Same incidents, options and seed → the same report.
 */
export async function detectWavesInIncidents(
  incidents: readonly Incident[],
  options: WaveDetectionOptions = {},
): Promise<Result<WaveDetectionReport>> {
  const checked = checkWaveOptions(options);
  if (!checked.ok) return checked;
  const { seed, replications, from, to } = checked.value;
  const inPeriod = incidents.filter((i) => (!from || i.date >= from) && (!to || i.date <= to));
  const scan = prepareWaveScan(inPeriod, {
    ...(options.windowLengths ? { windowLengths: options.windowLengths } : {}),
    minActions: defaultMinActions(options),
  });
  const seeds = replicateSeeds(seededRandom(seed), replications);
  const workers = options.workers ?? defaultWorkerCount(scan, replications);
  let maxima: Float64Array;
  try {
    maxima = await replicateMaximaInWorkers(scan, seeds, workers, options.onProgress);
  } catch {
    // A thread that cannot start (a restricted runtime) costs time, never the answer.
    maxima = await replicateMaximaInWorkers(scan, seeds, 1, options.onProgress);
  }
  const detection = assembleWaves(scan, maxima, {
    ...(options.minOrganisations !== undefined ? { minOrganisations: options.minOrganisations } : {}),
    ...(options.minPlaces !== undefined ? { minPlaces: options.minPlaces } : {}),
    ...(options.maxWaves !== undefined ? { maxWaves: options.maxWaves } : {}),
  });
  return ok({ ...detection, seed, from, to, scanned: new Map(scan.incidents.map((i) => [i.id, i])) });
}

/** Reads an incident CSV for detection: each row gets the id `row-N` (N = its data row), stable across runs. */
export function incidentsFromCsv(
  bytes: Uint8Array,
  fileName: string,
  today?: CalendarDate,
): Result<Incident[]> {
  const parsed = parseIncidentsCsv(bytes, { fileName, ...(today ? { today } : {}) });
  if (!parsed.ok) return parsed;
  return ok(parsed.value.incidents.map((i, n) => ({ ...i, id: `row-${n + 1}` })));
}

/** The waves worth reporting: significant (p < 0.05) and coordinated, unless every wave is asked for. */
export function reportedWaves(waves: readonly DetectedWave[], all = false): DetectedWave[] {
  return all ? [...waves] : waves.filter((w) => w.pValue < 0.05 && w.coordinated);
}
