import {
  createFingerprinter,
  detectForeignCandidate,
  normaliseAccount,
  type ForeignSourceIndex,
  type Result,
  type StatementLine,
} from '@civic/core';
import {
  ensureBankAccount,
  insertBankLines,
  insertForeignCandidates,
  BankLineTally,
  moveTalliedBankTotals,
  openBankLineSink,
  claimBankLinesPg,
  type NewForeignCandidate,
  type PgLineWrite,
  type StoreConnection,
} from '@civic/store';
import { orderedIds, newId } from '../ids.ts';
import { accountKey, fingerprintHash, importedAccounts, type ImportedAccount } from './import-bank-types.ts';

/**
 * PostgreSQL: how an import writes its lines. Into an organisation without lines, straight in by
 * COPY; else COPY into a stage moved with ON CONFLICT (which lines were new is read back). CSV of
 * 1,000,000 lines into a new organisation (client + server CPU-s, load 7-18): unnest 25.9 + 33.3,
 * staged COPY 23.0 + 27.7, straight in 24.5 + 21.3.
 */
const PG_WRITE_FRESH: PgLineWrite = 'fresh';
const PG_WRITE_STORED: PgLineWrite = 'copy';

export interface LineWriterOptions {
  readonly organisationId: string;
  readonly batchId: string;
  /** The import's time (ISO), for new accounts and candidates. */
  readonly now: string;
  readonly sources: ForeignSourceIndex;
  /** PostgreSQL: lines per multi-row write; both: candidates held before they are written. */
  readonly batch: number;
  readonly onProgress?: (done: number, total?: number) => void;
}

/**
 * Where the lines of a streamed statement (1C, MT940, CAMT, CSV on PostgreSQL) go inside the
 * import's transaction, one place for every streamed reader: each line fingerprinted, written
 * (SQLite: the bank-line sink; PostgreSQL: `batch` lines per statement), counted per account, and
 * checked for foreign funding when new, the candidates written `batch` at a time.
 */
export class StatementLineWriter {
  /** Lines read so far. */
  read = 0;
  /** Lines new to the organisation so far. */
  imported = 0;
  /** Candidates written. */
  proposed = 0;
  private readonly fingerprint = createFingerprinter(fingerprintHash);
  private readonly candidateId = orderedIds('cnd');
  private readonly perAccount = new Map<string, { lines: number; imported: number }>();
  private readonly accountIds = new Map<string, { id: string; created: boolean }>();
  private readonly candidates: NewForeignCandidate[] = [];
  private readonly pending: StatementLine[] = [];
  /** The fingerprints of `pending`, when the reading thread computed them. */
  private readonly pendingPrints: string[] = [];
  private readonly sink;
  /** The new lines' sums by account, currency, direction and day, for the balance's totals. */
  private readonly tally = new BankLineTally();
  /** PostgreSQL: how this import's lines are written (chosen at the first write). */
  private pgWrite: PgLineWrite | undefined;
  /**
   * PostgreSQL: the write of the lines flushed last (and the writes before it, in order). The
   * reader reads the next lines meanwhile: the server inserts one batch while this thread parses
   * the next, where each waited for the other (a million lines, interleaved runs: the CSV 17.9 and
   * 19.5 s against 21.6 and 25.8 s, the 1C file 20.3–22.0 s against 35.0 s).
   */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: StoreConnection['db'],
    private readonly o: LineWriterOptions,
  ) {
    this.sink = openBankLineSink(db, {
      organisationId: o.organisationId,
      batchId: o.batchId,
      createdAt: o.now,
      newAccountId: () => newId('acc'),
    });
  }

  /**
   * The reader's `onLine`: a promise only when something had to be written asynchronously. The
   * fingerprint is given by a reading thread (for every line of the file, or for none).
   */
  readonly onLine = (line: StatementLine, fingerprint?: string): Promise<void> | undefined => {
    this.read += 1;
    if (this.o.onProgress && this.read % 10_000 === 0) this.o.onProgress(this.read);
    if (!this.sink) {
      this.pending.push(line);
      if (fingerprint !== undefined) this.pendingPrints.push(fingerprint);
      return this.pending.length >= this.o.batch ? this.flush() : undefined;
    }
    const fp = fingerprint ?? this.fingerprint(line);
    const { isNew, accountId } = this.sink.add(line, fp);
    this.counted(line, accountId, fp, isNew);
    return this.candidates.length >= this.o.batch ? this.flushCandidates() : undefined;
  };

  /** Runs the reading: on success the sink's held-back lines are written; the sink closes either way. */
  async reading<T>(read: Promise<Result<T>>): Promise<Result<T>> {
    try {
      const r = await read;
      if (r.ok) this.sink?.finish();
      // A write still running ends before the caller goes on (or rolls back); its error is the import's.
      await this.writing;
      return r;
    } finally {
      this.sink?.close();
      await this.writing.catch(() => undefined);
    }
  }

  /**
   * The file was read whole: the last lines and candidates are written, and the accounts the
   * statement names without a line of theirs are created too, as for a whole file.
   */
  async complete(statementAccounts: readonly { readonly account: string; readonly currency: string }[]) {
    await this.flush();
    await this.writing;
    if (this.sink) for (const [key, a] of this.sink.accounts) this.accountIds.set(key, a);
    for (const a of statementAccounts) await this.ensure(a.account, a.currency);
    this.o.onProgress?.(this.read, this.read);
    await this.flushCandidates();
    // The balance's maintained totals take the batch's new lines, summed by day as they came.
    await moveTalliedBankTotals(this.db, this.o.organisationId, this.tally);
  }

  /** The summary's accounts (after `complete`). */
  accounts(statementAccounts: Parameters<typeof importedAccounts>[0]): ImportedAccount[] {
    return importedAccounts(statementAccounts, this.accountIds, this.perAccount);
  }

  private counted(line: StatementLine, accountId: string, fp: string, isNew: boolean): void {
    let c = this.perAccount.get(accountId);
    if (!c) {
      c = { lines: 0, imported: 0 };
      this.perAccount.set(accountId, c);
    }
    c.lines += 1;
    if (!isNew) return;
    c.imported += 1;
    this.imported += 1;
    this.tally.add(accountId, line);
    if (line.direction !== 'in') return;
    const reasons = detectForeignCandidate(line, this.o.sources);
    if (reasons.length > 0)
      this.candidates.push({
        id: this.candidateId(),
        organisationId: this.o.organisationId,
        bankLine: fp,
        batchId: this.o.batchId,
        reasons,
        suggestedSourceId: reasons.find((r) => r.sourceId)?.sourceId ?? null,
        createdAt: this.o.now,
      });
  }

  private async flushCandidates(): Promise<void> {
    if (this.candidates.length === 0) return;
    this.proposed += await insertForeignCandidates(this.db, this.candidates);
    this.candidates.length = 0;
  }

  private async ensure(number: string, currency: string): Promise<{ id: string; created: boolean }> {
    const key = accountKey(number, currency);
    let a = this.accountIds.get(key);
    if (!a) {
      a = await ensureBankAccount(this.db, {
        id: newId('acc'),
        organisationId: this.o.organisationId,
        number: normaliseAccount(number),
        currency,
        bankName: null,
        bankCode: null,
        createdAt: this.o.now,
      });
      this.accountIds.set(key, a);
    }
    return a;
  }

  /**
   * PostgreSQL: the lines held so far, in one multi-row write, started after the writes before it
   * and not waited for: the promise settles once the server has been sent this batch (so two are
   * held at most, one being written while the next is read). Its lines are counted, and their
   * candidates written, when it is done.
   */
  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const lines = this.pending.splice(0);
    const prints = this.pendingPrints.splice(0);
    const fingerprints = prints.length === lines.length ? prints : lines.map((l) => this.fingerprint(l));
    const ids: string[] = [];
    for (const l of lines) ids.push((await this.ensure(l.account, l.currency)).id);
    const before = this.writing;
    let sent: () => void = () => undefined;
    const handedOver = new Promise<void>((resolve) => (sent = resolve));
    const write = before.then(() => this.write(lines, fingerprints, ids, sent));
    // Observed by whoever waits for it next (the next flush, complete or reading); not unhandled.
    write.catch(() => undefined);
    this.writing = write;
    // Waited for until the server has this batch (after the one before it is written): the
    // reader then reads the next while the server inserts it. A failed write is thrown here.
    await Promise.race([handedOver, write]);
  }

  private async write(
    lines: StatementLine[],
    fingerprints: readonly string[],
    ids: readonly string[],
    sent: () => void,
  ): Promise<void> {
    // PostgreSQL, once per import: an organisation with no line yet takes this import's by COPY.
    this.pgWrite ??= (await claimBankLinesPg(this.db, this.o.organisationId))
      ? PG_WRITE_STORED
      : PG_WRITE_FRESH;
    const inserted = await insertBankLines(
      this.db,
      {
        organisationId: this.o.organisationId,
        batchId: this.o.batchId,
        lines,
        fingerprints,
        accountIds: ids,
      },
      undefined,
      this.pgWrite,
      sent,
    );
    lines.forEach((l, i) => this.counted(l, ids[i] ?? '', fingerprints[i] ?? '', inserted[i] === 1));
    await this.flushCandidates();
  }
}
