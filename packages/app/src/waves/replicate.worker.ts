import { parentPort, workerData } from 'node:worker_threads';
import { replicateMaxima, type PreparedWaveScan } from '@civic/core';

/**
 * One worker's share of the Monte Carlo replicates (see replicates-in-workers.ts): it receives the
 * prepared scan (typed arrays, no incidents) and its replicate seeds, and posts progress and the
 * maxima back. Replicates depend only on their seeds, so the split never changes the result.
 */
interface Job {
  readonly scan: PreparedWaveScan;
  readonly seeds: Uint32Array;
}

const job = workerData as Job;
const maxima = replicateMaxima(job.scan, job.seeds, (done) =>
  parentPort?.postMessage({ kind: 'progress', done }),
);
parentPort?.postMessage({ kind: 'done', maxima });
