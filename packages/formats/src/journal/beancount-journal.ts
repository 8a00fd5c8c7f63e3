import { formatMinor, type CalendarDate } from '@civic/core';
import type { JournalTransaction } from './ledger-journal.ts';

/**
 * Beancount (2.x) renderings of the same transactions the ledger/hledger journal holds. Beancount
 * is stricter than ledger: account parts start with a capital letter or digit (any non-ASCII letter
 * is accepted as is), hold only letters, digits and "-", every account is opened before use, and
 * texts are double-quoted strings.
 */

const partCache = new Map<string, string>();

/** One account-name part in beancount's grammar. */
export function beancountAccountPart(text: string): string {
  const known = partCache.get(text);
  if (known !== undefined) return known;
  let part = text
    // Every ASCII character but letters, digits and "-" (non-ASCII letters are valid as they are).
    .replace(/[^\u0080-\uffffA-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (part === '') part = 'Unnamed';
  else if (/^[a-z]/.test(part)) part = `${part.charAt(0).toUpperCase()}${part.slice(1)}`;
  if (partCache.size > 10_000) partCache.clear();
  partCache.set(text, part);
  return part;
}

/** A full account name: the root (Assets, Income, …) as given, every other part cleaned. */
export function beancountAccount(parts: readonly string[]): string {
  return parts.map((p, i) => (i === 0 ? p : beancountAccountPart(p))).join(':');
}

/** A double-quoted beancount string on one line. */
export function beancountString(text: string): string {
  const line = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `"${line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function metadataKey(text: string): string {
  const key = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '');
  return key === '' ? 'note' : key;
}

/**
 * A transaction: `DATE * "payee" "narration"`, metadata lines, postings. The caller keeps the
 * accounts it used (`accounts` receives each) so that it can open them (see `renderBeancountOpen`).
 */
export function renderBeancountTransaction(
  t: JournalTransaction,
  accounts?: (account: string) => void,
): string {
  const sums = new Map<string, bigint>();
  for (const p of t.postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  for (const [c, s] of sums)
    if (s !== 0n)
      throw new Error(`journal transaction on ${t.date} does not balance in ${c}: ${s.toString()}`);
  const lines = [`${t.date} * ${beancountString(t.payee || 'Unnamed')} ${beancountString(t.note ?? '')}`];
  for (const [k, v] of t.tags ?? []) lines.push(`  ${metadataKey(k)}: ${beancountString(v)}`);
  for (const c of t.comments ?? []) lines.push(`  ; ${c.replace(/[\r\n]+/g, ' ')}`);
  for (const p of t.postings) {
    const account = beancountAccount(p.account);
    accounts?.(account);
    lines.push(`  ${account}  ${formatMinor(p.amount, p.currency)} ${p.currency}`);
    for (const [k, v] of p.tags ?? []) lines.push(`    ${metadataKey(k)}: ${beancountString(v)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** `open` directives for every account used, dated on the first day of the books. */
export function renderBeancountOpen(accounts: Iterable<string>, on: CalendarDate): string {
  return `${[...accounts]
    .sort()
    .map((a) => `${on} open ${a}`)
    .join('\n')}\n`;
}

/** A comment-only block. */
export function renderBeancountComment(lines: readonly string[]): string {
  return `${lines.map((l) => `; ${l.replace(/[\r\n]+/g, ' ')}`).join('\n')}\n\n`;
}
