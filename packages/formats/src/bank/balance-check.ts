import {
  formatMinor,
  type CurrencyCode,
  type StatementAccount,
  type StatementBalance,
  type StatementLine,
} from '@civic/core';
import { abort } from './import-error.ts';

/**
 * The balances checked while one parser runs (parsers are synchronous). With `refuse` a mismatch
 * aborts the parse as it always did; without it the mismatch is only recorded, so that the caller
 * can list every line and say which statement does not add up (a dry run, an import accepted
 * unbalanced).
 */
interface BalanceRecorder {
  readonly list: StatementBalance[];
  readonly refuse: boolean;
}
let recorder: BalanceRecorder | null = null;

/** Runs a parse, returning what it returned and every balance it checked, in file order. */
export function recordBalances<T>(refuse: boolean, run: () => T): { value: T; balances: StatementBalance[] } {
  const outer = recorder;
  const mine: BalanceRecorder = { list: [], refuse };
  recorder = mine;
  try {
    return { value: run(), balances: mine.list };
  } finally {
    recorder = outer;
  }
}

const refusing = (): boolean => recorder === null || recorder.refuse;

/** Whether a mismatch refuses the parse (else it is recorded): parsers that check stated totals first then, to name them. */
export const refusesMismatches = refusing;

export interface BalanceFigures {
  /** The account (recorded with the balance); the statement's name as written, when it has one. */
  readonly account?: string;
  readonly statement?: string | null;
  readonly opening: bigint | null;
  readonly totalIn: bigint | null;
  readonly totalOut: bigint | null;
  readonly closing: bigint | null;
}

/** Field names used in messages, as the format spells them. */
export interface BalanceFieldNames {
  readonly closing: string;
  readonly totalIn: string;
  readonly totalOut: string;
}

/** opening + in − out must equal closing; aborts with IMPORT_BALANCE_MISMATCH naming the closing field. */
export function checkBalanceIdentity(
  b: BalanceFigures,
  currency: CurrencyCode,
  file: string,
  line: number,
  names: BalanceFieldNames,
): void {
  const complete = b.opening !== null && b.totalIn !== null && b.totalOut !== null;
  const expected = complete ? (b.opening ?? 0n) + (b.totalIn ?? 0n) - (b.totalOut ?? 0n) : null;
  const balanced = expected === null || b.closing === null || expected === b.closing;
  recorder?.list.push({
    account: b.account ?? '',
    currency,
    statement: b.statement ?? null,
    line,
    field: names.closing,
    opening: b.opening,
    totalIn: b.totalIn ?? 0n,
    totalOut: b.totalOut ?? 0n,
    closing: b.closing,
    computedClosing: expected,
    balanced,
  });
  if (b.opening === null || b.totalIn === null || b.totalOut === null || b.closing === null) return;
  if (expected !== null && expected !== b.closing && refusing()) {
    const f = (v: bigint): string => formatMinor(v, currency);
    abort(
      'IMPORT_BALANCE_MISMATCH',
      `${statementName(b)}opening ${f(b.opening)} + in ${f(b.totalIn)} − out ${f(b.totalOut)} = ${f(expected)}, but the closing balance is ${f(b.closing)}`,
      file,
      line,
      names.closing,
      {
        expected: f(expected),
        actual: f(b.closing),
        ...(b.statement ? { statement: b.statement } : {}),
        ...(b.account ? { account: b.account } : {}),
        opening: f(b.opening),
        totalIn: f(b.totalIn),
        totalOut: f(b.totalOut),
        currency,
      },
    );
  }
}

/** `statement STMT 1/2, account KZ…: ` when the figures say which. */
function statementName(b: BalanceFigures): string {
  const parts = [b.statement ? `statement ${b.statement}` : '', b.account ? `account ${b.account}` : ''];
  const name = parts.filter((p) => p !== '').join(', ');
  return name === '' ? '' : `${name}: `;
}

/** Sums of the lines of one account. */
export function sumLines(
  lines: readonly StatementLine[],
  account: string,
): { totalIn: bigint; totalOut: bigint } {
  let totalIn = 0n;
  let totalOut = 0n;
  for (const l of lines) {
    if (l.account !== account) continue;
    if (l.direction === 'in') totalIn += l.amount;
    else totalOut += l.amount;
  }
  return { totalIn, totalOut };
}

/** The documents' totals must match the stated totals, when the statement gives them. */
export function checkTotals(
  account: StatementAccount,
  lines: readonly StatementLine[] | { readonly totalIn: bigint; readonly totalOut: bigint },
  file: string,
  where: { readonly lineIn: number; readonly lineOut: number },
  names: BalanceFieldNames,
): void {
  // A streamed reader gives the sums it kept rather than the lines.
  const sums = 'totalIn' in lines ? lines : sumLines(lines, account.account);
  const f = (v: bigint): string => formatMinor(v, account.currency);
  const inWrong = account.totalIn !== null && sums.totalIn !== account.totalIn;
  const outWrong = account.totalOut !== null && sums.totalOut !== account.totalOut;
  if ((inWrong || outWrong) && !refusing()) {
    markTotalsWrong(account, sums);
    return;
  }
  if (account.totalIn !== null && sums.totalIn !== account.totalIn) {
    abort(
      'IMPORT_BALANCE_MISMATCH',
      `account ${account.account}: incoming documents sum to ${f(sums.totalIn)}, but the statement says ${f(account.totalIn)}`,
      file,
      where.lineIn,
      names.totalIn,
      { expected: f(account.totalIn), actual: f(sums.totalIn) },
    );
  }
  if (account.totalOut !== null && sums.totalOut !== account.totalOut) {
    abort(
      'IMPORT_BALANCE_MISMATCH',
      `account ${account.account}: outgoing documents sum to ${f(sums.totalOut)}, but the statement says ${f(account.totalOut)}`,
      file,
      where.lineOut,
      names.totalOut,
      { expected: f(account.totalOut), actual: f(sums.totalOut) },
    );
  }
}

/**
 * Several balance periods of one account in a file (banks often write one per day) merge into
 * one: the earliest opening, the latest closing, totals summed when every period states them.
 */
export function mergeAccountPeriods(periods: readonly StatementAccount[]): StatementAccount[] {
  const byAccount = new Map<string, StatementAccount[]>();
  periods.forEach((p) => byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), p]));
  return [...byAccount.values()].map((list) => {
    const sorted = [...list].sort((a, b) =>
      (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0,
    );
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (!first || !last) throw new Error('mergeAccountPeriods: empty group');
    if (sorted.length === 1) return first;
    const total = (pick: (b: StatementAccount) => bigint | null): bigint | null =>
      sorted.every((b) => pick(b) !== null) ? sorted.reduce((sum, b) => sum + (pick(b) ?? 0n), 0n) : null;
    const to = sorted.reduce<StatementAccount['to']>(
      (m, b) => (b.to !== null && (m === null || b.to > m) ? b.to : m),
      null,
    );
    return {
      ...first,
      to,
      totalIn: total((b) => b.totalIn),
      totalOut: total((b) => b.totalOut),
      closing: last.closing,
    };
  });
}

/**
 * Stated totals the documents contradict: the account's last recorded balance becomes unbalanced,
 * its computed closing taken from the documents (opening + documents in − documents out).
 */
function markTotalsWrong(account: StatementAccount, sums: { totalIn: bigint; totalOut: bigint }): void {
  const list = recorder?.list ?? [];
  const at = list.map((b) => b.account).lastIndexOf(account.account);
  const opening = account.opening;
  const computed = opening === null ? null : opening + sums.totalIn - sums.totalOut;
  const entry: StatementBalance = {
    account: account.account,
    currency: account.currency,
    statement: null,
    line: list[at]?.line ?? 1,
    field: list[at]?.field ?? 'totals',
    opening,
    totalIn: sums.totalIn,
    totalOut: sums.totalOut,
    closing: account.closing,
    computedClosing: computed,
    balanced: false,
  };
  if (at < 0) list.push(entry);
  else list[at] = { ...entry, statement: list[at]?.statement ?? null };
}
