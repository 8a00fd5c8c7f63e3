import type { StatementLine } from '@civic/core';
import { startWorker, workerBootstrap } from '../worker-bootstrap.ts';
import { PackedLineReader, type PackedLines } from './statement-line-pack.ts';
import {
  runReader,
  type ReaderKind,
  type ReaderSpec,
  type ReaderSummaries,
  type SpecOf,
} from './statement-reader-spec.ts';

/** What the import's thread sends the reading worker. */
export type ToReader =
  | { readonly kind: 'chunk'; readonly bytes: Uint8Array }
  | { readonly kind: 'end' }
  | { readonly kind: 'ack' };

/** What the reading worker sends back. */
type FromReader =
  | { readonly kind: 'took'; readonly bytes: number }
  | { readonly kind: 'batch'; readonly batch: PackedLines }
  | { readonly kind: 'done'; readonly result: ReaderSummaries[ReaderKind] }
  | { readonly kind: 'crash'; readonly message: string; readonly stack: string };

/** A line on its way to the writer, with its fingerprint when the worker computed it. */
export type OnReadLine = (line: StatementLine, fingerprint?: string) => void | Promise<void>;

export interface ReadThreadOptions {
  /** Lines per batch the worker sends (tests use a few to cross many batches). */
  readonly batchLines?: number;
  /**
   * The chunks are the import's (a caller's source, each chunk a fresh buffer, as `fileChunks`
   * reads them): a chunk that is a whole ArrayBuffer is moved to the worker, not copied, and
   * this thread holds no dead copy until its next collection.
   */
  readonly ownChunks?: boolean;
}

/** Lines per batch at most (a batch of long lines is sent sooner: BATCH_CHARS). */
export const READ_BATCH_LINES = 1000;
/**
 * Batches sent and not yet written: the worker waits beyond (memory stays flat at any size). A
 * batch is at most BATCH_CHARS of text (about a hundred 1C documents), a few milliseconds of
 * writing: eight keep the writer from waiting on the worker.
 */
const IN_FLIGHT = 8;
/** Bytes of the file sent ahead of the worker's reading: it never waits for the next chunk. */
const AHEAD_BYTES = 4 << 20;
/**
 * The worker's young generation, MiB: V8's default (tens of MiB, like the importing thread's own)
 * would count a second time in the process's peak RSS; the reader's garbage is short-lived (its
 * batches and decoded pieces stay under the large-object size: at 300,000 1C documents its heap
 * stays at 13-20 MB used, 32 MB held).
 */
const YOUNG_MIB = 16;

/**
 * Reads a statement on a worker thread while this thread writes: the file's chunks go to the
 * worker (import-read.worker.ts), which decodes, parses, checks and fingerprints them with the
 * reader the spec names, and sends the lines back packed, a batch at a time; each line reaches
 * `onLine` here, in file order, with its fingerprint. The result is the reader's, exactly as
 * `runReader` on this thread would return it (a bad line names file, line and field; the caller's
 * transaction rolls back what was written before it). A failure of the source or of `onLine`
 * stops the worker and is thrown, as on one thread.
 */
export async function readLinesInThread<K extends ReaderKind>(
  spec: SpecOf<K>,
  source: AsyncIterable<Uint8Array>,
  onLine: OnReadLine,
  options: ReadThreadOptions = {},
): Promise<ReaderSummaries[K]> {
  const job = { spec, batchLines: options.batchLines ?? READ_BATCH_LINES, inFlight: IN_FLIGHT };
  const worker = startWorker(
    workerBootstrap(
      new URL('./import-read.worker.js', import.meta.url),
      new URL('./import-read.worker.ts', import.meta.url),
    ),
    { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MIB } },
  );
  const inbox = new Inbox<FromReader>();
  const chunks = source[Symbol.asyncIterator]();
  let ahead = 0;
  let ended = false;
  let pumping = false;
  const send = (m: ToReader): void => worker.postMessage(m);
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (!ended && ahead < AHEAD_BYTES) {
        const next = await chunks.next();
        if (next.done === true) {
          ended = true;
          send({ kind: 'end' });
        } else {
          const bytes = next.value;
          ahead += bytes.length;
          if (options.ownChunks === true && movable(bytes))
            worker.postMessage({ kind: 'chunk', bytes }, [bytes.buffer]);
          else send({ kind: 'chunk', bytes });
        }
      }
    } catch (e) {
      ended = true;
      inbox.fail(e);
    } finally {
      pumping = false;
    }
  };
  worker.on('message', (m: FromReader) => {
    if (m.kind !== 'took') return inbox.put(m);
    ahead -= m.bytes;
    void pump();
  });
  worker.on('error', (e) => inbox.fail(e));
  worker.on('exit', (code) =>
    inbox.fail(new Error(`the statement reader stopped (exit code ${String(code)})`)),
  );
  try {
    void pump();
    for (;;) {
      const m = await inbox.take();
      if (m.kind === 'crash') throw Object.assign(new Error(m.message), { stack: m.stack });
      if (m.kind === 'done') return m.result as ReaderSummaries[K];
      if (m.kind !== 'batch') continue;
      const reader = new PackedLineReader(m.batch);
      while (!reader.done) {
        const { line, fingerprint } = reader.read();
        const written = onLine(line, fingerprint);
        if (written !== undefined) await written;
      }
      send({ kind: 'ack' });
    }
  } finally {
    ended = true;
    await worker.terminate();
    await chunks.return?.();
  }
}

/**
 * Reads a statement with the reader a spec names: on a worker thread when `thread` says so (a
 * large file), else on this one (lines reach `onLine` without a fingerprint; the writer computes
 * it). Either way the lines, their order and the result are the same.
 */
export function readLines<K extends ReaderKind>(
  spec: SpecOf<K>,
  source: AsyncIterable<Uint8Array>,
  onLine: OnReadLine,
  thread: ReadThreadOptions | null,
): Promise<ReaderSummaries[K]> {
  if (thread === null) return runReader(spec, source, (l) => onLine(l));
  return readLinesInThread(spec, source, onLine, thread);
}

/** A chunk that is all of a plain ArrayBuffer (a Node Buffer may share its pool with others). */
function movable(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    !Buffer.isBuffer(bytes) &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

/** Messages waited for one at a time; a failure is thrown to the waiter. */
class Inbox<T> {
  private readonly items: T[] = [];
  private failure: { readonly error: unknown } | null = null;
  private waiter: (() => void) | null = null;

  put(item: T): void {
    this.items.push(item);
    this.wake();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  async take(): Promise<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) return item;
      if (this.failure !== null) throw this.failure.error;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private wake(): void {
    this.waiter?.();
    this.waiter = null;
  }
}

export type { ReaderSpec };
