import { formatMinor } from '../money.ts';
import type { CurrencyCode } from '../currency.ts';

/** Minor units as a decimal string without a zero fraction: 116680000n KZT → "1166800", 5050n → "50.50". */
export function plainDecimal(minor: bigint, currency: CurrencyCode | string): string {
  const text = formatMinor(minor, currency as CurrencyCode);
  return text.includes('.') ? text.replace(/\.0+$/, '') : text;
}
