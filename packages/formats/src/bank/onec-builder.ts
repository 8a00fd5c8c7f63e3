import {
  KZT,
  formatMinor,
  type CalendarDate,
  type CurrencyCode,
  type StatementAccount,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { abort } from './import-error.ts';
import { onecDocumentLines, type OnecDocumentContext } from './onec-document.ts';
import { blockCurrency, blockDate, readBalance, type BalanceBlock } from './onec-balance.ts';
import { lineOfField, type OnecBlock, type OnecSections, type OnecUnknownField } from './onec-reader.ts';
import { StatementLineChecks } from './statement-checks.ts';

/** The statement without its lines (those went to the caller one by one). */
export interface OnecSummary {
  readonly accounts: StatementAccount[];
  readonly warnings: StatementWarning[];
  /** Lines handed on. */
  readonly lines: number;
}

interface Period {
  readonly currency: CurrencyCode;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/**
 * Builds a 1C statement section by section as the reader hands them on: balance sections become
 * accounts, each document becomes its lines at once (handed to `onLine`, never collected here), and
 * the totals are checked at the end against sums kept per account. With `checkLines`, each line's
 * account numbers and booking date are checked as it goes (a streamed import: nothing to check
 * afterwards); otherwise the caller runs `checkStatement` on the whole statement.
 */
export class OnecStatementBuilder implements OnecSections {
  private defaultCurrency: CurrencyCode;
  private headerFrom: CalendarDate | null = null;
  private headerTo: CalendarDate | null = null;
  private headerAccounts: readonly string[] = [];
  private readonly byAccount = new Map<string, BalanceBlock[]>();
  private readonly ours = new Set<string>();
  private readonly currencyOf = new Map<string, CurrencyCode>();
  private readonly lineAccounts = new Map<string, CurrencyCode>();
  private readonly sums = new Map<string, { totalIn: bigint; totalOut: bigint }>();
  private readonly periods = new Map<string, Period>();
  private readonly checks: StatementLineChecks | null;
  private ctx: OnecDocumentContext;
  private count = 0;

  constructor(
    private readonly file: string,
    fallbackCurrency: CurrencyCode | undefined,
    private readonly warnings: StatementWarning[],
    private readonly onLine: (line: StatementLine) => void,
    checkLines: boolean,
  ) {
    this.defaultCurrency = fallbackCurrency ?? KZT;
    this.checks = checkLines ? new StatementLineChecks(file) : null;
    this.ctx = this.context();
  }

  header(block: OnecBlock, accounts: readonly string[]): void {
    this.defaultCurrency = blockCurrency(block, this.file) ?? this.defaultCurrency;
    this.headerFrom = blockDate(block, 'ДатаНачала', this.file);
    this.headerTo = blockDate(block, 'ДатаКонца', this.file);
    this.headerAccounts = accounts;
    for (const a of accounts) {
      if (a === '' || this.ours.has(a)) continue;
      this.ours.add(a);
      this.currencyOf.set(a, this.defaultCurrency);
      if (this.headerFrom !== null && this.headerTo !== null)
        this.periods.set(a, { currency: this.defaultCurrency, from: this.headerFrom, to: this.headerTo });
    }
    this.ctx = this.context();
  }

  balance(block: OnecBlock): void {
    const b = readBalance(block, this.file, this.defaultCurrency);
    const list = this.byAccount.get(b.account);
    if (list) list.push(b);
    else this.byAccount.set(b.account, [b]);
    // The account's currency is its first balance section's, as the whole-file reader had it.
    if (!list) this.currencyOf.set(b.account, b.currency);
    this.ours.add(b.account);
    const merged = mergeBlocks(this.byAccount.get(b.account) ?? [b]);
    if (merged.from !== null && merged.to !== null)
      this.periods.set(b.account, { currency: merged.currency, from: merged.from, to: merged.to });
    else if (!list) this.periods.delete(b.account);
    this.ctx = this.context();
  }

  document(block: OnecBlock): void {
    for (const l of onecDocumentLines(block, this.ctx)) {
      this.count++;
      let s = this.sums.get(l.account);
      if (!s) {
        s = { totalIn: 0n, totalOut: 0n };
        this.sums.set(l.account, s);
      }
      if (l.direction === 'in') s.totalIn += l.amount;
      else s.totalOut += l.amount;
      if (!this.lineAccounts.has(l.account)) this.lineAccounts.set(l.account, l.currency);
      if (this.checks) this.checkLine(this.checks, l);
      this.onLine(l);
    }
  }

  /** The end of the file: accounts merged, totals checked, unknown fields reported once each. */
  finish(unknown: readonly OnecUnknownField[]): OnecSummary {
    const accounts: StatementAccount[] = [...this.byAccount.values()].map(mergeBlocks);
    const listed = new Set(accounts.map((a) => a.account));
    const blank = (account: string, currency: CurrencyCode): StatementAccount => ({
      account,
      currency,
      from: this.headerFrom,
      to: this.headerTo,
      opening: null,
      totalIn: null,
      totalOut: null,
      closing: null,
    });
    for (const a of this.headerAccounts)
      if (a !== '' && !listed.has(a)) {
        listed.add(a);
        accounts.push(blank(a, this.defaultCurrency));
      }
    for (const account of accounts) {
      const first = this.byAccount.get(account.account)?.[0];
      if (first) this.checkTotals(account, first.block);
    }
    // An account that only appears on our side of documents (no header line, no balance block).
    for (const [a, currency] of this.lineAccounts)
      if (!listed.has(a)) {
        listed.add(a);
        accounts.push(blank(a, currency));
      }
    if (this.checks) {
      for (const a of accounts) this.checks.account(a.account, this.accountLine(a.account), 'account');
      this.warnings.push(...this.checks.warnings);
    }
    for (const u of unknown) this.warnings.push(extraFieldWarning(u));
    return { accounts, warnings: this.warnings, lines: this.count };
  }

  private accountLine(account: string): number {
    return this.byAccount.get(account)?.[0]?.line ?? 1;
  }

  private context(): OnecDocumentContext {
    const ours = this.ours;
    return {
      file: this.file,
      accounts: ours,
      soleAccount: ours.size === 1 ? ([...ours][0] ?? null) : null,
      accountCurrency: (a: string) => this.currencyOf.get(a) ?? this.defaultCurrency,
      warnings: this.warnings,
      dates: this.ctx === undefined ? new Map() : this.ctx.dates,
    };
  }

  private checkLine(checks: StatementLineChecks, l: StatementLine): void {
    checks.line(l);
    const p = this.periods.get(l.account);
    if (p === undefined || p.currency !== l.currency) return;
    if (l.bookedOn >= p.from && l.bookedOn <= p.to) return;
    this.warnings.push({
      line: l.sourceLine,
      field: 'bookedOn',
      message: `the line is booked on ${l.bookedOn}, outside its statement's period ${p.from} – ${p.to}`,
    });
  }

  /** The documents' totals must match the stated totals, when the statement gives them. */
  private checkTotals(account: StatementAccount, block: OnecBlock): void {
    const sums = this.sums.get(account.account) ?? { totalIn: 0n, totalOut: 0n };
    const f = (v: bigint): string => formatMinor(v, account.currency);
    const sides = [
      ['ВсегоПоступило', 'incoming', account.totalIn, sums.totalIn],
      ['ВсегоСписано', 'outgoing', account.totalOut, sums.totalOut],
    ] as const;
    for (const [field, side, stated, summed] of sides) {
      if (stated === null || stated === summed) continue;
      abort(
        'IMPORT_BALANCE_MISMATCH',
        `account ${account.account}: ${side} documents sum to ${f(summed)}, but the statement says ${f(stated)}`,
        this.file,
        lineOfField(block, field),
        field,
        { expected: f(stated), actual: f(summed) },
      );
    }
  }
}

/** The warning for a field the importer does not know: its name and the line it first appears on. */
export function extraFieldWarning(u: OnecUnknownField): StatementWarning {
  return {
    line: u.line,
    field: u.name,
    code: 'IMPORT_FIELD_EXTRA',
    params: { field: u.name, line: u.line },
    message: `field "${u.name}" (first at line ${String(u.line)}) is not one CivicLedger reads: kept with each line as written`,
  };
}

/** Several blocks for one account (banks often write one per day) merge into one period. */
export function mergeBlocks(blocks: readonly BalanceBlock[]): StatementAccount {
  const sorted = [...blocks].sort((a, b) =>
    (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : a.line - b.line,
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error('mergeBlocks: no blocks');
  const total = (pick: (b: BalanceBlock) => bigint | null): bigint | null =>
    sorted.every((b) => pick(b) !== null) ? sorted.reduce((s, b) => s + (pick(b) ?? 0n), 0n) : null;
  return {
    account: first.account,
    currency: first.currency,
    from: first.from,
    to: sorted.reduce<CalendarDate | null>(
      (m, b) => (b.to !== null && (m === null || b.to > m) ? b.to : m),
      null,
    ),
    opening: first.opening,
    totalIn: total((b) => b.totalIn),
    totalOut: total((b) => b.totalOut),
    closing: last.closing,
  };
}
