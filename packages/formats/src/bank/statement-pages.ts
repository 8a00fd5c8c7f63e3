import { createHash, type Hash } from 'node:crypto';
import type { StatementAccount, StatementLine } from '@civic/core';
import { abort } from './import-error.ts';

/** What makes two lines the same payment, whatever line of the file they sit on. */
function lineSignature(l: StatementLine): string {
  const c = l.counterparty;
  return [
    l.account,
    l.direction,
    l.amount,
    l.currency,
    l.bookedOn,
    l.documentDate,
    l.documentNumber,
    l.bankReference,
    l.purpose,
    l.purposeCode,
    c.name,
    c.taxId,
    c.account,
    c.bankCode,
  ].join('\u0000');
}

function pageSignature(period: StatementAccount, lines: readonly StatementLine[]): string {
  return [period.opening, period.closing, period.totalIn, period.totalOut, ...lines.map(lineSignature)].join(
    '\u0001',
  );
}

/**
 * The statements (pages) already read in one file, by their identity (reference, sequence number,
 * account, period). A bank that sends the same page twice in one file must not have its payments
 * imported twice: `check` returns the line of the first copy when a page repeats one already read
 * with the same content, null for a new page, and aborts (IMPORT_STATEMENT_CONFLICT) when a page
 * with the same identity says something else — which copy is right is for a person to decide.
 */
export class StatementPages {
  private readonly seen = new Map<string, { line: number; signature: string }>();

  constructor(private readonly file: string) {}

  check(
    identity: readonly (string | null)[],
    period: StatementAccount,
    lines: readonly StatementLine[],
    where: { readonly line: number; readonly field: string },
  ): number | null {
    // Kept as a digest: a file of many pages must not hold every page's text.
    const signature = createHash('sha256').update(pageSignature(period, lines)).digest('hex');
    return this.checkSignature(identity, signature, where);
  }

  /** `check` with the page's content as a signature (a streamed page's `PageDigest`). */
  checkSignature(
    identity: readonly (string | null)[],
    signature: string,
    where: { readonly line: number; readonly field: string },
  ): number | null {
    const key = identity.map((p) => p ?? '').join('\u0000');
    const before = this.seen.get(key);
    if (before === undefined) {
      this.seen.set(key, { line: where.line, signature });
      return null;
    }
    if (before.signature === signature) return before.line;
    return abort(
      'IMPORT_STATEMENT_CONFLICT',
      `this statement has the same reference, number, account and period as the one at line ${String(before.line)}, but other payments or balances: import the right copy alone`,
      this.file,
      where.line,
      where.field,
    );
  }
}

/** A page's content digested as its lines pass (a streamed statement is not held to compare it). */
export class PageDigest {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;

  line(l: StatementLine): void {
    this.hash.update(lineSignature(l));
    this.hash.update('\u0001');
    this.count += 1;
  }

  signature(period: StatementAccount): string {
    return `${[period.opening, period.closing, period.totalIn, period.totalOut].join('\u0001')}|${String(this.count)}|${this.hash.digest('hex')}`;
  }
}
