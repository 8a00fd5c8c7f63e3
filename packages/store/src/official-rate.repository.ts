import { parseScaledRate, type CalendarDate, type CurrencyCode, type OfficialRate } from '@civic/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface RateUpsertCounts {
  readonly imported: number;
  readonly unchanged: number;
  readonly updated: number;
}

/**
 * Stores official rates quoted in `base` (the pack's currency: KZT for the NBK's), one per base,
 * date and currency. A rate already stored with the same text and
 * units is left alone (re-importing a file adds nothing); a different one replaces it (the bank
 * republished it) and is counted as updated.
 */
export async function upsertOfficialRates(
  db: Kysely<Database>,
  rates: readonly OfficialRate[],
  batchId: string | null,
  base = 'KZT',
): Promise<RateUpsertCounts> {
  if (rates.length === 0) return { imported: 0, unchanged: 0, updated: 0 };
  const currencies = [...new Set(rates.map((r) => r.currency))];
  const from = rates.reduce((m, r) => (r.date < m ? r.date : m), rates[0]?.date ?? '');
  const to = rates.reduce((m, r) => (r.date > m ? r.date : m), rates[0]?.date ?? '');
  const existing = new Map<string, { text: string; units: bigint }>();
  const rows = await db
    .selectFrom('official_rate')
    .select(['currency', 'date', 'rate_text', 'units'])
    .where('base', '=', base)
    .where('currency', 'in', currencies)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  for (const r of rows) existing.set(`${r.currency}|${r.date}`, { text: r.rate_text, units: r.units });
  const fresh = new Map<string, OfficialRate>();
  let unchanged = 0;
  let updated = 0;
  for (const r of rates) {
    const key = `${r.currency}|${r.date}`;
    const old = existing.get(key);
    if (!old) {
      fresh.set(key, r);
      continue;
    }
    if (old.text === r.text && old.units === BigInt(r.units)) {
      unchanged += 1;
      continue;
    }
    await db
      .updateTable('official_rate')
      .set({ rate_text: r.text, units: r.units, source: r.source, batch_id: batchId })
      .where('base', '=', base)
      .where('currency', '=', r.currency)
      .where('date', '=', r.date)
      .execute();
    existing.set(key, { text: r.text, units: BigInt(r.units) });
    updated += 1;
  }
  const values = [...fresh.values()].map((r) => ({
    base,
    currency: r.currency,
    date: r.date,
    rate_text: r.text,
    units: r.units,
    source: r.source,
    batch_id: batchId,
  }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('official_rate')
      .values(values.slice(i, i + 500))
      .execute();
  return { imported: fresh.size, unchanged, updated };
}

/**
 * Official rates quoted in `filter.base` (KZT, the NBK's, by default), oldest first, optionally
 * for some currencies only and up to a date.
 */
export async function listOfficialRates(
  db: Kysely<Database>,
  filter: { currencies?: readonly string[]; to?: string; base?: string } = {},
): Promise<OfficialRate[]> {
  let q = db
    .selectFrom('official_rate')
    .selectAll()
    .where('base', '=', filter.base ?? 'KZT');
  if (filter.currencies) {
    if (filter.currencies.length === 0) return [];
    q = q.where('currency', 'in', [...filter.currencies]);
  }
  if (filter.to) q = q.where('date', '<=', filter.to);
  const rows = await q.orderBy('currency').orderBy('date').execute();
  return rows.map((r) => {
    const scaled = parseScaledRate(r.rate_text);
    if (!scaled.ok) throw new Error(`stored rate ${r.currency} ${r.date} "${r.rate_text}" is unreadable`);
    return {
      date: r.date as CalendarDate,
      currency: r.currency as CurrencyCode,
      text: r.rate_text,
      rate: scaled.value,
      units: Number(r.units),
      source: r.source,
    };
  });
}

export async function countOfficialRates(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('official_rate')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** An official rate with the currency it is quoted in (`base`: KZT for the NBK's, INR for the RBI's). */
export interface BasedOfficialRate extends OfficialRate {
  readonly base: string;
}

/**
 * The rates of one currency in every base currency the table holds (or in one `base`), up to a
 * day, newest first and by base within a day; at most `limit` rows.
 */
export async function listOfficialRatesByBase(
  db: Kysely<Database>,
  filter: { currency: string; to?: string | undefined; base?: string | undefined; limit: number },
): Promise<BasedOfficialRate[]> {
  let q = db.selectFrom('official_rate').selectAll().where('currency', '=', filter.currency);
  if (filter.base !== undefined) q = q.where('base', '=', filter.base);
  if (filter.to !== undefined) q = q.where('date', '<=', filter.to);
  const rows = await q.orderBy('date', 'desc').orderBy('base').limit(filter.limit).execute();
  return rows.map((r) => {
    const scaled = parseScaledRate(r.rate_text);
    if (!scaled.ok) throw new Error(`stored rate ${r.currency} ${r.date} "${r.rate_text}" is unreadable`);
    return {
      base: r.base,
      date: r.date as CalendarDate,
      currency: r.currency as CurrencyCode,
      text: r.rate_text,
      rate: scaled.value,
      units: Number(r.units),
      source: r.source,
    };
  });
}
