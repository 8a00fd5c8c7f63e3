import {
  buildRateIndex,
  computeEquivalent,
  currency,
  mapFor,
  setBounded,
  type CalendarDate,
  type CurrencyCode,
  type KztEquivalent,
  type Money,
  type RateIndex,
  type RulePack,
} from '@civic/core';
import {
  findOrganisation,
  listOfficialRates,
  listOfficialRatesByBase,
  type BasedOfficialRate,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { listRulePacks, loadRulePack } from '../rules/load-rule-pack.ts';

/** The official rates quoted in `base` (KZT by default) of some currencies (all when omitted), up to a date, as a lookup index. */
export async function loadRateIndex(
  ctx: AppContext,
  currencies?: readonly string[],
  to?: CalendarDate,
  base = 'KZT',
): Promise<RateIndex> {
  const filter: { currencies?: readonly string[]; to?: string; base: string } = { base };
  if (currencies) filter.currencies = currencies;
  if (to) filter.to = to;
  return buildRateIndex(await listOfficialRates(ctx.store.db, filter));
}

// An organisation's country is set when it is created and never changed (no route or command
// sets it), so it is kept per store by id: every receipts page asks for the ledger's currency, and
// on PostgreSQL, where nothing else of a request is cached, reading the organisations cost a round
// trip each time.
const MAX_COUNTRIES = 1000;
const countries = new WeakMap<object, Map<string, string>>();

/** The country of an organisation by id, name or BIN (undefined when there is none). */
async function countryOf(ctx: AppContext, org: string): Promise<string | undefined> {
  const kept = mapFor(countries, ctx.store);
  const known = kept.get(org);
  if (known !== undefined) return known;
  const row = await findOrganisation(ctx.store.db, org);
  // Only by id: a name or BIN may later name another organisation.
  if (row && row.id === org) setBounded(kept, org, row.country, MAX_COUNTRIES);
  return row?.country;
}

/** The rule pack serving an organisation's country, when one does. */
export async function packOfOrganisation(ctx: AppContext, org: string): Promise<RulePack | undefined> {
  const country = await countryOf(ctx, org);
  const match =
    country !== undefined && (await listRulePacks()).find((p) => p.valid && p.jurisdiction === country);
  const pack = match ? await loadRulePack(match.id) : undefined;
  return pack?.ok ? pack.value : undefined;
}

/**
 * The currency an organisation's ledger keeps its equivalents in: its rule pack's `currency` (KZT
 * for kz, INR for in-fcra); KZT when no pack serves the organisation's country.
 */
export async function equivalentCurrencyOf(ctx: AppContext, org: string): Promise<CurrencyCode> {
  return currency((await packOfOrganisation(ctx, org))?.currency ?? 'KZT');
}

/**
 * The equivalent of an amount in the jurisdiction's currency `base` on a day, at the official
 * rate in force quoted in that currency (the NBK's for KZT, the pack's authority's — the RBI's —
 * for INR; see core `computeEquivalent`); an amount already in `base` is its own equivalent.
 */
export async function kztEquivalentOf(
  ctx: AppContext,
  amount: Money,
  date: CalendarDate,
  base: CurrencyCode = currency('KZT'),
): Promise<KztEquivalent> {
  if (amount.currency === base) return computeEquivalent(amount, date, buildRateIndex([]), base);
  return computeEquivalent(amount, date, await loadRateIndex(ctx, [amount.currency], date, base), base);
}

/**
 * The official rates of one currency as stored, newest first: in every base currency the rates
 * table holds (the NBK's tenge rates, the RBI's rupee rates, …) or in one `base`, each row naming
 * its base. Rates are shared by every organisation of the database.
 */
export async function listRates(
  ctx: AppContext,
  query: { currency: string; to?: CalendarDate | undefined; base?: string | undefined; limit: number },
): Promise<BasedOfficialRate[]> {
  return listOfficialRatesByBase(ctx.store.db, query);
}
