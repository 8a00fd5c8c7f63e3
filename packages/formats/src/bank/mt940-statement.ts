import { type StatementAccount, type StatementLine, type StatementWarning } from '@civic/core';
import {
  checkBalanceIdentity,
  checkTotals,
  mergeAccountPeriods,
  refusesMismatches,
} from './balance-check.ts';
import { abort } from './import-error.ts';
import {
  readBalance,
  readEntry,
  readInfo,
  swiftAmount,
  swiftCurrency,
  type Mt940Balance,
  type Mt940Tag,
} from './mt940-fields.ts';
import {
  emptyParty,
  newPage,
  newStatement,
  readInterimDay,
  statementLabel,
  type Open,
} from './mt940-open.ts';
import type { Mt940Token } from './mt940-tags.ts';
import { StatementPages } from './statement-pages.ts';
import { KnownPeriods, ownString } from './statement-stream.ts';

const KNOWN_TAGS = new Set(['21', '64', '65', '13', 'NS']);
const NAMES = { closing: '62F', totalIn: '90C', totalOut: '90D' } as const;

/** The statement without its lines (those went to `onLine` as they were read). */
export interface Mt940Summary {
  readonly accounts: StatementAccount[];
  readonly warnings: StatementWarning[];
  readonly duplicateLines: number;
}

/**
 * The MT940/MT942 statement machine, fed tag by tag: each line goes to `onLine` once its `:86:`
 * is read, and each statement, and each `:60M:`…`:62M:` page of it, is balanced on its own as it
 * closes (a refusal then aborts the import that wrote its lines). A page that names one already
 * read holds its lines until it closes: a repeat is counted, never handed on. Memory holds one
 * line, not the page. Aborts (ImportAbort) on bad input, naming file, line and tag.
 */
export function mt940Machine(
  file: string,
  onLine: (line: StatementLine) => void,
): {
  token: (t: Mt940Token) => void;
  finish: () => Mt940Summary;
  covers: (account: string, currency: string, day: string) => boolean;
} {
  const periods: StatementAccount[] = [];
  const warnings: StatementWarning[] = [];
  const warn = (w: StatementWarning): void => void warnings.push(w);
  const pages = new StatementPages(file);
  const named = new Set<string>();
  const known = new KnownPeriods();
  let duplicateLines = 0;
  let open: Open | null = null;

  const label = statementLabel;

  /** Once per page, at its first line or its close: hold its lines if its name was read before. */
  const decide = (s: Open): void => {
    if (s.current.held !== undefined) return;
    const name = [s.reference, s.sequence, String(s.page), s.account ?? ''].join('\u0000');
    s.current.held = named.has(name) ? [] : null;
    named.add(name);
  };

  /** The pending line is final (its `:86:` read, or none comes): counted, digested, handed on. */
  const settle = (s: Open): void => {
    const l = s.pending;
    if (l === null) return;
    s.pending = null;
    const p = s.current;
    decide(s);
    p.count += 1;
    p.firstCurrency ??= l.currency;
    if (p.firstDay === null || l.bookedOn < p.firstDay) p.firstDay = l.bookedOn;
    if (p.lastDay === null || l.bookedOn > p.lastDay) p.lastDay = l.bookedOn;
    let sum = p.sums.get(l.account);
    if (sum === undefined) p.sums.set(l.account, (sum = { totalIn: 0n, totalOut: 0n }));
    if (l.direction === 'in') sum.totalIn += l.amount;
    else sum.totalOut += l.amount;
    p.digest.line(l);
    if (p.held) p.held.push(l);
    else onLine(l);
  };

  /** What the page's lines of the statement's account add up to. */
  const sumsOf = (s: Open, account: string): { totalIn: bigint; totalOut: bigint } =>
    s.current.sums.get(account) ?? { totalIn: 0n, totalOut: 0n };

  const keep = (s: Open, period: StatementAccount, where: number): boolean => {
    decide(s);
    const p = s.current;
    const repeat = pages.checkSignature(
      [s.reference, s.sequence, String(s.page), s.account, period.from, period.to],
      p.digest.signature(period),
      { line: where, field: '20' },
    );
    if (repeat === null) return true;
    // Only a page whose name changed after its first line (a second :25: or :28C: in it) can get here.
    if (p.held === null)
      abort(
        'IMPORT_STATEMENT_CONFLICT',
        `this statement repeats the one at line ${String(repeat)}, but changes its account or number midway: import the right copy alone`,
        file,
        where,
        '20',
      );
    duplicateLines += p.count;
    warn({
      line: where,
      field: '20',
      code: 'IMPORT_WARN_STATEMENT_REPEATED',
      params: { statement: label(s), first: String(repeat), lines: String(p.count) },
      message: `statement ${s.reference} ${s.sequence} repeats the one at line ${String(repeat)}: its ${String(p.count)} lines are counted as duplicates`,
    });
    return false;
  };

  const accept = (s: Open, period: StatementAccount): void => {
    periods.push(period);
    known.add(period);
    for (const l of s.current.held ?? []) onLine(l);
  };

  /** A page ends at its closing balance: checked on its own, then its lines kept. */
  const closePage = (s: Open, closing: Mt940Balance, closingTag: Mt940Tag): void => {
    settle(s);
    if (s.account === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :25: account', file, s.line, '25');
    if (s.opening === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :60F: opening balance', file, s.line, '60F');
    const sums = sumsOf(s, s.account);
    const period: StatementAccount = {
      account: s.account,
      currency: s.opening.currency,
      from: s.opening.date,
      to: closing.date,
      opening: s.opening.amount,
      totalIn: sums.totalIn,
      totalOut: sums.totalOut,
      closing: closing.amount,
    };
    if (keep(s, period, s.line)) {
      checkBalanceIdentity({ ...period, statement: label(s) }, period.currency, file, closingTag.line, {
        ...NAMES,
        closing: closingTag.tag,
      });
      accept(s, period);
    }
    s.current = newPage();
    s.opening = null;
    s.page += 1;
  };

  /** An MT942 interim report has no closing balance: its lines are kept, its totals checked. */
  const closeInterim = (s: Open): void => {
    const interim = s.interim;
    if (s.account === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :25: account', file, s.line, '25');
    const currency = s.opening?.currency ?? interim?.currency ?? s.current.firstCurrency;
    if (currency === null)
      abort('IMPORT_FIELD_MISSING', 'the interim report has no :34F: currency', file, s.line, '34F');
    const sums = sumsOf(s, s.account);
    const total = (tag: '90C' | '90D'): bigint | null => {
      const t = interim?.totals.find((x) => x.tag === tag);
      const m = t ? /^(\d+)([A-Z]{3})([\d,]+)$/.exec(t.value.replace(/\s+/g, '')) : null;
      return t && m ? swiftAmount(m[3] ?? '', currency, t, file) : null;
    };
    const period: StatementAccount = {
      account: s.account,
      currency,
      from: s.opening?.date ?? s.current.firstDay ?? interim?.at ?? null,
      to: interim?.at ?? s.current.lastDay ?? null,
      opening: s.opening?.amount ?? null,
      totalIn: total('90C') ?? sums.totalIn,
      totalOut: total('90D') ?? sums.totalOut,
      closing: null,
    };
    warn({
      line: s.line,
      field: '20',
      code: 'IMPORT_WARN_INTERIM_REPORT',
      params: { statement: label(s) },
      message: `statement ${label(s)} is an MT942 interim report: it has no closing balance to check`,
    });
    if (!keep(s, period, s.line)) return;
    const at = interim?.totals[0]?.line ?? s.line;
    const totals = (): void => checkTotals(period, sums, file, { lineIn: at, lineOut: at }, NAMES);
    if (refusesMismatches()) totals();
    checkBalanceIdentity({ ...period, statement: label(s) }, currency, file, at, NAMES);
    if (!refusesMismatches()) totals();
    accept(s, { ...period, totalIn: sums.totalIn, totalOut: sums.totalOut });
  };

  const close = (s: Open): void => {
    settle(s);
    const lines = s.current.count;
    if (s.interim !== null && (lines > 0 || s.opening !== null || s.page === 1)) return closeInterim(s);
    if (s.page > 1 && s.opening === null && lines === 0) return;
    if (s.opening === null && lines === 0 && s.account === null) return;
    if (s.opening === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :60F: opening balance', file, s.line, '60F');
    abort('IMPORT_TRUNCATED', 'the statement ends without a :62F: closing balance', file, s.line, '62F');
  };

  const read = (s: Open, t: Mt940Tag): void => {
    switch (t.tag) {
      case '25':
      case '25P':
        // A copy, not a slice of the chunk's text: the page's period outlives the chunk.
        s.account = ownString((t.value.split('\n')[0] ?? '').trim());
        return;
      case '28':
      case '28C':
        s.sequence = t.value.trim();
        return;
      case '60F':
      case '60M':
        s.opening = readBalance(t, file, warn);
        return;
      case '13D':
        s.interim = { ...(s.interim ?? { currency: null, totals: [] }), at: readInterimDay(t.value) };
        return;
      case '34F': {
        const code = /^([A-Z]{3})/.exec(t.value.trim())?.[1] ?? '';
        const currency = swiftCurrency(code, t, file, warn);
        s.interim = { ...(s.interim ?? { at: null, totals: [] }), currency };
        return;
      }
      case '90C':
      case '90D': {
        const before = s.interim ?? { currency: null, at: null, totals: [] };
        s.interim = { ...before, totals: [...before.totals, t] };
        return;
      }
      case '61':
        return readLine(s, t);
      case '86':
        return readDetails(s, t);
      case '62F':
      case '62M':
        return closePage(s, readBalance(t, file, warn), t);
      default:
        if (!KNOWN_TAGS.has(t.tag))
          warn({
            line: t.line,
            field: t.tag,
            code: 'IMPORT_WARN_TAG_IGNORED',
            params: { tag: t.tag },
            message: `tag :${t.tag}: is not part of MT940 and was ignored`,
          });
    }
  };

  const readLine = (s: Open, t: Mt940Tag): void => {
    const currency = s.opening?.currency ?? s.interim?.currency ?? null;
    if (currency === null || s.account === null)
      abort(
        'IMPORT_FIELD_MISSING',
        ':61: comes before the :25: account and :60F: opening balance',
        file,
        t.line,
        s.account === null ? '25' : '60F',
      );
    const e = readEntry(t, currency, file, warn);
    const line: StatementLine = {
      sourceLine: t.line,
      account: s.account,
      direction: e.direction,
      amount: e.amount,
      currency,
      bookedOn: e.entryDate ?? e.valueDate,
      documentDate: e.valueDate,
      valueDate: e.valueDate,
      documentNumber: e.customerReference,
      counterparty: emptyParty,
      purpose: e.details,
      purposeCode: null,
      bankReference: e.bankReference,
      raw: { '61': t.value },
    };
    settle(s);
    s.pending = line;
  };

  const readDetails = (s: Open, t: Mt940Tag): void => {
    const last = s.pending;
    if (last === null) return; // statement-level information after :62F:
    const info = readInfo(t.value);
    s.pending = {
      ...last,
      counterparty: {
        ...last.counterparty,
        name: info.name,
        account: info.account,
        bankCode: info.bankCode,
      },
      purpose: info.purpose ?? last.purpose,
      raw: { ...last.raw, '86': t.value },
    };
    settle(s);
  };

  const token = (t: Mt940Token): void => {
    if (t.tag === '-' || t.tag === '20') {
      if (open !== null) close(open);
      open = t.tag === '-' ? null : newStatement(t);
      return;
    }
    if (open === null)
      abort(
        'IMPORT_LINE_INVALID',
        `:${t.tag}: appears before the statement's :20: reference`,
        file,
        t.line,
        t.tag,
      );
    read(open, t);
  };
  const finish = (): Mt940Summary => {
    if (open !== null) close(open);
    open = null;
    if (periods.length === 0 && duplicateLines === 0)
      abort('IMPORT_TRUNCATED', 'no MT940 statement (:20: … :62F:) in the file', file, 1, '20');
    return { accounts: mergeAccountPeriods(periods), warnings, duplicateLines };
  };
  return { token, finish, covers: (a, c, d) => known.covers(a, c, d) };
}
