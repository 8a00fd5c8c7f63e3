import { formatMinor, type CalendarDate, type CurrencyCode } from '@civic/core';
import { guardCsvCell } from '../csv-cell.ts';

/** One posting: an account and a signed amount in a currency. */
export interface JournalPosting {
  /** Account name parts, joined with ":" (each part is cleaned for ledger and hledger). */
  readonly account: readonly string[];
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  /**
   * `key: value` metadata of this posting alone (e.g. the grant's budget line an expense is spent
   * under): a `; key: value` line under the posting in ledger/hledger, posting metadata in beancount.
   */
  readonly tags?: readonly (readonly [string, string])[];
}

/** One journal transaction; the postings of each currency must sum to zero. */
export interface JournalTransaction {
  readonly date: CalendarDate;
  readonly payee: string;
  /** Shown after "|" (hledger's note; ledger keeps it in the payee). */
  readonly note?: string | null;
  /** `; key: value` metadata lines (ledger tags, hledger tags). */
  readonly tags?: readonly (readonly [string, string])[];
  /** Plain comment lines inside the transaction. */
  readonly comments?: readonly string[];
  readonly postings: readonly JournalPosting[];
}

/**
 * One account-name part: no ":" (the separator), no two spaces or tab (they end the name), no
 * brackets or parentheses (virtual postings), no ";" or "@" or "=" (comments, prices, assertions).
 */
export function journalAccountPart(text: string): string {
  const known = partCache.get(text);
  if (known !== undefined) return known;
  const part = cleanAccountPart(text);
  // Names repeat on every entry of a large journal (grants, sources): clean each once.
  if (partCache.size > 10_000) partCache.clear();
  partCache.set(text, part);
  return part;
}

const partCache = new Map<string, string>();

function cleanAccountPart(text: string): string {
  const cleaned = text
    .replace(/[:;@=()[\]{}*!|#\t\r\n]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'unnamed' : cleaned;
}

/** Payee and note text: one line, no ";" (comment) and no "|" outside the payee/note split. */
export function journalText(text: string): string {
  return text
    .replace(/[;|\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const tagKey = (key: string): string => journalAccountPart(key).replace(/\s/g, '-');

function tagValue(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Renders a transaction in the journal syntax that ledger-cli (3.x) and hledger both read:
 * `YYYY-MM-DD * payee | note`, indented postings with two spaces before the amount, amounts as
 * exact decimals followed by the commodity code.
 */
export function renderJournalTransaction(t: JournalTransaction): string {
  const sums = new Map<string, bigint>();
  for (const p of t.postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  for (const [c, s] of sums)
    if (s !== 0n)
      throw new Error(`journal transaction on ${t.date} does not balance in ${c}: ${s.toString()}`);
  const payee = journalText(t.payee) || 'unnamed';
  const note = t.note ? journalText(t.note) : '';
  const lines = [`${t.date} * ${payee}${note ? ` | ${note}` : ''}`];
  for (const [k, v] of t.tags ?? []) lines.push(`    ; ${tagKey(k)}: ${tagValue(v)}`);
  for (const c of t.comments ?? []) lines.push(`    ; ${tagValue(c)}`);
  for (const p of t.postings) {
    const account = p.account.map(journalAccountPart).join(':');
    lines.push(`    ${account}  ${formatMinor(p.amount, p.currency)} ${p.currency}`);
    for (const [k, v] of p.tags ?? []) lines.push(`      ; ${tagKey(k)}: ${tagValue(v)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** A comment-only block (e.g. property received in kind without a valuation: nothing to post). */
export function renderJournalComment(lines: readonly string[]): string {
  return `${lines.map((l) => `; ${tagValue(l)}`).join('\n')}\n\n`;
}

/**
 * One RFC 4180 CSV record (CRLF-terminated): each field guarded against formula injection
 * (`guardCsvCell`: `=…`, `+…`, `-…`, `@…` get a leading `'`; plain numbers such as `-1500.00` do
 * not), then quoted when it needs it.
 */
export function renderCsvRecord(fields: readonly (string | null)[]): string {
  return `${fields.map((f) => (f === null ? '' : quoteCsv(guardCsvCell(f)))).join(',')}\r\n`;
}

function quoteCsv(f: string): string {
  return /[",\r\n]/.test(f) || /^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}
