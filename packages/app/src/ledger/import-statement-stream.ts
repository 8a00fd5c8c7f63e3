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
import { readStatementStream, type OpenStatementStream } from '@civic/formats';
import {
  ensureBankAccount,
  insertBankLines,
  insertForeignCandidates,
  insertImportBatch,
  listForeignSources,
  updateImportBatchDetails,
  openBankLineSink,
  updateImportBatchCounts,
  type NewForeignCandidate,
  moveBalanceTotals,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { checkBalances, logUnbalancedImport } from './import-balances.ts';
import {
  accountKey,
  fingerprintHash,
  importedAccounts,
  type ImportBankStatementResult,
} from './import-bank-types.ts';
import { inLedgerTransaction } from './ledger-transaction.ts';

export interface StatementStreamInput {
  /** The file's chunks, from its first byte (the head read for detection included). */
  readonly source: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly organisationId: string;
  /** The reader: MT940, CAMT, a CSV with its mapping, 1C. */
  readonly open: OpenStatementStream;
  /** The format recorded on the batch before the file says (CAMT: camt052/053/054 once read). */
  readonly format: string;
  readonly acceptUnbalanced: boolean;
  readonly onProgress?: (done: number, total?: number) => void;
}

/** Lines written per PostgreSQL statement (and candidates per insert on both). */
const BATCH = 1000;

/**
 * A statement of any size and format imported in one transaction and constant memory: read chunk
 * by chunk, decoded incrementally, each line fingerprinted, written and checked for foreign
 * funding as it comes (SQLite: one prepared insert per line; PostgreSQL: a multi-row insert per
 * thousand lines). The balances are checked as each statement closes and judged at the end: one
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
    const fingerprint = createFingerprinter(fingerprintHash);
    const perAccount = new Map<string, { lines: number; imported: number }>();
    const accountIds = new Map<string, { id: string; created: boolean }>();
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
          if (candidates.length >= BATCH) return flushCandidates();
        }
      : async (line: StatementLine): Promise<void> => {
          read += 1;
          pending.push(line);
          if (pending.length >= BATCH) await flush();
          if (input.onProgress && read % 10_000 === 0) input.onProgress(read);
        };
    const summary = await readStatementStream(hashed(), input.open, onLine).finally(() => sink?.close());
    if (!summary.ok) return summary;
    const statement = summary.value;
    const unbalanced = checkBalances(statement.balances, statement.file, input.acceptUnbalanced);
    if (!unbalanced.ok) return unbalanced;
    if (read === 0 && statement.accounts.length === 0)
      return err(
        domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
      );
    await flush();
    if (sink) for (const [key, a] of sink.accounts) accountIds.set(key, a);
    // Accounts the statement names without a line of theirs are created too, as for a whole file.
    for (const a of statement.accounts) await ensure(a.account, a.currency);
    input.onProgress?.(read, read);
    await flushCandidates();
    // A page repeated inside the file was read, and each of its lines is a duplicate.
    const total = read + statement.duplicateLines;
    const sha256 = digest.digest('hex');
    // The balance's maintained totals take the batch's new lines in one grouped statement.
    await moveBalanceTotals(db, 1, { organisationId: orgId, batchId });
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
      accounts: importedAccounts(statement.accounts, accountIds, perAccount),
      batchId,
      format: statement.format,
      encoding: statement.encoding,
      warnings: statement.warnings,
      ...(unbalanced.value === null ? {} : { unbalanced: unbalanced.value }),
    });
  });
}
