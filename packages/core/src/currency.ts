import { domainError, err, ok, type Result } from './result.ts';

/** An ISO 4217 alphabetic code known to CivicLedger. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

/**
 * ISO 4217 minor units (digits after the decimal point) for the currencies CivicLedger reads.
 * Source: ISO 4217 list one (SIX Financial Information). Add a row to support another currency.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  KZT: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  RUB: 2,
  CNY: 2,
  JPY: 0,
  KRW: 0,
  INR: 2,
  GEL: 2,
  KGS: 2,
  UZS: 2,
  TJS: 2,
  TMT: 2,
  AZN: 2,
  AMD: 2,
  BYN: 2,
  UAH: 2,
  TRY: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  BGN: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  ILS: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  HKD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  IDR: 2,
  MNT: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  EGP: 2,
  PKR: 2,
  BDT: 2,
  LKR: 2,
  NPR: 2,
  AFN: 2,
  IRR: 2,
  ISK: 0,
  VND: 0,
  CLP: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
  // In the National Bank of Kazakhstan's daily list. XDR (IMF special drawing right) has no ISO minor
  // unit; 2 is used so that rates for it can be stored.
  MDL: 2,
  ARS: 2,
  RSD: 2,
  XDR: 2,
};

/**
 * Withdrawn ISO 4217 codes (ISO 4217 list three, "historic denominations") that old statements and
 * some banks' MT940 still carry. Read with a warning by the bank importers, never offered for new
 * records. Minor units as they were when the code was current.
 */
const HISTORIC_MINOR_UNITS: Readonly<Record<string, number>> = {
  DEM: 2,
  FRF: 2,
  ITL: 0,
  ESP: 0,
  NLG: 2,
  BEF: 0,
  LUF: 0,
  ATS: 2,
  FIM: 2,
  IEP: 2,
  PTE: 0,
  GRD: 0,
  XEU: 2,
  SIT: 2,
  SKK: 2,
  EEK: 2,
  LVL: 2,
  LTL: 2,
  CYP: 2,
  MTL: 2,
  RUR: 2,
  SUR: 2,
  BYR: 0,
  TRL: 0,
  CSK: 2,
  DDM: 2,
  YUM: 2,
  AZM: 2,
  TMM: 2,
};

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(MINOR_UNITS, code);
}

/** A withdrawn ISO 4217 code (DEM, FRF, RUR, …): null for a current or never-existing code. */
export function parseHistoricCurrency(code: string): CurrencyCode | null {
  const c = code.trim().toUpperCase();
  return Object.hasOwn(HISTORIC_MINOR_UNITS, c) ? (c as CurrencyCode) : null;
}

// Codes already read, as given: a filing's lint reads the same one or two codes for every line of
// tens of thousands. Only good codes are kept (the result does not depend on the field then).
const PARSED = new Map<string, Result<CurrencyCode>>();

export function parseCurrency(code: string, field = 'currency'): Result<CurrencyCode> {
  const known = PARSED.get(code);
  if (known !== undefined) return known;
  const parsed = parseCurrencyNow(code, field);
  if (parsed.ok && PARSED.size < 1000) PARSED.set(code, parsed);
  return parsed;
}

function parseCurrencyNow(code: string, field: string): Result<CurrencyCode> {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c))
    return err(
      domainError('CURRENCY_INVALID', `${field}: "${code}" is not a three-letter ISO 4217 code`, { field }),
    );
  if (!isKnownCurrency(c))
    return err(domainError('CURRENCY_UNKNOWN', `${field}: unknown currency "${c}"`, { field }));
  return ok(c as CurrencyCode);
}

export function currency(code: string): CurrencyCode {
  const r = parseCurrency(code);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Digits after the decimal point for a known currency. */
export function minorUnits(code: CurrencyCode): number {
  const units = MINOR_UNITS[code] ?? HISTORIC_MINOR_UNITS[code];
  if (units === undefined) throw new Error(`minorUnits: unknown currency ${code}`);
  return units;
}

export const KZT = 'KZT' as CurrencyCode;
