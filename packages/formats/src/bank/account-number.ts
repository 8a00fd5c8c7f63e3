import { quoteValue } from '@civic/core';

/** What is wrong with an account number: refused (`error`) or worth a person's look (`warning`). */
export type AccountProblem =
  | { readonly severity: 'error'; readonly message: string }
  | { readonly severity: 'warning'; readonly message: string }
  | null;

function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  );
}

/**
 * The countries of the IBAN registry (ISO 13616, SWIFT): only their numbers are IBANs. A US or
 * Chinese account written with a country prefix is not, and its digits are not checked as one.
 */
const IBAN_COUNTRIES = new Set(
  (
    'AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR ' +
    'GT HN HR HU IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL ' +
    'PS PT QA RO RS RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE'
  ).split(' '),
);

/** IBAN-shaped: two letters, two check digits, 11–30 letters or digits (Latin or, wrongly, Cyrillic). */
const IBAN_SHAPE = /^[A-Za-z\u0400-\u04FF]{2}\d{2}[0-9A-Za-z\u0400-\u04FF]{11,30}$/u;
const CYRILLIC = /[\u0400-\u04FF]/u;

/** ISO 13616 check: move the first four characters to the end, letters to 10–35, mod 97 must be 1. */
export function hasValidIbanCheckDigits(iban: string): boolean {
  const s = iban.toUpperCase();
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const c = ch.charCodeAt(0);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (value < 0) return false;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

/**
 * The IBAN for a country code and an account (BBAN) with its ISO 13616 check digits computed, e.g.
 * `withIbanCheckDigits('KZ', '6010131000012345')` → `KZ716010131000012345`. For generated and demo
 * statements, whose made-up numbers must still be valid IBANs.
 */
export function withIbanCheckDigits(country: string, bban: string): string {
  let rest = 0;
  for (const ch of `${bban}${country}00`.toUpperCase()) {
    const value = Number.parseInt(ch, 36);
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return `${country.toUpperCase()}${String(98 - rest).padStart(2, '0')}${bban}`;
}

/**
 * Checks an account number as a statement prints it. Refused: an invisible or control character
 * anywhere (it makes two different accounts look the same), and a Cyrillic letter where an IBAN
 * has a Latin one (`КZ…` with a Cyrillic К). Where the number is an IBAN (Kazakh IIK and foreign),
 * its check digits are verified and a mismatch is refused too: a mistyped IBAN names another
 * account, or none (see docs/formats.md). Numbers that are not IBAN-shaped (a Russian 20-digit
 * account, a local number) are not checked as IBANs.
 */
export function checkAccountNumber(text: string): AccountProblem {
  for (let i = 0; i < text.length; i++) {
    if (isInvisible(text.charCodeAt(i)))
      return {
        severity: 'error',
        message: `the account number "${quoteValue(text)}" holds an invisible or control character (position ${String(i + 1)})`,
      };
  }
  const compact = text.replace(/ /g, '');
  if (!IBAN_SHAPE.test(compact)) return null;
  if (CYRILLIC.test(compact))
    return {
      severity: 'error',
      message: `the account number "${quoteValue(text)}" has a Cyrillic letter where an IBAN has a Latin one`,
    };
  if (IBAN_COUNTRIES.has(compact.slice(0, 2).toUpperCase()) && !hasValidIbanCheckDigits(compact))
    return {
      severity: 'error',
      message: `the IBAN "${quoteValue(text)}" has wrong check digits (ISO 13616 mod 97): check it against the bank's statement`,
    };
  return null;
}
