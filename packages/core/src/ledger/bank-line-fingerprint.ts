import type { StatementLine } from '../bank-statement.ts';
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
  // An open-addressing table of first occurrences (index + 1 into `firsts`), keyed by the hash
  // text and grown as it fills: a Map of a million strings costs more than hashing them.
  let mask = (1 << 12) - 1;
  let slots = new Int32Array(mask + 1);
  const firsts: string[] = [];
  const repeats: number[] = [];
  const grow = (): void => {
    const size = (mask + 1) * 2;
    const next = new Int32Array(size);
    for (const [k, f] of firsts.entries()) {
      let at = slotOf(f) & (size - 1);
      while ((next[at] ?? 0) !== 0) at = (at + 1) & (size - 1);
      next[at] = k + 1;
    }
    slots = next;
    mask = size - 1;
  };
  return (line) => {
    const first = hash(bankLineIdentity(line));
    let at = slotOf(first) & mask;
    for (let probe = slots[at] ?? 0; probe !== 0; probe = slots[at] ?? 0) {
      if (firsts[probe - 1] === first) {
        const count = (repeats[probe - 1] ?? 0) + 1;
        repeats[probe - 1] = count;
        return hash(`${first}${SEP}${String(count)}`);
      }
      at = (at + 1) & mask;
    }
    firsts.push(first);
    repeats.push(0);
    slots[at] = firsts.length;
    if (firsts.length * 2 > mask) grow();
    return first;
  };
}

/** FNV-1a over the first characters of a hash text: a table slot. */
function slotOf(text: string): number {
  let h = 0x811c9dc5;
  const end = Math.min(text.length, 12);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
