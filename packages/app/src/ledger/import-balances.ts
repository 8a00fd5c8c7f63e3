import type { AppContext } from '../context.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import {
  balanceMismatchMessage,
  domainError,
  err,
  formatMinor,
  ok,
  type BalanceMismatchParams,
  type ParsedStatement,
  type Result,
  type StatementBalance,
} from '@civic/core';

/**
 * The statements a dry run and the preview list: every balance the parser checked (per statement,
 * per MT940 page), else one per account from its stated figures (CSV states none).
 */
export function statementBalances(parsed: ParsedStatement): readonly StatementBalance[] {
  if (parsed.balances !== undefined && parsed.balances.length > 0) return parsed.balances;
  return parsed.accounts.map((a) => {
    const totalIn = parsed.lines.reduce(
      (s, l) => (l.account === a.account && l.direction === 'in' ? s + l.amount : s),
      0n,
    );
    const totalOut = parsed.lines.reduce(
      (s, l) => (l.account === a.account && l.direction === 'out' ? s + l.amount : s),
      0n,
    );
    return accountBalance(a, totalIn, totalOut);
  });
}

/** An account's balance from its stated opening and closing and the sums of its lines. */
export function accountBalance(
  a: Pick<StatementBalance, 'account' | 'currency' | 'opening' | 'closing'>,
  totalIn: bigint,
  totalOut: bigint,
): StatementBalance {
  const computed = a.opening === null ? null : a.opening + totalIn - totalOut;
  return {
    account: a.account,
    currency: a.currency,
    statement: null,
    line: 1,
    field: '',
    opening: a.opening,
    totalIn,
    totalOut,
    closing: a.closing,
    computedClosing: computed,
    balanced: computed === null || a.closing === null || computed === a.closing,
  };
}

/** The figures of an unbalanced statement for its message in any language. */
export function mismatchParams(b: StatementBalance): BalanceMismatchParams {
  const f = (v: bigint | null): string => (v === null ? '' : formatMinor(v, b.currency));
  return {
    statement: b.statement ?? '—',
    account: b.account,
    line: b.line,
    currency: b.currency,
    opening: f(b.opening),
    totalIn: f(b.totalIn),
    totalOut: f(b.totalOut),
    computed: f(b.computedClosing),
    closing: f(b.closing),
  };
}

/** Why a batch is unbalanced, for the batch and the log: each statement and its arithmetic (English). */
export function unbalancedReason(parsed: ParsedStatement): string | null {
  return unbalancedReasonOf(statementBalances(parsed));
}

/** The same from the balances a streamed read recorded. */
export function unbalancedReasonOf(balances: readonly StatementBalance[]): string | null {
  const wrong = balances.filter((b) => !b.balanced);
  if (wrong.length === 0) return null;
  return wrong.map((b) => balanceMismatchMessage('en', mismatchParams(b))).join(' ');
}

/**
 * A statement that does not add up is refused (IMPORT_BALANCE_MISMATCH naming the first such
 * statement, its line and the arithmetic) unless the person accepted it: then the reason to keep
 * on the batch. Null when every statement balances.
 */
export function checkUnbalanced(parsed: ParsedStatement, accept: boolean): Result<string | null> {
  return checkBalances(statementBalances(parsed), parsed.file, accept);
}

/** `checkUnbalanced` over the balances a streamed read recorded. */
export function checkBalances(
  balances: readonly StatementBalance[],
  file: string,
  accept: boolean,
): Result<string | null> {
  const first = balances.find((b) => !b.balanced);
  if (first === undefined) return ok(null);
  if (accept) return ok(unbalancedReasonOf(balances));
  const p = mismatchParams(first);
  return err(
    domainError('IMPORT_BALANCE_MISMATCH', balanceMismatchMessage('en', p), {
      file,
      line: first.line,
      field: first.field,
      details: { ...p, expected: p.computed, actual: p.closing },
    }),
  );
}

/**
 * An import accepted unbalanced joins the organisation's hash-chained log (in the import's
 * transaction): which file, which batch, and why — each statement's arithmetic.
 */
export async function logUnbalancedImport(
  tx: AppContext,
  entry: {
    org: string;
    batchId: string;
    fileName: string;
    sha256: string;
    reason: string;
    /** The statement read whole, or the balances of a streamed one. */
    parsed: ParsedStatement | { readonly balances: readonly StatementBalance[] };
  },
): Promise<void> {
  await appendLogEntry(tx, {
    org: entry.org,
    kind: 'ledger.import-accepted-unbalanced',
    subjectId: entry.batchId,
    content: {
      fileName: entry.fileName,
      sha256: entry.sha256,
      reason: entry.reason,
      statements: ('lines' in entry.parsed ? statementBalances(entry.parsed) : entry.parsed.balances)
        .filter((b) => !b.balanced)
        .map((b) => ({ ...mismatchParams(b) })),
    },
  });
}
