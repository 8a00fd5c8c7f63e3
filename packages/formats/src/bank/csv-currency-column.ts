import { readCurrency } from './currency-code.ts';

/** Header words that say a column is about currency (lower case, matched inside the name). */
const CURRENCY_WORDS = ['валют', 'currency', 'ccy', 'curr.'];

/** A letter code (`USD`) that ISO 4217 knows: numbers are not taken, as payment codes look alike. */
function isCurrencyCode(value: string): boolean {
  const v = value.trim();
  return /^[A-Za-z]{3}$/.test(v) && readCurrency(v) !== null;
}

/**
 * The unmapped columns that hold currencies: their header speaks of currency (`Валюта платежа`),
 * or every non-empty sample value is an ISO 4217 letter code. A statement whose currency sits in
 * such a column must map it: reading its amounts as some other currency is the silent error
 * (a USD receipt stored as KZT) this guards against.
 */
export function findCurrencyColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapped: ReadonlySet<number>,
): { readonly at: number; readonly name: string; readonly values: readonly string[] }[] {
  const found: { at: number; name: string; values: string[] }[] = [];
  header.forEach((raw, at) => {
    if (mapped.has(at)) return;
    const name = raw.trim();
    const values = rows.map((r) => (r[at] ?? '').trim()).filter((v) => v !== '');
    const named = CURRENCY_WORDS.some((w) => name.toLowerCase().includes(w));
    const coded = values.length > 0 && values.every(isCurrencyCode);
    if (named || coded) found.push({ at, name: name || `column ${at + 1}`, values });
  });
  return found;
}

export { isCurrencyCode };
