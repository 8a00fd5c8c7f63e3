import type { DomainError } from '@civic/core';
import type { IncidentParseOptions } from '@civic/formats';
import type { IncidentRowContext, IncidentRows } from '@civic/store';
import { startWorker, workerBootstrap } from '../worker-bootstrap.ts';

/** What the parsing thread needs: the parse options and the rows' context (plain data). */
export interface IncidentRowsJob {
  readonly options: IncidentParseOptions;
  readonly context: IncidentRowContext;
}

export type FromIncidentRowsWorker =
  | { readonly kind: 'rows'; readonly rows: IncidentRows }
  | {
      readonly kind: 'done';
      readonly rows: IncidentRows;
      readonly terms: string[];
      readonly warnings: DomainError[];
    }
  | { readonly kind: 'error'; readonly error: DomainError };

/** The end of the rows: the file's warnings and terms, or the error that refuses it. */
export type IncidentRowsEnd =
  | { readonly ok: true; readonly terms: string[]; readonly warnings: DomainError[] }
  | { readonly ok: false; readonly error: DomainError };

/**
 * Bytes of the file in one message to the parsing thread: about three hundred incidents, whose
 * rows (some 8,000 values) arrive as an array small enough for the collector's new space. From
 * 256 KiB pieces the arrays went to the large-object space, and the garbage they left in the old
 * space took a 300k-incident import from 380 to 540 MB peak RSS.
 */
const PIECE = 64 << 10;
/**
 * Pieces sent and not yet answered: the parsing thread is at most this far ahead of the writer,
 * so memory stays bounded however fast one side is (back-pressure). 32 took a 300k-incident
 * import from 390 to 530-550 MB peak RSS for no gain in time.
 */
const AHEAD = 8;

/**
 * The rows of an incident CSV file, parsed on a worker thread while the caller writes the rows
 * it was given (two cores: parsing and inserting overlap). Rows come in file order, each piece's
 * rows together; the generator's return value ends them. Leaving early stops the thread.
 */
export async function* incidentRowsInWorker(
  bytes: AsyncIterable<Uint8Array>,
  job: IncidentRowsJob,
): AsyncGenerator<IncidentRows, IncidentRowsEnd> {
  const worker = startWorker(
    workerBootstrap(
      new URL('./incident-rows.worker.js', import.meta.url),
      new URL('./incident-rows.worker.ts', import.meta.url),
    ),
    { workerData: job },
  );
  const inbox: FromIncidentRowsWorker[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  worker.on('message', (m: FromIncidentRowsWorker) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure ??= e;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the incident parsing thread stopped (exit code ${String(code)})`);
    wake?.();
  });
  const next = async (): Promise<FromIncidentRowsWorker> => {
    for (;;) {
      const m = inbox.shift();
      if (m !== undefined) return m;
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  try {
    let waiting = 0;
    for await (const chunk of bytes) {
      for (let at = 0; at < chunk.length; at += PIECE) {
        // A copy of its own (a Buffer's slice would be a view), handed over without another copy.
        const piece = new Uint8Array(chunk.subarray(at, at + PIECE));
        worker.postMessage(piece, [piece.buffer]);
        waiting += 1;
        while (waiting >= AHEAD) {
          const m = await next();
          waiting -= 1;
          if (m.kind === 'error') return { ok: false, error: m.error };
          yield m.rows;
        }
      }
    }
    worker.postMessage(null);
    for (;;) {
      const m = await next();
      if (m.kind === 'error') return { ok: false, error: m.error };
      yield m.rows;
      if (m.kind === 'done') return { ok: true, terms: m.terms, warnings: m.warnings };
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
