import { seededRandom, type RandomSource } from '../random.ts';
import type { PreparedWaveScan } from './scan-setup.ts';
import { fillCountTable, maxLlr, newCountTable } from './scan-statistic.ts';

/** Default Monte Carlo replications: p-values in steps of 1/1000. */
export const DEFAULT_REPLICATIONS = 999;

/**
 * One seed per replicate, drawn up front from the caller's random source. Replicate r depends
 * only on its own seed, so replicates can be split across workers in any way and still give the
 * same maxima as one run.
 */
export function replicateSeeds(random: RandomSource, replications: number): Uint32Array {
  const seeds = new Uint32Array(replications);
  for (let r = 0; r < replications; r++) seeds[r] = Math.floor(random.next() * 4294967296) >>> 0;
  return seeds;
}

/**
 * The maximum LLR of each replicate: the incident dates are shuffled among the incidents (their
 * categories stay put), the table is rebuilt and scanned. O(N) per reshuffle, O(K·W) per scan.
 */
export function replicateMaxima(
  scan: PreparedWaveScan,
  seeds: Uint32Array,
  onProgress?: (done: number, total: number) => void,
): Float64Array {
  const maxima = new Float64Array(seeds.length);
  if (scan.n === 0) return maxima;
  const table = newCountTable(scan);
  const days = new Int32Array(scan.n);
  for (let r = 0; r < seeds.length; r++) {
    days.set(scan.dayOf);
    shuffle(days, seededRandom(seeds[r] ?? 0));
    fillCountTable(scan, days, table);
    maxima[r] = maxLlr(scan, table);
    if (onProgress && ((r + 1) % 10 === 0 || r + 1 === seeds.length)) onProgress(r + 1, seeds.length);
  }
  return maxima;
}

/** Fisher–Yates, in place. */
function shuffle(values: Int32Array, random: RandomSource): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = values[i] ?? 0;
    values[i] = values[j] ?? 0;
    values[j] = t;
  }
}

/**
 * The Monte Carlo p-value of an LLR against the replicate maxima (sorted ascending):
 * (1 + #{maximum ≥ llr}) / (R + 1). A tiny tolerance counts floating-point ties as ties.
 */
export function monteCarloPValue(llr: number, sortedMaxima: Float64Array): number {
  const threshold = llr - 1e-9 * Math.max(1, Math.abs(llr));
  let lo = 0;
  let hi = sortedMaxima.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedMaxima[mid] ?? 0) >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return (1 + sortedMaxima.length - lo) / (sortedMaxima.length + 1);
}
