import type { StatementLine } from '../bank-statement.ts';
import { normaliseAccount } from './source.ts';

const SEP = '\u001f';

/** normaliseAccount, skipped when the number is already compact (the usual case). */
function compactAccount(account: string): string {
  return /[\s\-a-z]/.test(account) ? normaliseAccount(account) : account;
}

// Most texts need no cleaning; testing first avoids a copy of every purpose on large imports.
const UNCLEAN = /\s\s|[^\S ]|^ | $/;

function clean(text: string | null | undefined): string {
  if (!text) return '';
  return UNCLEAN.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * The identity of a bank line: the fields that say which movement it is (our account, booking
 * date, direction, amount, currency, document number, counterparty account and tax id, purpose,
 * bank reference), normalised so that the same line read from 1C, CSV or a re-export compares
 * equal. Names and raw fields are left out: banks spell them differently between exports.
 */
export function bankLineIdentity(line: StatementLine): string {
  return [
    compactAccount(line.account),
    line.bookedOn,
    line.direction,
    line.amount.toString(),
    line.currency,
    clean(line.documentNumber),
    compactAccount(line.counterparty.account ?? ''),
    clean(line.counterparty.taxId),
    clean(line.purpose),
    clean(line.bankReference),
  ].join(SEP);
}

/**
 * Stable fingerprints for the lines of ONE file, in order. Two identical lines in one file are two
 * real movements (say, two equal fees on a day), so each gets an occurrence number within the file:
 * re-importing the file, or an overlapping one holding the same lines, yields the same
 * fingerprints and adds nothing. `hash` turns the text into the stored fingerprint (app passes a
 * SHA-256; core does no hashing itself).
 */
export function fingerprintLines(lines: readonly StatementLine[], hash: (text: string) => string): string[] {
  // Counted by the identity's hash (short keys); only a repeated line is hashed a second time.
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const first = hash(bankLineIdentity(line));
    const n = seen.get(first) ?? 0;
    seen.set(first, n + 1);
    return n === 0 ? first : hash(`${first}${SEP}${String(n)}`);
  });
}
