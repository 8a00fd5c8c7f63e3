import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { KNOWN_ERROR_CODES } from '../errors/error-table.ts';
import type { CorpusFile, FuzzTarget, Outcome } from './fuzz-targets.ts';
import { applyMutations, mutations, type Mutation } from './mutations.ts';

/**
 * How much to fuzz: `npm test` runs a fixed seed and a bounded count per reader; `npm run fuzz`
 * sets CIVIC_FUZZ_RUNS (thousands) and a fresh CIVIC_FUZZ_SEED, and prints the seed so a failure
 * can be replayed with `CIVIC_FUZZ_SEED=… npm run fuzz`.
 */
export interface FuzzSettings {
  readonly runs: number;
  readonly seed: number;
  /**
   * `npm run fuzz` only (CIVIC_FUZZ_MAX_MS): a single read slower than this is a hang. `npm test`
   * never judges time (a shared machine's timing is not a test result).
   */
  readonly maxMs?: number | undefined;
}

export function fuzzSettings(): FuzzSettings {
  const runs = Number(process.env['CIVIC_FUZZ_RUNS'] ?? '40');
  const seed = Number(process.env['CIVIC_FUZZ_SEED'] ?? '20261206');
  const maxMs = Number(process.env['CIVIC_FUZZ_MAX_MS'] ?? 'NaN');
  return {
    runs: Number.isFinite(runs) && runs > 0 ? runs : 40,
    seed: Number.isFinite(seed) ? seed : 20261206,
    maxMs: Number.isFinite(maxMs) && maxMs > 0 ? maxMs : undefined,
  };
}

const BUNDLE_FAULT = /^(BUNDLE|LOG)_[A-Z0-9_]+$/;
const STACK = /\n\s+at\s/;

/**
 * What is wrong with one answer, or null when it is one of the two allowed ones: read, or refused
 * with a code of the shared error table (a bundle's fault code for bundles), naming the file read,
 * with a message short enough never to repeat a huge value whole and never holding a stack trace.
 * A tamper-evident reader must refuse any bytes other than the original's.
 */
export function problemWith(
  target: FuzzTarget,
  fileName: string,
  answer: Outcome,
  changed: boolean,
): string | null {
  if (answer.ok) return target.tamperEvident && changed ? 'a changed bundle verified' : null;
  const known = target.namesFile ? KNOWN_ERROR_CODES.includes(answer.code) : BUNDLE_FAULT.test(answer.code);
  if (!known) return `refused with an unknown code ${answer.code}`;
  if (target.namesFile && answer.file !== fileName)
    return `the refusal names the file ${String(answer.file)}`;
  if (answer.message.length > 2000) return `a message of ${String(answer.message.length)} characters`;
  if (STACK.test(answer.message)) return 'a stack trace in the message';
  return null;
}

/** The answer of a reader that threw instead of answering: always a defect. */
function thrown(e: unknown): Outcome {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { ok: false, code: 'THROWN', message };
}

export interface FuzzReport {
  readonly target: string;
  readonly runs: number;
  /** The slowest single read, in milliseconds, and what it read (for `npm run fuzz`). */
  readonly slowestMs: number;
  readonly slowestBytes: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Mutates the target's real files and reads each result; throws fast-check's report (seed, path,
 * the shrunk mutations) on the first input that gets a wrong answer.
 */
export function fuzzTarget(target: FuzzTarget, settings: FuzzSettings = fuzzSettings()): FuzzReport {
  const corpus: readonly CorpusFile[] = target.corpus();
  if (corpus.length === 0) throw new Error(`${target.name}: no file to start from`);
  let slowestMs = 0;
  let slowestBytes = 0;
  const property = fc.property(
    fc.integer({ min: 0, max: corpus.length - 1 }),
    mutations(target.xml),
    (index: number, list: Mutation[]) => {
      const file = corpus[index] as CorpusFile;
      const bytes = applyMutations(file.bytes, list);
      const started = performance.now();
      let answer: Outcome;
      try {
        answer = target.read(bytes, file.name);
      } catch (e) {
        answer = thrown(e);
      }
      const ms = performance.now() - started;
      if (ms > slowestMs) {
        slowestMs = ms;
        slowestBytes = bytes.length;
      }
      const slow = settings.maxMs !== undefined && ms > settings.maxMs;
      const problem = slow
        ? `took ${ms.toFixed(0)} ms for ${String(bytes.length)} bytes`
        : answer.ok || answer.code !== 'THROWN'
          ? problemWith(target, file.name, answer, !sameBytes(bytes, file.bytes))
          : `threw ${answer.message}`;
      if (problem !== null) throw new Error(`${target.name}, ${file.name}: ${problem}`);
    },
  );
  fc.assert(property, {
    numRuns: settings.runs,
    seed: settings.seed,
    includeErrorInReport: true,
  });
  return { target: target.name, runs: settings.runs, slowestMs, slowestBytes };
}
