import type { CalendarDate } from '../calendar-date.ts';
import type { CurrencyCode } from '../currency.ts';

/** What a balance is grouped by. */
export type BalanceDimension = 'grant' | 'source' | 'account';

/** One movement of money for a balance: money in (a receipt) or out (an expenditure or its allocation). */
export interface Movement {
  /** The grant, source or account id the movement counts for. */
  readonly key: string;
  readonly currency: CurrencyCode;
  readonly direction: 'in' | 'out';
  /** Positive minor units. */
  readonly amount: bigint;
  /** KZT equivalent in minor units, or null when the rate (or valuation) is missing. */
  readonly kzt: bigint | null;
  readonly date: CalendarDate;
}

/** A balance of one grant, source or account in one currency: received − spent. */
export interface BalanceRow {
  readonly key: string;
  readonly currency: CurrencyCode;
  readonly received: bigint;
  readonly spent: bigint;
  readonly balance: bigint;
  /** KZT equivalents of the movements that have one. */
  readonly receivedKzt: bigint;
  readonly spentKzt: bigint;
  readonly balanceKzt: bigint;
  /** How many movements have no KZT equivalent (missing rate or valuation): their KZT is not counted. */
  readonly missingKzt: number;
  /** Spent beyond what was received (balance below zero). */
  readonly overspent: boolean;
  readonly movements: number;
}

interface Acc {
  key: string;
  currency: CurrencyCode;
  received: bigint;
  spent: bigint;
  receivedKzt: bigint;
  spentKzt: bigint;
  missingKzt: number;
  movements: number;
}

export interface BalanceTotals {
  readonly key: string;
  readonly currency: CurrencyCode;
  readonly received: bigint;
  readonly spent: bigint;
  readonly receivedKzt: bigint;
  readonly spentKzt: bigint;
  readonly missingKzt: number;
  readonly movements: number;
}

/** Completes totals into a balance row (balance, KZT balance, the overspent flag). */
export function toBalanceRow(t: BalanceTotals): BalanceRow {
  const balance = t.received - t.spent;
  return { ...t, balance, balanceKzt: t.receivedKzt - t.spentKzt, overspent: balance < 0n };
}

/**
 * Balances at a date (inclusive; all movements when `at` is undefined), one row per key and
 * currency, sorted by key then currency. The reference the SQL aggregation is tested against.
 */
export function computeBalances(movements: Iterable<Movement>, at?: CalendarDate): BalanceRow[] {
  const acc = new Map<string, Acc>();
  for (const m of movements) {
    if (at !== undefined && m.date > at) continue;
    const k = `${m.key}\u0000${m.currency}`;
    let a = acc.get(k);
    if (!a) {
      a = {
        key: m.key,
        currency: m.currency,
        received: 0n,
        spent: 0n,
        receivedKzt: 0n,
        spentKzt: 0n,
        missingKzt: 0,
        movements: 0,
      };
      acc.set(k, a);
    }
    a.movements += 1;
    if (m.direction === 'in') a.received += m.amount;
    else a.spent += m.amount;
    if (m.kzt === null) a.missingKzt += 1;
    else if (m.direction === 'in') a.receivedKzt += m.kzt;
    else a.spentKzt += m.kzt;
  }
  return [...acc.values()]
    .sort((x, y) =>
      x.key < y.key ? -1 : x.key > y.key ? 1 : x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0,
    )
    .map(toBalanceRow);
}
