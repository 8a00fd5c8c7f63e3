import type { Result } from '@civic/core';
import { checkLooksLikeStatement, detectBankFormat, readHead, type CsvMapping } from '@civic/formats';
import type { AppContext } from '../context.ts';
import type { ImportBankStatementInput, ImportBankStatementResult } from './import-bank-types.ts';
import { importCsvStream } from './import-csv-stream.ts';
import { importOnecStream } from './import-onec-stream.ts';

/** Enough of a file's head to tell what it is (the 1C encoding probe is the longest look). */
const HEAD_BYTES = 64 * 1024;

export type SourceRead =
  | { readonly kind: 'done'; readonly result: Result<ImportBankStatementResult> }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/**
 * An import from a byte source: the head alone decides. A file that is not a statement at all is
 * refused from its first bytes, however large; a 1C statement streams into the transaction
 * (`importOnecStream`), and so does a CSV on SQLite (`importCsvStream`). The other formats (and a
 * CSV on PostgreSQL) are gathered and imported as bytes, as before.
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
  // A statement accepted unbalanced is read whole: its balances are reported, not refused, by the
  // whole-file reader that records each statement's arithmetic (checkUnbalanced).
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
