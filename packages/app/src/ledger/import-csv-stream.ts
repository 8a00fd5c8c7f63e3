import { createHash } from 'node:crypto';
import { buildForeignSourceIndex, ok, type Result } from '@civic/core';
import { inferCsvMapping, type CsvMapping } from '@civic/formats';
import { insertImportBatch, listForeignSources, updateImportBatchCounts } from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { ImportBankStatementResult } from './import-bank-types.ts';
import { StatementLineWriter } from './import-line-writer.ts';
import { readLines, type ReadThreadOptions } from './import-read-thread.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';

export interface CsvStreamInput {
  /** The file's head: the mapping is inferred from it when none is given. */
  readonly head: Uint8Array;
  /** The file's chunks from its first byte (`chunksOf(bytes)` for a whole file). */
  readonly source: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly organisationId: string;
  /** The mapping given or saved; inferred from the header when undefined. */
  readonly mapping: CsvMapping | undefined;
  /** The statement's currency, for an inferred mapping without a currency column. */
  readonly currency?: string;
  /** For an inferred mapping: the header of the column that holds the currencies. */
  readonly currencyColumn?: string;
  /** Read on a worker thread (null: on this one). */
  readonly thread: ReadThreadOptions | null;
  readonly onProgress?: (done: number, total?: number) => void;
}

/**
 * Lines per PostgreSQL write (one batch written while the next is read: StatementLineWriter), and
 * candidates held before they are written on both (memory stays flat at any size).
 */
const CANDIDATES_AT_ONCE = 1000;

/**
 * The CSV import on SQLite, streamed (a large file read on a worker thread, see
 * import-read-thread.ts): each line is read, fingerprinted, written and checked for
 * foreign funding as it comes (`StatementLineWriter`, as for the other formats), inside the one transaction — an error anywhere (a bad row near the
 * end included) rolls everything back, as for the other formats. Memory stays flat however long
 * the file; results are those of `importBankStatement`.
 */
export async function importCsvStream(
  ctx: AppContext,
  input: CsvStreamInput,
): Promise<Result<ImportBankStatementResult>> {
  const mapping =
    input.mapping === undefined
      ? inferCsvMapping(input.head, input.fileName, {
          currency: input.currency,
          currencyColumn: input.currencyColumn,
        })
      : ok(input.mapping);
  if (!mapping.ok) return mapping;
  const orgId = input.organisationId;
  const sources = buildForeignSourceIndex(await listForeignSources(ctx.store.db, orgId));
  const digest = createHash('sha256');
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.source) {
      digest.update(chunk);
      yield chunk;
    }
  }
  const now = ctx.now().toISOString();
  const batchId = newId('imp');
  return inLedgerTransaction(ctx, async (tx) => {
    await insertImportBatch(tx.store.db, {
      id: batchId,
      organisationId: orgId,
      kind: 'bank',
      fileName: input.fileName,
      format: 'csv',
      sha256: '',
      encoding: mapping.value.encoding,
      read: 0,
      imported: 0,
      duplicates: 0,
      candidates: 0,
      importedAt: now,
    });
    const lines = new StatementLineWriter(tx.store.db, {
      organisationId: orgId,
      batchId,
      now,
      sources,
      batch: CANDIDATES_AT_ONCE,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    const spec = { kind: 'csv', fileName: input.fileName, mapping: mapping.value } as const;
    const summary = await lines.reading(readLines(spec, hashed(), lines.onLine, input.thread));
    if (!summary.ok) return summary;
    // Every account of a CSV statement has lines: `complete` creates none.
    await lines.complete(summary.value.accounts);
    const { read, imported, proposed } = lines;
    await updateImportBatchCounts(tx.store.db, batchId, {
      read,
      imported,
      duplicates: read - imported,
      candidates: proposed,
      sha256: digest.digest('hex'),
    });
    const accounts = lines.accounts(summary.value.accounts);
    return ok({
      read,
      imported,
      duplicates: read - imported,
      foreignCandidates: proposed,
      accounts,
      batchId,
      format: 'csv',
      encoding: summary.value.encoding,
      warnings: summary.value.warnings,
    });
  });
}
