import type { CalendarDate, CurrencyCode, StatementLine } from '@civic/core';
import type { Mt940Balance, Mt940Tag } from './mt940-fields.ts';
import { PageDigest } from './statement-pages.ts';

/**
 * The page being read (`:60x:` … `:62x:`): its lines are handed on as they are read, and only what
 * its checks need is kept — sums per account, the content digest, the first currency, the first
 * and last booking days. A page that names one already read (same reference, number, page and
 * account) holds its lines until it closes, as it may be a repeat.
 */
export interface Page {
  count: number;
  readonly sums: Map<string, { totalIn: bigint; totalOut: bigint }>;
  digest: PageDigest;
  /** Undecided until the page's first line or close; an array when its lines are held back. */
  held: StatementLine[] | null | undefined;
  firstCurrency: CurrencyCode | null;
  firstDay: CalendarDate | null;
  lastDay: CalendarDate | null;
}

export function newPage(): Page {
  return {
    count: 0,
    sums: new Map(),
    digest: new PageDigest(),
    held: undefined,
    firstCurrency: null,
    firstDay: null,
    lastDay: null,
  };
}

/** One statement (`:20:` … `-`); its pages are the `:60x:` … `:62x:` runs inside it. */
export interface Open {
  line: number;
  reference: string;
  sequence: string;
  account: string | null;
  /** MT942: the currency of `:34F:`, `:13D:` seen, the `:90C:`/`:90D:` totals. */
  interim: { currency: CurrencyCode | null; at: CalendarDate | null; totals: Mt940Tag[] } | null;
  page: number;
  opening: Mt940Balance | null;
  current: Page;
  /** The last `:61:` line, waiting for its `:86:` before it is handed on. */
  pending: StatementLine | null;
}

export const emptyParty = {
  name: null,
  taxId: null,
  account: null,
  bankCode: null,
  sectorCode: null,
  country: null,
} as const;

export function newStatement(t: Mt940Tag): Open {
  return {
    line: t.line,
    reference: t.value.trim(),
    sequence: '',
    account: null,
    interim: null,
    page: 1,
    opening: null,
    current: newPage(),
    pending: null,
  };
}

/** `:13D:` YYMMDDhhmm±hhmm: the report's day (as written, in the bank's zone). */
export function readInterimDay(value: string): CalendarDate | null {
  const m = /^(\d{2})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return null;
  const yy = Number(m[1]);
  const iso = `${String(yy < 80 ? 2000 + yy : 1900 + yy)}-${m[2] ?? ''}-${m[3] ?? ''}`;
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(iso) ? (iso as CalendarDate) : null;
}

/** A statement as messages name it: `REFERENCE NUMBER`, with `(2)`, `(3)` for later pages of one message. */
export function statementLabel(s: Open): string {
  return [s.reference, s.sequence, s.page > 1 ? `(${String(s.page)})` : ''].filter((p) => p !== '').join(' ');
}
