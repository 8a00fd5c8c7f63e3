import type { StatementLine } from '../bank-statement.ts';
import { OccurrenceTable } from './occurrence-table.ts';
import { normaliseAccount } from './source.ts';

const SEP = '\u001f';

let lastAccount = '';
let lastCompact = '';

/** normaliseAccount, skipped when the number is already compact (the usual case) or was just seen. */
function compactAccount(account: string): string {
  if (account === lastAccount) return lastCompact;
  const compact = /[\s\-a-z]/.test(account) ? normaliseAccount(account) : account;
  lastAccount = account;
  lastCompact = compact;
  return compact;
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
  const cp = line.counterparty;
  return (
    `${compactAccount(line.account)}${SEP}${line.bookedOn}${SEP}${line.direction}${SEP}${line.amount}${SEP}${line.currency}${SEP}` +
    `${clean(line.documentNumber)}${SEP}${compactAccount(cp.account ?? '')}${SEP}${clean(cp.taxId)}${SEP}${clean(line.purpose)}${SEP}${clean(line.bankReference)}`
  );
}

/**
 * Stable fingerprints for the lines of ONE file, in order. Two identical lines in one file are two
 * real movements (say, two equal fees on a day), so each gets an occurrence number within the file:
 * re-importing the file, or an overlapping one holding the same lines, yields the same
 * fingerprints and adds nothing. `hash` turns the text into the stored fingerprint (app passes a
 * SHA-256; core does no hashing itself). The first occurrence is `hash(identity)`, the n-th
 * repeat `hash(first + SEP + n)`.
 */
export function fingerprintLines(lines: readonly StatementLine[], hash: (text: string) => string): string[] {
  return lines.map(createFingerprinter(hash));
}

/**
 * The same fingerprints one line at a time, for a file read as a stream: call the returned
 * function on each line of the file in order (a new fingerprinter per file).
 */
export function createFingerprinter(hash: (text: string) => string): (line: StatementLine) => string {
  const met = new OccurrenceTable();
  return (line) => {
    const first = hash(bankLineIdentity(line));
    const repeat = met.seen(first);
    return repeat === 0 ? first : hash(`${first}${SEP}${String(repeat)}`);
  };
}
