import { domainError, type DomainError } from '../result.ts';

/**
 * Kazakhstan's BIN (business identification number) and IIN (individual identification number):
 * twelve digits, the last a control digit. The algorithm (Government Decree No. 565 of 11 June 2003
 * and its rules on national identification numbers; OECD's "Kazakhstan – TIN" sheet): multiply the
 * first eleven digits by the weights 1…11 and take the sum mod 11; when that is 10, use the weights
 * 3,4,…,11,1,2 instead; when it is 10 again, no number is issued with those eleven digits.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** What is wrong with a BIN/IIN: not twelve digits (`shape`) or a wrong control digit (`check-digit`). */
export type BinIinProblem = 'shape' | 'check-digit';

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (const [i, w] of weights.entries()) sum += w * (digits.charCodeAt(i) - 48);
  return sum % 11;
}

/**
 * The control digit for the first eleven digits of a BIN/IIN, or null when no number can be made
 * from them (both weightings give 10). `computeBinIinCheckDigit('98034000044')` → 9.
 */
export function computeBinIinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const first = weightedMod11(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Checks a BIN/IIN as written (digits only, no spaces): null when it is valid. Never throws. */
export function checkBinIin(value: string): BinIinProblem | null {
  if (!/^\d{12}$/.test(value)) return 'shape';
  const expected = computeBinIinCheckDigit(value.slice(0, 11));
  return expected !== null && expected === value.charCodeAt(11) - 48 ? null : 'check-digit';
}

/** True for a twelve-digit BIN/IIN whose control digit is right. */
export function isValidBinIin(value: string): boolean {
  return checkBinIin(value) === null;
}

/**
 * The first eleven digits with their control digit appended, e.g. for made-up demo numbers that must
 * still pass the check; null when those eleven digits can take none.
 */
export function withBinIinCheckDigit(first11: string): string | null {
  const d = computeBinIinCheckDigit(first11);
  return d === null ? null : `${first11}${String(d)}`;
}

/**
 * The error for a twelve-digit BIN/IIN whose control digit is wrong, naming the field at fault
 * (`bin` of an organisation, `taxId` of a source, `ownerBin` of a statement); null when the number
 * is valid or not twelve digits (each caller has its own shape error).
 */
export function binCheckDigitError(value: string, field: string): DomainError | null {
  if (checkBinIin(value) !== 'check-digit') return null;
  return domainError(
    'BIN_CHECK_DIGIT_INVALID',
    `${field}: the BIN/IIN "${value}" has a wrong control digit (weights 1–11 mod 11): check the number`,
    { field, details: { value } },
  );
}
