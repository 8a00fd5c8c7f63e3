import { createHash } from 'node:crypto';
import { buildForeignSourceIndex, domainError, err, ok, type Result } from '@civic/core';
import { insertImportBatch, listForeignSources, updateImportBatchCounts } from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { ImportBankStatementResult } from './import-bank-types.ts';
import { StatementLineWriter } from './import-line-writer.ts';
import { readLines, type ReadThreadOptions } from './import-read-thread.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';

export interface OnecStreamInput {
  /** The file's chunks, from its first byte (the head read for detection included). */
  readonly source: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly organisationId: string;
  readonly aliases: Readonly<Record<string, string>>;
  /** Read on a worker thread (null: on this one). */
  readonly thread: ReadThreadOptions | null;
  readonly onProgress?: (done: number, total?: number) => void;
}

/**
 * Lines gathered per PostgreSQL write (one COPY; see insertBankLines). One batch is written while
 * the next is read (StatementLineWriter), so two are held: at a 1C file of a million documents,
 * 5,000 took 20.2–22.0 s and 491–515 MB at peak, 3,000 20.3–21.0 s and 456–458 MB, 2,000
 * 23.6–26.1 s and 442–452 MB.
 */
const PG_BATCH = 3000;

/**
 * A 1C statement of any size imported in one transaction and constant memory: read chunk by chunk,
 * decoded incrementally (a large file on a worker thread, see import-read-thread.ts), each
 * document's lines fingerprinted, written and checked for foreign
 * funding as they come (`StatementLineWriter`: SQLite through the bank-line sink; PostgreSQL
 * a multi-row insert per PG_BATCH lines). An error anywhere — a bad amount in the last
 * document, totals that do not add up at the end — rolls everything back; a process killed half way
 * leaves nothing. Results are those of `importBankStatement`.
 */
export async function importOnecStream(
  ctx: AppContext,
  input: OnecStreamInput,
): Promise<Result<ImportBankStatementResult>> {
  const orgId = input.organisationId;
  const sources = buildForeignSourceIndex(await listForeignSources(ctx.store.db, orgId));
  const now = ctx.now().toISOString();
  const batchId = newId('imp');
  const digest = createHash('sha256');
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input.source) {
      digest.update(chunk);
      yield chunk;
    }
  }
  return inLedgerTransaction(ctx, async (tx) => {
    const db = tx.store.db;
    await insertImportBatch(db, {
      id: batchId,
      organisationId: orgId,
      kind: 'bank',
      fileName: input.fileName,
      format: '1c',
      sha256: '',
      encoding: 'utf-8',
      read: 0,
      imported: 0,
      duplicates: 0,
      candidates: 0,
      importedAt: now,
    });
    const lines = new StatementLineWriter(db, {
      organisationId: orgId,
      batchId,
      now,
      sources,
      batch: PG_BATCH,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    const summary = await lines.reading(
      readLines(
        { kind: '1c', fileName: input.fileName, aliases: input.aliases },
        hashed(),
        lines.onLine,
        input.thread,
      ),
    );
    if (!summary.ok) return summary;
    if (lines.read === 0 && summary.value.accounts.length === 0)
      return err(
        domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
      );
    await lines.complete(summary.value.accounts);
    const { read, imported, proposed } = lines;
    await updateImportBatchCounts(db, batchId, {
      read,
      imported,
      duplicates: read - imported,
      candidates: proposed,
      sha256: digest.digest('hex'),
      encoding: summary.value.encoding,
    });
    const accounts = lines.accounts(summary.value.accounts);
    return ok({
      read,
      imported,
      duplicates: read - imported,
      foreignCandidates: proposed,
      accounts,
      batchId,
      format: '1c',
      encoding: summary.value.encoding,
      warnings: summary.value.warnings,
    });
  });
}
