import {
  buildRateIndex,
  computeEquivalent,
  currency,
  type CalendarDate,
  type CurrencyCode,
  type KztEquivalent,
  type Money,
  type RateIndex,
} from '@civic/core';
import { findOrganisation, listOfficialRates } from '@civic/store';
import type { AppContext } from '../context.ts';
import { listRulePacks, loadRulePack } from '../rules/load-rule-pack.ts';

/** The official rates of some currencies (all when omitted), up to a date, as a lookup index. */
export async function loadRateIndex(
  ctx: AppContext,
  currencies?: readonly string[],
  to?: CalendarDate,
): Promise<RateIndex> {
  const filter: { currencies?: readonly string[]; to?: string } = {};
  if (currencies) filter.currencies = currencies;
  if (to) filter.to = to;
  return buildRateIndex(await listOfficialRates(ctx.store.db, filter));
}

/**
 * The currency an organisation's ledger keeps its equivalents in: its rule pack's `currency` (KZT
 * for kz, INR for in-fcra); KZT when no pack serves the organisation's country (the first pack's).
 */
export async function equivalentCurrencyOf(ctx: AppContext, org: string): Promise<CurrencyCode> {
  const row = await findOrganisation(ctx.store.db, org);
  const match = row && (await listRulePacks()).find((p) => p.valid && p.jurisdiction === row.country);
  const pack = match ? await loadRulePack(match.id) : undefined;
  return currency(pack?.ok ? pack.value.currency : RATES_BASE);
}

/**
 * The currency the stored official rates are quoted in: they are the National Bank of Kazakhstan's
 * (tenge per unit), so they convert into KZT only; another jurisdiction's equivalent of a foreign
 * amount stays `missing` until its own rates can be stored beside them.
 */
const RATES_BASE = 'KZT';

/**
 * The equivalent of an amount in the jurisdiction's currency `base` on a day, at the official
 * rate in force (see core `computeEquivalent`); an amount already in `base` is its own equivalent.
 */
export async function kztEquivalentOf(
  ctx: AppContext,
  amount: Money,
  date: CalendarDate,
  base: CurrencyCode = currency('KZT'),
): Promise<KztEquivalent> {
  if (amount.currency === base || base !== RATES_BASE)
    return computeEquivalent(amount, date, buildRateIndex([]), base);
  return computeEquivalent(amount, date, await loadRateIndex(ctx, [amount.currency], date), base);
}
