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
  const n = lines.length;
  const out = new Array<string>(n);
  // An open-addressing table of first occurrences (line index + 1), keyed by the hash text: a
  // Map of a million strings costs more than hashing them.
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const repeats = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (!line) throw new Error(`fingerprintLines: line ${String(i)} missing`);
    const first = hash(bankLineIdentity(line));
    let at = slotOf(first) & mask;
    let seen = -1;
    for (let probe = slots[at] ?? 0; probe !== 0; probe = slots[at] ?? 0) {
      if (out[probe - 1] === first) {
        seen = probe - 1;
        break;
      }
      at = (at + 1) & mask;
    }
    if (seen < 0) {
      slots[at] = i + 1;
      out[i] = first;
    } else {
      const count = (repeats[seen] ?? 0) + 1;
      repeats[seen] = count;
      out[i] = hash(`${first}${SEP}${String(count)}`);
    }
  }
  return out;
}

/** FNV-1a over the first characters of a hash text: a table slot. */
function slotOf(text: string): number {
  let h = 0x811c9dc5;
  const end = Math.min(text.length, 12);
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
