import { createHash } from 'node:crypto';
import { buildForeignSourceIndex, domainError, err, ok, type Result } from '@civic/core';
import {
  insertImportBatch,
  listForeignSources,
  updateImportBatchCounts,
  updateImportBatchDetails,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { checkBalances, logUnbalancedImport } from './import-balances.ts';
import type { ImportBankStatementResult } from './import-bank-types.ts';
import { StatementLineWriter } from './import-line-writer.ts';
import { readLines, type ReadThreadOptions } from './import-read-thread.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';
import type { SpecOf } from './statement-reader-spec.ts';

export interface StatementStreamInput {
  /** The file's chunks, from its first byte (the head read for detection included). */
  readonly source: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly organisationId: string;
  /** The reader: MT940, CAMT, a CSV with its mapping, 1C. */
  readonly spec: SpecOf<'statement'>;
  /** Read on a worker thread (null: on this one). */
  readonly thread: ReadThreadOptions | null;
  /** The format recorded on the batch before the file says (CAMT: camt052/053/054 once read). */
  readonly format: string;
  readonly acceptUnbalanced: boolean;
  readonly onProgress?: (done: number, total?: number) => void;
}

/** Lines written per PostgreSQL statement (and candidates per insert on both). */
const BATCH = 1000;

/**
 * A statement of any size and format imported in one transaction and constant memory: read chunk
 * by chunk, decoded incrementally (a large file on a worker thread), each line fingerprinted, written and checked for foreign
 * funding as it comes (`StatementLineWriter`: SQLite through the bank-line sink; PostgreSQL a
 * COPY per thousand lines). The balances are checked as each statement closes and judged at the end: one
 * that does not add up refuses the import (everything written rolls back) unless accepted, when
 * the batch is marked and the log says why. Results are those of `importBankStatement`.
 */
export async function importStatementStream(
  ctx: AppContext,
  input: StatementStreamInput,
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
      format: input.format,
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
      batch: BATCH,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    const summary = await lines.reading(readLines(input.spec, hashed(), lines.onLine, input.thread));
    if (!summary.ok) return summary;
    const statement = summary.value;
    const unbalanced = checkBalances(statement.balances, statement.file, input.acceptUnbalanced);
    if (!unbalanced.ok) return unbalanced;
    if (lines.read === 0 && statement.accounts.length === 0)
      return err(
        domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
      );
    await lines.complete(statement.accounts);
    const { read, imported, proposed } = lines;
    // A page repeated inside the file was read, and each of its lines is a duplicate.
    const total = read + statement.duplicateLines;
    const sha256 = digest.digest('hex');
    await updateImportBatchCounts(db, batchId, {
      read: total,
      imported,
      duplicates: total - imported,
      candidates: proposed,
      sha256,
      encoding: statement.encoding,
    });
    await updateImportBatchDetails(db, batchId, { format: statement.format, unbalanced: unbalanced.value });
    if (unbalanced.value !== null) {
      await logUnbalancedImport(tx, {
        org: orgId,
        batchId,
        fileName: input.fileName,
        sha256,
        reason: unbalanced.value,
        parsed: statement,
      });
    }
    return ok({
      read: total,
      imported,
      duplicates: total - imported,
      foreignCandidates: proposed,
      accounts: lines.accounts(statement.accounts),
      batchId,
      format: statement.format,
      encoding: statement.encoding,
      warnings: statement.warnings,
      ...(unbalanced.value === null ? {} : { unbalanced: unbalanced.value }),
    });
  });
}
