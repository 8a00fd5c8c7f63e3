import { createHash } from 'node:crypto';
import {
  buildForeignSourceIndex,
  createFingerprinter,
  detectForeignCandidate,
  domainError,
  err,
  normaliseAccount,
  ok,
  type Result,
  type StatementLine,
} from '@civic/core';
import { readOnecStatement } from '@civic/formats';
import {
  ensureBankAccount,
  insertBankLines,
  insertForeignCandidates,
  insertImportBatch,
  listForeignSources,
  openBankLineSink,
  updateImportBatchCounts,
  type NewForeignCandidate,
  moveBalanceTotals,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import {
  accountKey,
  fingerprintHash,
  importedAccounts,
  type ImportBankStatementResult,
} from './import-bank-types.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';

export interface OnecStreamInput {
  /** The file's chunks, from its first byte (the head read for detection included). */
  readonly source: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly organisationId: string;
  readonly aliases: Readonly<Record<string, string>>;
  readonly onProgress?: (done: number, total?: number) => void;
}

/** Lines gathered per PostgreSQL write (one unnest statement; see insertBankLines). */
const PG_BATCH = 5000;

/**
 * A 1C statement of any size imported in one transaction and constant memory: read chunk by chunk,
 * decoded incrementally, each document's lines fingerprinted, written and checked for foreign
 * funding as they come (SQLite: one prepared insert per line on the transaction's connection;
 * PostgreSQL: a multi-row insert per thousand lines). An error anywhere — a bad amount in the last
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
    const fingerprint = createFingerprinter(fingerprintHash);
    const perAccount = new Map<string, { lines: number; imported: number }>();
    const accountIds = new Map<string, { id: string; created: boolean }>();
    // Candidates are written a thousand at a time, not gathered: memory stays flat at any size.
    const candidates: NewForeignCandidate[] = [];
    let proposed = 0;
    const flushCandidates = async (): Promise<void> => {
      if (candidates.length === 0) return;
      proposed += await insertForeignCandidates(db, candidates);
      candidates.length = 0;
    };
    let read = 0;
    let imported = 0;
    const counted = (line: StatementLine, accountId: string, fp: string, isNew: boolean): void => {
      let c = perAccount.get(accountId);
      if (!c) {
        c = { lines: 0, imported: 0 };
        perAccount.set(accountId, c);
      }
      c.lines += 1;
      if (!isNew) return;
      c.imported += 1;
      imported += 1;
      if (line.direction !== 'in') return;
      const reasons = detectForeignCandidate(line, sources);
      if (reasons.length > 0)
        candidates.push({
          id: newId('cnd'),
          organisationId: orgId,
          bankLine: fp,
          batchId,
          reasons,
          suggestedSourceId: reasons.find((r) => r.sourceId)?.sourceId ?? null,
          createdAt: now,
        });
    };
    const ensure = async (number: string, currency: string): Promise<{ id: string; created: boolean }> => {
      const key = accountKey(number, currency);
      let a = accountIds.get(key);
      if (!a) {
        a = await ensureBankAccount(db, {
          id: newId('acc'),
          organisationId: orgId,
          number: normaliseAccount(number),
          currency,
          bankName: null,
          bankCode: null,
          createdAt: now,
        });
        accountIds.set(key, a);
      }
      return a;
    };

    const sink = openBankLineSink(db, {
      organisationId: orgId,
      batchId,
      createdAt: now,
      newAccountId: () => newId('acc'),
    });
    const pending: StatementLine[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const fingerprints = pending.map((l) => fingerprint(l));
      const ids: string[] = [];
      for (const l of pending) ids.push((await ensure(l.account, l.currency)).id);
      const inserted = await insertBankLines(db, {
        organisationId: orgId,
        batchId,
        lines: pending,
        fingerprints,
        accountIds: ids,
      });
      pending.forEach((l, i) => counted(l, ids[i] ?? '', fingerprints[i] ?? '', inserted[i] === 1));
      pending.length = 0;
      await flushCandidates();
    };
    const onLine = sink
      ? (line: StatementLine): Promise<void> | undefined => {
          read += 1;
          const fp = fingerprint(line);
          const { isNew, accountId } = sink.add(line, fp);
          counted(line, accountId, fp, isNew);
          if (input.onProgress && read % 10_000 === 0) input.onProgress(read);
          if (candidates.length >= PG_BATCH) return flushCandidates();
        }
      : async (line: StatementLine): Promise<void> => {
          read += 1;
          pending.push(line);
          if (pending.length >= PG_BATCH) await flush();
          if (input.onProgress && read % 10_000 === 0) input.onProgress(read);
        };
    const summary = await readOnecStatement(
      hashed(),
      {
        fileName: input.fileName,
        ...(Object.keys(input.aliases).length > 0 ? { aliases: input.aliases } : {}),
      },
      onLine,
    ).finally(() => sink?.close());
    if (!summary.ok) return summary;
    if (read === 0 && summary.value.accounts.length === 0)
      return err(
        domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
      );
    await flush();
    if (sink) for (const [key, a] of sink.accounts) accountIds.set(key, a);
    // Accounts the statement names without a line of theirs are created too, as for a whole file.
    for (const a of summary.value.accounts) await ensure(a.account, a.currency);
    input.onProgress?.(read, read);
    await flushCandidates();
    // The balance's maintained totals take the batch's new lines in one grouped statement.
    await moveBalanceTotals(db, 1, { organisationId: orgId, batchId });
    await updateImportBatchCounts(db, batchId, {
      read,
      imported,
      duplicates: read - imported,
      candidates: proposed,
      sha256: digest.digest('hex'),
      encoding: summary.value.encoding,
    });
    const accounts = importedAccounts(summary.value.accounts, accountIds, perAccount);
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
