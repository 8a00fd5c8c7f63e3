import type { PreparedWaveScan } from './scan-setup.ts';

/**
 * The Poisson log-likelihood ratio of a cylinder with c observed and μ expected out of N
 * (Kulldorff et al. 2005): c·ln(c/μ) + (N−c)·ln((N−c)/(N−μ)) when c > μ, else 0.
 */
export function poissonLlr(c: number, mu: number, n: number): number {
  if (!(c > mu) || mu <= 0) return 0;
  const inside = c * Math.log(c / mu);
  const outside = n - c > 0 ? (n - c) * Math.log((n - c) / (n - mu)) : 0;
  return inside + outside;
}

/** A zones × (days + 1) table of prefix counts: row k, column d = incidents of zone k before day d. */
export function newCountTable(scan: PreparedWaveScan): Int32Array {
  return new Int32Array(scan.zones.length * (scan.days + 1));
}

/** Fills the prefix table from a day for each incident (the observed days or a permutation of them). */
export function fillCountTable(scan: PreparedWaveScan, dayOf: Int32Array, table: Int32Array): void {
  const stride = scan.days + 1;
  const { memberOffsets, memberZones } = scan;
  table.fill(0);
  for (let i = 0; i < scan.n; i++) {
    const col = (dayOf[i] ?? 0) + 1;
    const end = memberOffsets[i + 1] ?? 0;
    for (let j = memberOffsets[i] ?? 0; j < end; j++) {
      const at = (memberZones[j] ?? 0) * stride + col;
      table[at] = (table[at] ?? 0) + 1;
    }
  }
  const K = scan.zones.length;
  for (let k = 0; k < K; k++) {
    const base = k * stride;
    let run = 0;
    for (let d = 1; d < stride; d++) {
      run += table[base + d] ?? 0;
      table[base + d] = run;
    }
  }
}

/**
 * The largest LLR over every cylinder (zone × window) holding at least `minActions` incidents,
 * where a zone's windows start on the days with an incident of that zone.
 * The hot loop of the Monte Carlo test, so it prunes before any logarithm: a cylinder whose upper
 * bound (below, close to (c−μ)²/2μ) cannot beat the best so far is dropped; only then is
 * c·ln(c/μ) (from tables) and finally the exact LLR computed.
 */
export function maxLlr(scan: PreparedWaveScan, table: Int32Array): number {
  const {
    n,
    zoneSizes,
    windowEnd,
    windowCount,
    lnWindowCount,
    lnZoneSize,
    xlogx,
    minActions,
    startDays,
    startOffsets,
  } = scan;
  const stride = scan.days + 1;
  const S = startDays.length;
  const lnN = Math.log(n);
  const invN = 1 / n;
  let best = 0;
  for (let k = 0; k < scan.zones.length; k++) {
    const nk = zoneSizes[k] ?? 0;
    if (nk < minActions || nk === n) continue;
    const base = k * stride;
    const share = nk * invN;
    const lnShare = (lnZoneSize[k] ?? 0) - lnN;
    let w = 0;
    for (let j = 0; j < S; j++) {
      const start = startDays[j] ?? 0;
      const before = table[base + start] ?? 0;
      const last = startOffsets[j + 1] ?? 0;
      // A window starts on a day with an incident of its zone; and windows from one start are
      // nested, so when the longest holds too few, all do.
      if (
        (table[base + start + 1] ?? 0) === before ||
        (table[base + (windowEnd[last - 1] ?? 0)] ?? 0) - before < minActions
      ) {
        w = last;
        continue;
      }
      for (; w < last; w++) {
        const c = (table[base + (windowEnd[w] ?? 0)] ?? 0) - before;
        if (c < minActions) continue;
        const mu = share * (windowCount[w] ?? 0);
        const excess = c - mu;
        if (excess <= 0) continue;
        // ln x ≤ (x − 1/x)/2 for x ≥ 1 and ln(1 − y) ≤ −y give, without a division,
        // 2μ(N−μ)·LLR ≤ (c−μ)·((c+μ)(N−μ) − 2μ(N−c)).
        const nmu = n - mu;
        if (excess * ((c + mu) * nmu - 2 * mu * (n - c)) <= 2 * best * mu * nmu) continue;
        const bound = (xlogx[c] ?? 0) - c * (lnShare + (lnWindowCount[w] ?? 0));
        if (bound <= best) continue;
        const llr = bound + (xlogx[n - c] ?? 0) - (n - c) * Math.log(n - mu);
        if (llr > best) best = llr;
      }
    }
  }
  return best;
}

/** The cylinders of the observed data with a positive LLR, as parallel arrays. */
export interface ScanCandidates {
  readonly count: number;
  readonly zone: Int32Array;
  readonly window: Int32Array;
  readonly cases: Int32Array;
  readonly expected: Float64Array;
  readonly llr: Float64Array;
}

/** Every cylinder (starting on a day with an incident of its zone) with at least `minActions` incidents and more than expected, with its LLR. */
export function collectCandidates(scan: PreparedWaveScan, table: Int32Array): ScanCandidates {
  const { n, zoneSizes, windowStart, windowEnd, windowCount, lnWindowCount, lnZoneSize, xlogx, minActions } =
    scan;
  const stride = scan.days + 1;
  const W = windowStart.length;
  const lnN = Math.log(n);
  const invN = 1 / n;
  const zone: number[] = [];
  const window: number[] = [];
  const cases: number[] = [];
  const expected: number[] = [];
  const llrs: number[] = [];
  for (let k = 0; k < scan.zones.length; k++) {
    const nk = zoneSizes[k] ?? 0;
    if (nk < minActions || nk === n) continue;
    const base = k * stride;
    const share = nk * invN;
    const lnShare = (lnZoneSize[k] ?? 0) - lnN;
    for (let w = 0; w < W; w++) {
      const start = windowStart[w] ?? 0;
      if ((table[base + start + 1] ?? 0) === (table[base + start] ?? 0)) continue; // no incident of the zone on its first day
      const c = (table[base + (windowEnd[w] ?? 0)] ?? 0) - (table[base + start] ?? 0);
      if (c < minActions) continue;
      const mu = share * (windowCount[w] ?? 0);
      if (c <= mu) continue;
      // The same expression as maxLlr, so observed and replicate maxima compare exactly.
      const llr =
        (xlogx[c] ?? 0) -
        c * (lnShare + (lnWindowCount[w] ?? 0)) +
        (xlogx[n - c] ?? 0) -
        (n - c) * Math.log(n - mu);
      if (llr <= 0) continue;
      zone.push(k);
      window.push(w);
      cases.push(c);
      expected.push(mu);
      llrs.push(llr);
    }
  }
  return {
    count: llrs.length,
    zone: Int32Array.from(zone),
    window: Int32Array.from(window),
    cases: Int32Array.from(cases),
    expected: Float64Array.from(expected),
    llr: Float64Array.from(llrs),
  };
}
