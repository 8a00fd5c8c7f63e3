import {
  binCheckDigitError,
  buildForeignSourceIndex,
  createFingerprinter,
  detectForeignCandidate,
  domainError,
  err,
  formatMinor,
  normaliseAccount,
  ok,
  type CandidateReason,
  type CurrencyCode,
  type Result,
  type StatementBalance,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import {
  checkLooksLikeStatement,
  chunksOf,
  detectBankFormat,
  OwnerTaxIdCounter,
  readHead,
  readStatementStream,
  type StreamedStatement,
} from '@civic/formats';
import { listBankAccounts, listForeignSources, storedBankLineFingerprints } from '@civic/store';
import type { AppContext } from '../context.ts';
import { resolveOrganisation } from '../organisations.ts';
import { accountBalance } from './import-balances.ts';
import { withUnknownFields } from './statement-unknown-fields.ts';
import { openStatementReader } from './import-bank-source.ts';
import { accountKey, fingerprintHash, type ImportBankStatementInput } from './import-bank-types.ts';
import { resolveAliases, resolveCsvMapping } from './import-settings.ts';
import type { BankStatementPreview, PreviewAccount, PreviewLine } from './preview-bank-statement.ts';

/** A preview without its lines (those went to `onLine`), with every line counted and summed. */
export type PreviewSummary = Omit<BankStatementPreview, 'lines' | 'linesTruncated'>;

const dec = (v: bigint | null, currency: CurrencyCode): string | null =>
  v === null ? null : formatMinor(v, currency);

/** Lines looked up in the database at a time (are they stored already?). */
const BATCH = 1000;

function previewLine(l: StatementLine, duplicate: boolean, reasons: readonly CandidateReason[]): PreviewLine {
  return {
    date: l.bookedOn,
    valueDate: l.valueDate ?? l.bookedOn,
    amount: formatMinor(l.amount, l.currency),
    currency: l.currency,
    direction: l.direction,
    account: l.account,
    counterparty: l.counterparty.name,
    counterpartyAccount: l.counterparty.account,
    purpose: l.purpose,
    reference: l.documentNumber ?? l.bankReference,
    duplicate,
    foreignReasons: reasons,
    sourceLine: l.sourceLine,
  };
}

/**
 * What importing a statement of any size would do, read as the import reads it (the same streamed
 * readers, saved aliases and CSV mapping, balances recorded rather than refused) and writing
 * nothing. Each line goes to `onLine` in file order as it is judged (already stored? proposed as
 * foreign funding?), a thousand looked up at a time: no list of lines is ever held. A file that
 * cannot be read is the import's own error.
 */
export async function previewBankStatementStream(
  ctx: AppContext,
  input: ImportBankStatementInput,
  onLine: (line: PreviewLine) => void | Promise<void>,
): Promise<Result<PreviewSummary>> {
  const org = await resolveOrganisation(ctx, input.org);
  if (!org.ok) return org;
  const orgId = org.value.id;
  const aliases = await resolveAliases(ctx, orgId, input.aliases);
  if (!aliases.ok) return aliases;
  const mapping = await resolveCsvMapping(ctx, orgId, input.csvMapping, input.mappingName);
  if (!mapping.ok) return mapping;
  const { head, source, close } = await readHead(
    input.source ?? chunksOf(input.bytes ?? new Uint8Array(0)),
    64 * 1024,
  );
  const looks = checkLooksLikeStatement(head, input.fileName);
  const format = input.format ?? detectBankFormat(head, input.fileName);
  const open =
    looks.ok && format !== null
      ? openStatementReader(format, head, input, aliases.value, mapping.value)
      : null;
  if (!looks.ok || open === null || !open.ok) {
    await close();
    if (!looks.ok) return looks;
    if (open !== null && !open.ok)
      return format === '1c'
        ? withUnknownFields(open, head, { fileName: input.fileName, format, aliases: aliases.value })
        : open;
    return err(
      domainError(
        'IMPORT_FORMAT_UNKNOWN',
        'the file is not a 1C, CAMT.053 or MT940 statement, nor a .csv file; name the format with --format',
        { file: input.fileName },
      ),
    );
  }
  const owner = new OwnerTaxIdCounter(format ?? '', aliases.value);
  const sources = buildForeignSourceIndex(await listForeignSources(ctx.store.db, orgId));
  const fingerprint = createFingerprinter(fingerprintHash);
  const tally = new Tally();
  const pending: StatementLine[] = [];
  const flush = async (): Promise<void> => {
    const fps = pending.map((l) => fingerprint(l));
    const stored = await storedBankLineFingerprints(ctx.store.db, orgId, fps);
    for (const [i, l] of pending.entries()) {
      const duplicate = stored.has(fps[i] ?? '');
      const reasons = duplicate ? [] : detectForeignCandidate(l, sources);
      tally.line(l, duplicate, reasons.length > 0);
      owner.line(l);
      const written = onLine(previewLine(l, duplicate, reasons));
      if (written !== undefined) await written;
    }
    pending.length = 0;
  };
  const read = await readStatementStream(source, open.value, async (l) => {
    pending.push(l);
    if (pending.length >= BATCH) await flush();
  });
  if (!read.ok)
    return format === '1c'
      ? withUnknownFields(read, head, { fileName: input.fileName, format, aliases: aliases.value })
      : read;
  await flush();
  const statement = read.value;
  if (tally.count === 0 && statement.accounts.length === 0)
    return err(
      domainError('IMPORT_EMPTY', 'the file holds no account and no line', { file: input.fileName }),
    );
  const known = new Map(
    (await listBankAccounts(ctx.store.db, orgId)).map((a) => [accountKey(a.number, a.currency), a.id]),
  );
  const accounts = tally.accounts(statement, known);
  const statements = tally.balances(statement).map((b) => ({
    account: b.account,
    currency: b.currency,
    statement: b.statement,
    line: b.line,
    opening: dec(b.opening, b.currency),
    closing: dec(b.closing, b.currency),
    computedClosing: dec(b.computedClosing, b.currency),
    totalIn: formatMinor(b.totalIn, b.currency),
    totalOut: formatMinor(b.totalOut, b.currency),
    balanced: b.balanced,
  }));
  const otherOwner =
    known.size > 0 && accounts.length > 0 && accounts.every((a) => a.accountId === null)
      ? accounts.map((a) => a.account)
      : null;
  const all = tally.count + statement.duplicateLines;
  const ownerBin = owner.result(statement.accounts);
  // A mistyped owner BIN is the bank's, not the accountant's to fix: the preview goes on and warns
  // (the statement is not matched to, or flagged against, the organisation by that number).
  const ownerMistyped = ownerBin !== null && binCheckDigitError(ownerBin, 'ownerBin') !== null;
  const warnings = ownerMistyped
    ? [...statement.warnings, ownerBinWarning(ownerBin, owner.firstLine(ownerBin) ?? 1)]
    : statement.warnings;
  return ok({
    read: all,
    imported: tally.imported,
    duplicates: all - tally.imported,
    foreignCandidates: tally.foreign,
    accounts,
    format: statement.format,
    encoding: statement.encoding,
    lineCount: tally.count,
    totals: tally.totals(),
    statements,
    warnings,
    balanced: statements.every((s) => s.balanced),
    otherOwner,
    ownerBin,
    otherOwnerBin:
      ownerBin !== null && !ownerMistyped && org.value.bin && ownerBin !== org.value.bin ? ownerBin : null,
  });
}

/** `IMPORT_WARN_OWNER_BIN_CHECK_DIGIT`: the file's owner BIN/IIN fails its control digit. */
function ownerBinWarning(bin: string, line: number): StatementWarning {
  return {
    line,
    field: 'ownerBin',
    code: 'IMPORT_WARN_OWNER_BIN_CHECK_DIGIT',
    params: { bin },
    message: `Line ${String(line)}: the statement owner's BIN/IIN ${bin} fails its control digit; the statement is not matched to an organisation by it.`,
  };
}

/** Counts and sums of the lines as they pass: per account, per currency and direction. */
class Tally {
  count = 0;
  imported = 0;
  foreign = 0;
  private readonly perAccount = new Map<
    string,
    { account: string; currency: CurrencyCode; lines: number; imported: number }
  >();
  private readonly byRawAccount = new Map<string, { totalIn: bigint; totalOut: bigint }>();
  private readonly byCurrency = new Map<string, { in: bigint | null; out: bigint | null }>();

  line(l: StatementLine, duplicate: boolean, foreign: boolean): void {
    this.count += 1;
    if (!duplicate) this.imported += 1;
    if (foreign) this.foreign += 1;
    const key = accountKey(l.account, l.currency);
    let a = this.perAccount.get(key);
    if (!a) {
      a = { account: l.account, currency: l.currency, lines: 0, imported: 0 };
      this.perAccount.set(key, a);
    }
    a.lines += 1;
    if (!duplicate) a.imported += 1;
    let raw = this.byRawAccount.get(l.account);
    if (!raw) {
      raw = { totalIn: 0n, totalOut: 0n };
      this.byRawAccount.set(l.account, raw);
    }
    let c = this.byCurrency.get(l.currency);
    if (!c) {
      c = { in: null, out: null };
      this.byCurrency.set(l.currency, c);
    }
    if (l.direction === 'in') {
      raw.totalIn += l.amount;
      c.in = (c.in ?? 0n) + l.amount;
    } else {
      raw.totalOut += l.amount;
      c.out = (c.out ?? 0n) + l.amount;
    }
  }

  /** Every line's sum by currency, in and out (decimal strings). */
  totals(): PreviewSummary['totals'] {
    const side = (pick: (v: { in: bigint | null; out: bigint | null }) => bigint | null) =>
      [...this.byCurrency].flatMap(([currency, v]) => {
        const sum = pick(v);
        return sum === null ? [] : [{ currency, amount: formatMinor(sum, currency as CurrencyCode) }];
      });
    return { in: side((v) => v.in), out: side((v) => v.out) };
  }

  /** The balances the reader checked, else one per account from its stated figures (CSV states none). */
  balances(s: StreamedStatement): readonly StatementBalance[] {
    if (s.balances.length > 0) return s.balances;
    return s.accounts.map((a) => {
      const { totalIn, totalOut } = this.byRawAccount.get(a.account) ?? { totalIn: 0n, totalOut: 0n };
      return accountBalance(a, totalIn, totalOut);
    });
  }

  accounts(s: StreamedStatement, known: ReadonlyMap<string, string>): PreviewAccount[] {
    const out = new Map<string, PreviewAccount>();
    const add = (
      account: string,
      currency: CurrencyCode,
      a?: StreamedStatement['accounts'][number],
    ): void => {
      const key = accountKey(account, currency);
      if (out.has(key)) return;
      const counted = this.perAccount.get(key) ?? { lines: 0, imported: 0 };
      const id = known.get(key) ?? null;
      out.set(key, {
        account: normaliseAccount(account),
        currency,
        accountId: id,
        created: id === null,
        from: a?.from ?? null,
        to: a?.to ?? null,
        opening: dec(a?.opening ?? null, currency),
        closing: dec(a?.closing ?? null, currency),
        lines: counted.lines,
        imported: counted.imported,
      });
    };
    for (const a of s.accounts) add(a.account, a.currency, a);
    for (const a of this.perAccount.values()) add(a.account, a.currency);
    return [...out.values()];
  }
}
