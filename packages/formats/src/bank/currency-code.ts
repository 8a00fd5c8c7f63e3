import { parseCurrency, parseHistoricCurrency, type CurrencyCode } from '@civic/core';

/** ISO 4217 numeric codes banks write instead of letters (398 = KZT); 810 is the pre-1998 rouble code still used in Russian account numbers. */
const NUMERIC: Readonly<Record<string, string>> = {
  '398': 'KZT',
  '840': 'USD',
  '978': 'EUR',
  '826': 'GBP',
  '756': 'CHF',
  '643': 'RUB',
  '810': 'RUB',
  '156': 'CNY',
  '392': 'JPY',
  '410': 'KRW',
  '356': 'INR',
  '981': 'GEL',
  '417': 'KGS',
  '860': 'UZS',
  '972': 'TJS',
  '934': 'TMT',
  '944': 'AZN',
  '051': 'AMD',
  '933': 'BYN',
  '980': 'UAH',
  '949': 'TRY',
  '752': 'SEK',
  '578': 'NOK',
  '208': 'DKK',
  '985': 'PLN',
  '203': 'CZK',
  '348': 'HUF',
  '946': 'RON',
  '975': 'BGN',
  '124': 'CAD',
  '036': 'AUD',
  '554': 'NZD',
  '376': 'ILS',
  '784': 'AED',
  '682': 'SAR',
  '634': 'QAR',
  '344': 'HKD',
  '702': 'SGD',
  '458': 'MYR',
  '764': 'THB',
  '360': 'IDR',
  '496': 'MNT',
  '986': 'BRL',
  '484': 'MXN',
  '710': 'ZAR',
  '818': 'EGP',
  '586': 'PKR',
  '050': 'BDT',
  '144': 'LKR',
  '498': 'MDL',
  '032': 'ARS',
  '941': 'RSD',
  '960': 'XDR',
};

/** Common local spellings (`тенге`, `KZT`, `₸`). */
const WORDS: Readonly<Record<string, string>> = {
  ТЕНГЕ: 'KZT',
  ТГ: 'KZT',
  '₸': 'KZT',
  РУБ: 'RUB',
  RUR: 'RUB',
  ДОЛЛАР: 'USD',
  ЕВРО: 'EUR',
};

/** Reads a currency written as letters, an ISO numeric code or a local word; null when unknown. */
export function readCurrency(text: string): CurrencyCode | null {
  const t = text.trim().toUpperCase();
  const mapped = NUMERIC[t.padStart(3, '0')] ?? WORDS[t] ?? t;
  const r = parseCurrency(mapped);
  return r.ok ? r.value : null;
}

/** The pre-1998 rouble codes banks still write for today's rouble (RUR in MT940 balances). */
const HISTORIC_READ_AS: Readonly<Record<string, string>> = { RUR: 'RUB', SUR: 'RUB' };

/**
 * A SWIFT/ISO currency code, current or withdrawn: a withdrawn one (DEM, FRF, RUR, …) is read with
 * `historic` set to the code as written, so that the parser can warn; a code that never existed is
 * null.
 */
export function readIsoCurrency(text: string): { currency: CurrencyCode; historic: string | null } | null {
  const t = text.trim().toUpperCase();
  const old = parseHistoricCurrency(t);
  if (old !== null) {
    const now = HISTORIC_READ_AS[t];
    const current = now === undefined ? null : readCurrency(now);
    return { currency: current ?? old, historic: t };
  }
  const r = parseCurrency(t);
  return r.ok ? { currency: r.value, historic: null } : null;
}
