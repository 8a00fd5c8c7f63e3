import { parentPort, workerData } from 'node:worker_threads';
import { createFingerprinter } from '@civic/core';
import { DECODE_BYTES } from '@civic/formats';
import { fingerprintHash } from './import-bank-types.ts';
import type { ToReader } from './import-read-thread.ts';
import { LinePacker } from './statement-line-pack.ts';
import { runReader, type ReaderSpec } from './statement-reader-spec.ts';

/**
 * The reading side of a streamed bank import (see import-read-thread.ts): the file's chunks come
 * in from the import's thread, are decoded, parsed, checked and fingerprinted here, and go back as
 * packed batches of lines, at most `inFlight` not yet written; the reader's result comes last.
 */
interface Job {
  readonly spec: ReaderSpec;
  readonly batchLines: number;
  readonly inFlight: number;
}

const port = parentPort;
if (port === null) throw new Error('import-read.worker runs as a worker thread');
const job = workerData as Job;

const chunks: (Uint8Array | null)[] = [];
let chunkWaiter: (() => void) | null = null;
let unacked = 0;
let ackWaiter: (() => void) | null = null;

port.on('message', (m: ToReader) => {
  if (m.kind === 'ack') {
    unacked -= 1;
    ackWaiter?.();
    ackWaiter = null;
    return;
  }
  chunks.push(m.kind === 'chunk' ? m.bytes : null);
  chunkWaiter?.();
  chunkWaiter = null;
});

async function* source(): AsyncGenerator<Uint8Array> {
  for (;;) {
    if (chunks.length === 0) await new Promise<void>((resolve) => (chunkWaiter = resolve));
    const chunk = chunks.shift();
    if (chunk === null || chunk === undefined) return;
    // Decoded a piece at a time: the text of a whole chunk (a MiB) would be a large object,
    // allocated in the old generation and freed only by a full collection (see BATCH_CHARS).
    for (let at = 0; at < chunk.length; at += DECODE_BYTES) yield chunk.subarray(at, at + DECODE_BYTES);
    // Consumed: the import's thread may send that much more.
    port?.postMessage({ kind: 'took', bytes: chunk.length });
  }
}

const fingerprint = createFingerprinter(fingerprintHash);
const packer = new LinePacker(job.batchLines);

function send(): void {
  const batch = packer.take();
  unacked += 1;
  port?.postMessage({ kind: 'batch', batch }, [batch.lengths.buffer]);
}

try {
  const result = await runReader(job.spec, source(), (line) => {
    if (!packer.add(line, fingerprint(line))) return undefined;
    send();
    // Back-pressure: the reader waits while the import's thread has enough to write.
    return unacked < job.inFlight ? undefined : new Promise<void>((resolve) => (ackWaiter = resolve));
  });
  if (result.ok && packer.count > 0) send();
  port.postMessage({ kind: 'done', result });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ kind: 'crash', message: error.message, stack: error.stack ?? '' });
}
