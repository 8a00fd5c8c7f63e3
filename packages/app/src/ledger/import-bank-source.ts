import { availableParallelism } from 'node:os';
import { ok, type Result } from '@civic/core';
import {
  checkLooksLikeStatement,
  detectBankFormat,
  inferCsvMapping,
  readHead,
  type CsvMapping,
  type OpenStatementStream,
} from '@civic/formats';
import type { AppContext } from '../context.ts';
import type { ReadThreadOptions } from './import-read-thread.ts';
import type { ImportBankStatementInput, ImportBankStatementResult } from './import-bank-types.ts';
import { importCsvStream } from './import-csv-stream.ts';
import { importOnecStream } from './import-onec-stream.ts';
import { importStatementStream } from './import-statement-stream.ts';
import { openSpec, type SpecOf } from './statement-reader-spec.ts';

/** Enough of a file's head to tell what it is (the 1C encoding probe is the longest look). */
const HEAD_BYTES = 64 * 1024;

/**
 * Files from this size on are read on a worker thread: a worker starts in tens of milliseconds,
 * the time one thread takes to import a thousand 1C documents (about 1 MB).
 */
export const THREAD_FROM_BYTES = 1 << 20;

export type SourceRead =
  | { readonly kind: 'done'; readonly result: Result<ImportBankStatementResult> }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/**
 * An import from a byte source: the head alone decides. A file that is not a statement at all is
 * refused from its first bytes, however large; every statement streams into the transaction: 1C
 * (`importOnecStream`; accepted unbalanced, `importStatementStream` recording its balances), CSV
 * on SQLite (`importCsvStream`), MT940, CAMT and CSV on PostgreSQL (`importStatementStream`). Only
 * a file of no known format is gathered, for the whole-file reader to name what it is not.
 */
export async function readSource(
  ctx: AppContext,
  input: ImportBankStatementInput,
  organisationId: string,
  aliases: Readonly<Record<string, string>>,
  mapping: CsvMapping | undefined,
): Promise<SourceRead> {
  const source = input.source ?? new Uint8Array(0);
  const { head, source: chunks, close } = await readHead(source, HEAD_BYTES);
  const looks = checkLooksLikeStatement(head, input.fileName);
  if (!looks.ok) {
    await close();
    return { kind: 'done', result: looks };
  }
  const format = input.format ?? detectBankFormat(head, input.fileName);
  if (format === '1c' && input.acceptUnbalanced !== true) {
    const read = await threadChoice(ctx, input, chunks);
    return {
      kind: 'done',
      result: await importOnecStream(ctx, {
        source: read.source,
        thread: read.thread,
        fileName: input.fileName,
        organisationId,
        aliases,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    };
  }
  // A CSV on SQLite streams line by line from the chunks (the head infers the mapping).
  if (format === 'csv' && ctx.store.dialect === 'sqlite') {
    const read = await threadChoice(ctx, input, chunks);
    return {
      kind: 'done',
      result: await importCsvStream(ctx, {
        head,
        source: read.source,
        thread: read.thread,
        fileName: input.fileName,
        organisationId,
        mapping,
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.currencyColumn ? { currencyColumn: input.currencyColumn } : {}),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    };
  }
  const spec = statementSpec(format, head, input, aliases, mapping);
  if (spec !== null) {
    // Opened here first: a bad mapping or alias is refused before a worker starts.
    if (!spec.ok) {
      await close();
      return { kind: 'done', result: spec };
    }
    const open = openSpec(spec.value);
    if (!open.ok) {
      await close();
      return { kind: 'done', result: open };
    }
    const read = await threadChoice(ctx, input, chunks);
    return {
      kind: 'done',
      result: await importStatementStream(ctx, {
        source: read.source,
        fileName: input.fileName,
        organisationId,
        spec: spec.value,
        thread: read.thread,
        format: format ?? '',
        acceptUnbalanced: input.acceptUnbalanced === true,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    };
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const c of chunks) {
    parts.push(c);
    length += c.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { kind: 'bytes', bytes };
}

/** The streamed reader of a format (null: none, the file is gathered); a bad mapping or alias is the error. */
export function openStatementReader(
  format: string | null,
  head: Uint8Array,
  input: ImportBankStatementInput,
  aliases: Readonly<Record<string, string>>,
  mapping: CsvMapping | undefined,
): Result<OpenStatementStream> | null {
  const spec = statementSpec(format, head, input, aliases, mapping);
  return spec === null || !spec.ok ? spec : openSpec(spec.value);
}

/** The reader of a format as plain data (null: none); a CSV's mapping is inferred from the head here. */
function statementSpec(
  format: string | null,
  head: Uint8Array,
  input: ImportBankStatementInput,
  aliases: Readonly<Record<string, string>>,
  mapping: CsvMapping | undefined,
): Result<SpecOf<'statement'>> | null {
  const fileName = input.fileName;
  switch (format) {
    case 'mt940':
    case 'camt053':
    case '1c':
      return ok({ kind: 'statement', fileName, format, aliases });
    case 'csv': {
      const m =
        mapping === undefined
          ? inferCsvMapping(head, fileName, {
              currency: input.currency,
              currencyColumn: input.currencyColumn,
            })
          : ok(mapping);
      return m.ok ? ok({ kind: 'statement', fileName, format, aliases, mapping: m.value }) : m;
    }
    default:
      return null;
  }
}

/**
 * Whether a file is read on a worker thread while this one writes (import-read-thread.ts): as the
 * input says; by default on SQLite (`auto`) when the file is larger than THREAD_FROM_BYTES and the
 * machine has a second core. Measured quiet at 1,000,000 lines on SQLite (2 cores, session 13): 1C
 * 21.3 s, 430 MB read on a worker against 29.2 s, 405 MB on one thread (31.8 against 29.1 CPU-s);
 * the CSV 17.3 s, 433 MB against 18.5 s, 364 MB. On PostgreSQL (its server on the same two cores)
 * the worker won the 1C million 46.4 -> 40.5 s but at 490 MB, and lost the CSV 30.3 -> 33.7 s: one
 * thread there. Before the reading went by pieces and the fingerprints
 * were copied out of their batches (statement-line-pack.ts) the worker took the 1C million to
 * 572-611 MB, and it was off by default. On a machine already busy the worker's extra CPU costs
 * wall time (`never` keeps everything on one thread). With `auto` the head taken to tell the size
 * is handed back with the rest.
 */
async function threadChoice(
  ctx: AppContext,
  input: ImportBankStatementInput,
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ readonly thread: ReadThreadOptions | null; readonly source: AsyncIterable<Uint8Array> }> {
  const batch = {
    ...(input.threadBatchLines === undefined ? {} : { batchLines: input.threadBatchLines }),
    // A caller's source hands its chunks over; views of whole bytes given stay the caller's.
    ownChunks: input.bytes === undefined,
  };
  const choice =
    input.thread ?? (ctx.store.dialect === 'sqlite' && availableParallelism() > 1 ? 'auto' : 'never');
  if (choice === 'never') return { thread: null, source: chunks };
  if (choice === 'always') return { thread: batch, source: chunks };
  const probe = await readHead(chunks, THREAD_FROM_BYTES);
  return { thread: probe.head.length < THREAD_FROM_BYTES ? null : batch, source: probe.source };
}
