import {
  buildRateIndex,
  computeKztEquivalent,
  type CalendarDate,
  type KztEquivalent,
  type Money,
  type RateIndex,
} from '@civic/core';
import { listOfficialRates } from '@civic/store';
import type { AppContext } from '../context.ts';

/** The official rates of some currencies (all when omitted), up to a date, as a lookup index. */
export async function loadRateIndex(
  ctx: AppContext,
  currencies?: readonly string[],
  to?: CalendarDate,
): Promise<RateIndex> {
  const filter: { currencies?: readonly string[]; to?: string } = {};
  if (currencies) filter.currencies = currencies.filter((c) => c !== 'KZT');
  if (to) filter.to = to;
  return buildRateIndex(await listOfficialRates(ctx.store.db, filter));
}

/** The KZT equivalent of an amount on a day at the official rate in force (see core `computeKztEquivalent`). */
export async function kztEquivalentOf(
  ctx: AppContext,
  amount: Money,
  date: CalendarDate,
): Promise<KztEquivalent> {
  if (amount.currency === 'KZT') return computeKztEquivalent(amount, date, buildRateIndex([]));
  return computeKztEquivalent(amount, date, await loadRateIndex(ctx, [amount.currency], date));
}
