import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicateMaxima, type PreparedWaveScan } from '@civic/core';
import { workerBootstrap } from '../worker-bootstrap.ts';

// Below this many cylinder evaluations (cylinders × replicates), threads cost more than they save.
const PARALLEL_THRESHOLD = 50_000_000;

/** How many worker threads to use for a scan: up to the machine's cores, one for small jobs. */
export function defaultWorkerCount(scan: PreparedWaveScan, replications: number): number {
  const work = scan.zones.length * scan.windowStart.length * replications;
  return work < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The replicate maxima, computed on `workers` threads, each taking a contiguous block of the
 * seeds. Replicate r depends only on seed r, so the result is identical to replicateMaxima on one
 * thread. Each worker registers the TypeScript loader (tsx) itself, so this works the same under
 * the CLI, the server and tests.
 */
export async function replicateMaximaInWorkers(
  scan: PreparedWaveScan,
  seeds: Uint32Array,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Float64Array> {
  if (workers <= 1 || seeds.length < 2) return replicateMaxima(scan, seeds, onProgress);
  const bootstrap = replicateWorkerBootstrap();
  const shared = { ...scan, incidents: [] };
  const n = Math.min(workers, seeds.length);
  const size = Math.ceil(seeds.length / n);
  const done = new Array<number>(n).fill(0);
  const blocks = Array.from({ length: n }, (_, i) =>
    seeds.slice(i * size, Math.min(seeds.length, (i + 1) * size)),
  );
  const results = await Promise.all(
    blocks.map(
      (block, i) =>
        new Promise<Float64Array>((resolve, reject) => {
          const worker = new Worker(bootstrap, { eval: true, workerData: { scan: shared, seeds: block } });
          worker.on(
            'message',
            (m: { kind: 'progress'; done: number } | { kind: 'done'; maxima: Float64Array }) => {
              if (m.kind === 'progress') {
                done[i] = m.done;
                onProgress?.(
                  done.reduce((a, b) => a + b, 0),
                  seeds.length,
                );
              } else {
                resolve(m.maxima);
                void worker.terminate();
              }
            },
          );
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`wave replicate worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  const out = new Float64Array(seeds.length);
  let at = 0;
  for (const r of results) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}

/** The worker's start: the built worker beside the bundle, or the TypeScript one through tsx. */
function replicateWorkerBootstrap(): string {
  return workerBootstrap('replicate.worker', new URL('./replicate.worker.ts', import.meta.url));
}
