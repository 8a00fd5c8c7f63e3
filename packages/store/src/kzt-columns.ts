import {
  asId,
  parseScaledRate,
  type CurrencyCode,
  type KztEquivalent,
  type OfficialRate,
  type CalendarDate,
} from '@civic/core';

/** The columns a KZT equivalent is stored in (receipts and expenditures share them). */
export interface KztColumnValues {
  kzt_minor: bigint | null;
  rate_status: string;
  rate_date: string | null;
  rate_text: string | null;
  rate_units: bigint | null;
  rate_source: string | null;
}

export function kztToColumns(eq: KztEquivalent): KztColumnValues {
  return {
    kzt_minor: eq.kzt,
    rate_status: eq.status,
    rate_date: eq.rate?.date ?? null,
    rate_text: eq.rate?.text ?? null,
    rate_units: eq.rate ? BigInt(eq.rate.units) : null,
    rate_source: eq.rate?.source ?? null,
  };
}

type KztRow = KztColumnValues & { readonly currency: string | null };

/** Rebuilds a KZT equivalent from its columns (the rate text is re-read exactly, never as a float). */
export function kztFromColumns(row: KztRow): KztEquivalent {
  const rate = rowRate(row);
  if (row.rate_status === 'missing' || row.kzt_minor === null) {
    const note =
      row.currency === null
        ? 'property received in kind has no valuation yet'
        : `no official ${row.currency} rate on or before the date`;
    return { status: 'missing', kzt: null, rate: null, note };
  }
  if (row.rate_status === 'carried-forward' && rate) {
    return {
      status: 'carried-forward',
      kzt: row.kzt_minor,
      rate,
      note: `no rate was published on the day; the rate in force is the one of ${rate.date} (${rate.text} KZT per ${String(rate.units)})`,
    };
  }
  return { status: 'official', kzt: row.kzt_minor, rate, note: null };
}

function rowRate(row: KztRow): OfficialRate | null {
  if (row.rate_text === null || row.rate_date === null || row.currency === null) return null;
  const scaled = parseScaledRate(row.rate_text);
  if (!scaled.ok) throw new Error(`stored rate "${row.rate_text}" is unreadable`);
  return {
    date: row.rate_date as CalendarDate,
    currency: row.currency as CurrencyCode,
    text: row.rate_text,
    rate: scaled.value,
    units: Number(row.rate_units ?? 1n),
    source: row.rate_source ?? '',
  };
}

/** Reads a JSON array of strings stored in a text column. */
export function stringArray(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export const idOf = asId;
