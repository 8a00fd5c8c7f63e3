import { parentPort, workerData } from 'node:worker_threads';
import { IncidentRowMaker } from '@civic/store/incident-rows';
import { IncidentCsvDecoder } from './incident-csv-decoder.ts';
import type { IncidentRowsJob, FromIncidentRowsWorker } from './incident-rows-in-worker.ts';

/**
 * The parsing thread of a large incident import (incident-rows-in-worker.ts): each piece of the
 * file it receives is decoded, parsed, validated and turned into rows (search text, keys), which
 * it posts back in order while the import's thread inserts the previous ones. `null` ends the file.
 * After an error it posts the error and ignores the rest.
 */
const job = workerData as IncidentRowsJob;
const decoder = new IncidentCsvDecoder(job.options);
const maker = new IncidentRowMaker(job.context);
let failed = false;

const post = (message: FromIncidentRowsWorker) => parentPort?.postMessage(message);

parentPort?.on('message', (piece: Uint8Array | null) => {
  if (failed) return;
  const parsed = piece === null ? decoder.end() : decoder.push(piece);
  if (!parsed.ok) {
    failed = true;
    post({ kind: 'error', error: parsed.error });
    return;
  }
  const rows = maker.rows(parsed.value);
  if (piece !== null) post({ kind: 'rows', rows });
  else post({ kind: 'done', rows, terms: maker.takeTerms(), warnings: decoder.warnings });
});
