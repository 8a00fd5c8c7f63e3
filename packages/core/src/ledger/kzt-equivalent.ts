import { KZT, minorUnits, type CurrencyCode } from '../currency.ts';
import type { CalendarDate } from '../calendar-date.ts';
import { divRound, type Money } from '../money.ts';
import type { OfficialRate } from './official-rate.ts';

/**
 * The KZT equivalent of an amount at the official rate of its date.
 * - `official`: the rate published for that very date (or the amount is in KZT: `rate` is null);
 * - `carried-forward`: no rate was published that day (weekend, holiday), so the rate in force is
 *   the latest earlier one — `rate.date` says which day, `note` says so in words;
 * - `missing`: no rate on or before the date: an explicit state, never a zero.
 */
export type KztEquivalent =
  | {
      readonly status: 'official';
      readonly kzt: bigint;
      readonly rate: OfficialRate | null;
      readonly note: null;
    }
  | {
      readonly status: 'carried-forward';
      readonly kzt: bigint;
      readonly rate: OfficialRate;
      readonly note: string;
    }
  | { readonly status: 'missing'; readonly kzt: null; readonly rate: null; readonly note: string };

export type RateStatus = KztEquivalent['status'];

/** Rates by currency, sorted by date, for lookups of "the rate in force on a day". */
export interface RateIndex {
  readonly byCurrency: ReadonlyMap<string, readonly OfficialRate[]>;
}

/** Builds a lookup index; a later rate for the same date and currency replaces an earlier one. */
export function buildRateIndex(rates: Iterable<OfficialRate>): RateIndex {
  const byKey = new Map<string, OfficialRate>();
  for (const r of rates) byKey.set(`${r.currency}|${r.date}`, r);
  const byCurrency = new Map<string, OfficialRate[]>();
  for (const r of byKey.values()) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push(r);
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { byCurrency };
}

/** The rate in force on `date`: that day's rate, else the latest earlier one, else undefined. */
export function rateInForce(
  index: RateIndex,
  currency: CurrencyCode,
  date: CalendarDate,
): OfficialRate | undefined {
  const list = index.byCurrency.get(currency);
  if (!list || list.length === 0) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let found: OfficialRate | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid];
    if (!r) break;
    if (r.date <= date) {
      found = r;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Converts minor units of a currency to minor units of the base currency at a rate (half away from zero). */
export function convertToBase(
  minor: bigint,
  currency: CurrencyCode,
  rate: OfficialRate,
  base: CurrencyCode,
): bigint {
  const fromDigits = minorUnits(currency);
  const baseDigits = minorUnits(base);
  const numerator = minor * rate.rate.value * 10n ** BigInt(baseDigits);
  const denominator = 10n ** BigInt(rate.rate.scale) * BigInt(rate.units) * 10n ** BigInt(fromDigits);
  return divRound(numerator, denominator);
}

/** convertToBase into KZT (the rates of the National Bank of Kazakhstan). */
export function convertToKzt(minor: bigint, currency: CurrencyCode, rate: OfficialRate): bigint {
  return convertToBase(minor, currency, rate, KZT);
}

/**
 * The equivalent of `amount` on `date` in the jurisdiction's currency `base` (the rule pack's
 * `currency`: KZT for kz, INR for in-fcra), at the official rates of that currency (see
 * KztEquivalent for the three states; its `kzt` field holds minor units of `base`).
 */
export function computeEquivalent(
  amount: Money,
  date: CalendarDate,
  index: RateIndex,
  base: CurrencyCode,
): KztEquivalent {
  if (amount.currency === base) return { status: 'official', kzt: amount.minor, rate: null, note: null };
  const rate = rateInForce(index, amount.currency, date);
  if (!rate) {
    return {
      status: 'missing',
      kzt: null,
      rate: null,
      note: `no official ${amount.currency} rate on or before ${date}`,
    };
  }
  const kzt = convertToBase(amount.minor, amount.currency, rate, base);
  if (rate.date === date) return { status: 'official', kzt, rate, note: null };
  return {
    status: 'carried-forward',
    kzt,
    rate,
    note: `no ${amount.currency} rate was published on ${date}; the rate in force is the one of ${rate.date} (${rate.text} ${base} per ${String(rate.units)})`,
  };
}

/** computeEquivalent in KZT (the Kazakh ledger, whose official rates are the National Bank's). */
export function computeKztEquivalent(amount: Money, date: CalendarDate, index: RateIndex): KztEquivalent {
  return computeEquivalent(amount, date, index, KZT);
}
