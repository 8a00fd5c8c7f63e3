import {
  domainError,
  err,
  formatMinor,
  ok,
  parseCalendarDate,
  toBalanceRow,
  type BalanceDimension,
  type BalanceRow,
  type CurrencyCode,
  type Result,
} from '@civic/core';
import { ledgerBalanceTotals, listBankAccounts, listForeignSources, listGrants } from '@civic/store';
import type { AppContext } from '../context.ts';

export const BALANCE_DIMENSIONS = [
  'grant',
  'source',
  'account',
] as const satisfies readonly BalanceDimension[];

/** A balance row with the name of what it is for. `key` is null for receipts with no grant. */
export interface LedgerBalanceRow extends Omit<BalanceRow, 'key'> {
  readonly key: string | null;
  readonly name: string;
}

export interface LedgerBalance {
  readonly by: BalanceDimension;
  /** The day the balance is at (inclusive), or null for everything recorded. */
  readonly at: string | null;
  readonly rows: readonly LedgerBalanceRow[];
}

/**
 * Balances of an organisation by grant, source or account at a date: received − spent per key and
 * currency, with KZT equivalents and the overspent flag (spent beyond what was received).
 * Aggregated in SQL; see `ledgerBalanceTotals` for what each dimension counts.
 */
export async function ledgerBalance(
  ctx: AppContext,
  input: { org: string; by: string; at?: string | undefined },
): Promise<Result<LedgerBalance>> {
  const by = BALANCE_DIMENSIONS.find((d) => d === input.by);
  if (!by)
    return err(
      domainError(
        'LEDGER_BALANCE_DIMENSION_INVALID',
        `--by must be one of ${BALANCE_DIMENSIONS.join(', ')}, not "${input.by}"`,
        { field: 'by' },
      ),
    );
  let at: string | undefined;
  if (input.at !== undefined) {
    const d = parseCalendarDate(input.at, 'at');
    if (!d.ok) return d;
    at = d.value;
  }
  const totals = await ledgerBalanceTotals(ctx.store.db, input.org, by, at);
  const names = await namesFor(ctx, input.org, by);
  const rows = totals.map((t) => {
    const row = toBalanceRow({ ...t, key: t.key ?? '', currency: t.currency as CurrencyCode });
    return { ...row, key: t.key, name: t.key === null ? '(no grant)' : (names.get(t.key) ?? t.key) };
  });
  return ok({ by, at: at ?? null, rows });
}

async function namesFor(ctx: AppContext, org: string, by: BalanceDimension): Promise<Map<string, string>> {
  if (by === 'grant')
    return new Map((await listGrants(ctx.store.db, org)).map((g) => [g.id, g.agreementNumber]));
  if (by === 'source')
    return new Map((await listForeignSources(ctx.store.db, org)).map((s) => [s.id, s.name]));
  return new Map((await listBankAccounts(ctx.store.db, org)).map((a) => [a.id, a.number]));
}

/** The JSON view of a balance (CLI --json and HTTP): amounts as exact decimal strings. */
export function ledgerBalanceJson(b: LedgerBalance): Record<string, unknown> {
  const kzt = 'KZT' as CurrencyCode;
  return {
    by: b.by,
    at: b.at,
    overspent: b.rows.filter((r) => r.overspent).length,
    balances: b.rows.map((r) => ({
      [b.by === 'grant' ? 'grantId' : b.by === 'source' ? 'sourceId' : 'accountId']: r.key,
      name: r.name,
      currency: r.currency,
      received: formatMinor(r.received, r.currency),
      spent: formatMinor(r.spent, r.currency),
      balance: formatMinor(r.balance, r.currency),
      receivedKzt: formatMinor(r.receivedKzt, kzt),
      spentKzt: formatMinor(r.spentKzt, kzt),
      balanceKzt: formatMinor(r.balanceKzt, kzt),
      missingKzt: r.missingKzt,
      movements: r.movements,
      overspent: r.overspent,
    })),
  };
}
