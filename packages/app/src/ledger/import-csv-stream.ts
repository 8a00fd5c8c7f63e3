import { createHash } from 'node:crypto';
import {
  buildForeignSourceIndex,
  createFingerprinter,
  detectForeignCandidate,
  ok,
  type Result,
} from '@civic/core';
import { inferCsvMapping, type CsvMapping } from '@civic/formats';
import {
  insertForeignCandidates,
  insertImportBatch,
  listForeignSources,
  openBankLineSink,
  updateImportBatchCounts,
  type NewForeignCandidate,
  BankLineTally,
  moveTalliedBankTotals,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { orderedIds, newId } from '../ids.ts';
import { fingerprintHash, importedAccounts, type ImportBankStatementResult } from './import-bank-types.ts';
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
 * The CSV import on SQLite, streamed (a large file read on a worker thread, see
 * import-read-thread.ts): each line is read, fingerprinted, written and checked for
 * foreign funding as it comes, inside the one transaction — an error anywhere (a bad row near the
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
    const sink = openBankLineSink(tx.store.db, {
      organisationId: orgId,
      batchId,
      createdAt: now,
      newAccountId: () => newId('acc'),
    });
    if (!sink) throw new Error('importCsvStream runs on SQLite only');
    const fingerprint = createFingerprinter(fingerprintHash);
    const candidateId = orderedIds('cnd');
    const perAccount = new Map<string, { lines: number; imported: number }>();
    // The new lines' sums by account, currency, direction and day, for the balance's totals.
    const tally = new BankLineTally();
    // Candidates are written a thousand at a time, not gathered: memory stays flat at any size.
    const candidates: NewForeignCandidate[] = [];
    let proposed = 0;
    const flushCandidates = async (): Promise<void> => {
      proposed += await insertForeignCandidates(tx.store.db, candidates);
      candidates.length = 0;
    };
    let read = 0;
    let imported = 0;
    const spec = { kind: 'csv', fileName: input.fileName, mapping: mapping.value } as const;
    const summary = await readLines(
      spec,
      hashed(),
      (line, given) => {
        read += 1;
        const fp = given ?? fingerprint(line);
        const { isNew, accountId } = sink.add(line, fp);
        let c = perAccount.get(accountId);
        if (!c) {
          c = { lines: 0, imported: 0 };
          perAccount.set(accountId, c);
        }
        c.lines += 1;
        if (isNew) {
          c.imported += 1;
          imported += 1;
          tally.add(accountId, line);
          if (line.direction === 'in') {
            const reasons = detectForeignCandidate(line, sources);
            if (reasons.length > 0)
              candidates.push({
                id: candidateId(),
                organisationId: orgId,
                bankLine: fp,
                batchId,
                reasons,
                suggestedSourceId: reasons.find((r) => r.sourceId)?.sourceId ?? null,
                createdAt: now,
              });
          }
        }
        if (input.onProgress && read % 10_000 === 0) input.onProgress(read);
        return candidates.length >= 1000 ? flushCandidates() : undefined;
      },
      input.thread,
    )
      .then((r) => {
        if (r.ok) sink.finish();
        return r;
      })
      .finally(() => sink.close());
    if (!summary.ok) return summary;
    input.onProgress?.(read, read);
    await flushCandidates();
    // The balance's maintained totals take the batch's new lines, summed by day as they came.
    await moveTalliedBankTotals(tx.store.db, orgId, tally);
    await updateImportBatchCounts(tx.store.db, batchId, {
      read,
      imported,
      duplicates: read - imported,
      candidates: proposed,
      sha256: digest.digest('hex'),
    });
    const accounts = importedAccounts(summary.value.accounts, sink.accounts, perAccount);
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
