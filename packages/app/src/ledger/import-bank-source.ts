import { ok, type Result } from '@civic/core';
import {
  checkLooksLikeStatement,
  detectBankFormat,
  inferCsvMapping,
  openCamtStream,
  openCsvStream,
  openMt940Stream,
  openOnecStream,
  readHead,
  withStreamChecks,
  type CsvMapping,
  type OpenStatementStream,
} from '@civic/formats';
import type { AppContext } from '../context.ts';
import type { ImportBankStatementInput, ImportBankStatementResult } from './import-bank-types.ts';
import { importCsvStream } from './import-csv-stream.ts';
import { importOnecStream } from './import-onec-stream.ts';
import { importStatementStream } from './import-statement-stream.ts';

/** Enough of a file's head to tell what it is (the 1C encoding probe is the longest look). */
const HEAD_BYTES = 64 * 1024;

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
  if (format === '1c' && input.acceptUnbalanced !== true)
    return {
      kind: 'done',
      result: await importOnecStream(ctx, {
        source: chunks,
        fileName: input.fileName,
        organisationId,
        aliases,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    };
  // A CSV on SQLite streams line by line from the chunks (the head infers the mapping).
  if (format === 'csv' && ctx.store.dialect === 'sqlite')
    return {
      kind: 'done',
      result: await importCsvStream(ctx, {
        head,
        source: chunks,
        fileName: input.fileName,
        organisationId,
        mapping,
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.currencyColumn ? { currencyColumn: input.currencyColumn } : {}),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    };
  const open = openStatementReader(format, head, input, aliases, mapping);
  if (open !== null) {
    if (!open.ok) {
      await close();
      return { kind: 'done', result: open };
    }
    return {
      kind: 'done',
      result: await importStatementStream(ctx, {
        source: chunks,
        fileName: input.fileName,
        organisationId,
        open: open.value,
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
  const file = input.fileName;
  switch (format) {
    case 'mt940':
      return ok(withStreamChecks(openMt940Stream(file), file));
    case 'camt053':
      return ok(withStreamChecks(openCamtStream(file), file));
    case '1c':
      return openOnecStream({ fileName: file, ...(Object.keys(aliases).length > 0 ? { aliases } : {}) });
    case 'csv': {
      const m =
        mapping === undefined
          ? inferCsvMapping(head, file, { currency: input.currency, currencyColumn: input.currencyColumn })
          : ok(mapping);
      return m.ok ? ok(openCsvStream(m.value, file)) : m;
    }
    default:
      return null;
  }
}
