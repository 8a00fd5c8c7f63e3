import { formatMinor, type CurrencyCode, type StatementAccount, type StatementLine } from '@civic/core';
import { abort } from './import-error.ts';

export interface BalanceFigures {
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
  if (b.opening === null || b.totalIn === null || b.totalOut === null || b.closing === null) return;
  const expected = b.opening + b.totalIn - b.totalOut;
  if (expected !== b.closing) {
    const f = (v: bigint): string => formatMinor(v, currency);
    abort(
      'IMPORT_BALANCE_MISMATCH',
      `opening ${f(b.opening)} + in ${f(b.totalIn)} − out ${f(b.totalOut)} = ${f(expected)}, but the closing balance is ${f(b.closing)}`,
      file,
      line,
      names.closing,
      { expected: f(expected), actual: f(b.closing) },
    );
  }
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
  lines: readonly StatementLine[],
  file: string,
  where: { readonly lineIn: number; readonly lineOut: number },
  names: BalanceFieldNames,
): void {
  const sums = sumLines(lines, account.account);
  const f = (v: bigint): string => formatMinor(v, account.currency);
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
