import { type StatementAccount, type StatementLine, type StatementWarning } from '@civic/core';
import {
  checkBalanceIdentity,
  checkTotals,
  mergeAccountPeriods,
  refusesMismatches,
  sumLines,
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
import { emptyParty, newStatement, readInterimDay, statementLabel, type Open } from './mt940-open.ts';
import type { Mt940Token } from './mt940-tags.ts';
import { StatementPages } from './statement-pages.ts';
import { KnownPeriods, ownString } from './statement-stream.ts';

const KNOWN_TAGS = new Set(['21', '64', '65', '13', 'NS']);
const NAMES = { closing: '62F', totalIn: '90C', totalOut: '90D' } as const;

/** The statement without its lines (those went to `onLine` as each page closed). */
export interface Mt940Summary {
  readonly accounts: StatementAccount[];
  readonly warnings: StatementWarning[];
  readonly duplicateLines: number;
}

/**
 * The MT940/MT942 statement machine, fed tag by tag: each statement, and each `:60M:`…`:62M:`
 * page of it, is balanced on its own as it closes and only then are its lines handed to `onLine`
 * (a page repeated in the file is counted, not handed on). Memory holds one page's lines at most.
 * Aborts (ImportAbort) on bad input, naming file, line and tag.
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
  const known = new KnownPeriods();
  let duplicateLines = 0;
  let open: Open | null = null;

  const label = statementLabel;

  const keep = (s: Open, period: StatementAccount, where: number): boolean => {
    const repeat = pages.check(
      [s.reference, s.sequence, String(s.page), s.account, period.from, period.to],
      period,
      s.lines,
      { line: where, field: '20' },
    );
    if (repeat === null) return true;
    duplicateLines += s.lines.length;
    warn({
      line: where,
      field: '20',
      code: 'IMPORT_WARN_STATEMENT_REPEATED',
      params: { statement: label(s), first: String(repeat), lines: String(s.lines.length) },
      message: `statement ${s.reference} ${s.sequence} repeats the one at line ${String(repeat)}: its ${String(s.lines.length)} lines are counted as duplicates`,
    });
    return false;
  };

  const accept = (s: Open, period: StatementAccount): void => {
    periods.push(period);
    known.add(period);
    for (const l of s.lines) onLine(l);
    s.lines = [];
    s.pending = null;
  };

  /** A page ends at its closing balance: checked on its own, then its lines kept. */
  const closePage = (s: Open, closing: Mt940Balance, closingTag: Mt940Tag): void => {
    if (s.account === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :25: account', file, s.line, '25');
    if (s.opening === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :60F: opening balance', file, s.line, '60F');
    const sums = sumLines(s.lines, s.account);
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
    } else s.lines = [];
    s.opening = null;
    s.page += 1;
  };

  /** An MT942 interim report has no closing balance: its lines are kept, its totals checked. */
  const closeInterim = (s: Open): void => {
    const interim = s.interim;
    if (s.account === null)
      abort('IMPORT_FIELD_MISSING', 'the statement has no :25: account', file, s.line, '25');
    const currency = s.opening?.currency ?? interim?.currency ?? s.lines[0]?.currency ?? null;
    if (currency === null)
      abort('IMPORT_FIELD_MISSING', 'the interim report has no :34F: currency', file, s.line, '34F');
    const sums = sumLines(s.lines, s.account);
    const dates = s.lines.map((l) => l.bookedOn).sort();
    const total = (tag: '90C' | '90D'): bigint | null => {
      const t = interim?.totals.find((x) => x.tag === tag);
      const m = t ? /^(\d+)([A-Z]{3})([\d,]+)$/.exec(t.value.replace(/\s+/g, '')) : null;
      return t && m ? swiftAmount(m[3] ?? '', currency, t, file) : null;
    };
    const period: StatementAccount = {
      account: s.account,
      currency,
      from: s.opening?.date ?? dates[0] ?? interim?.at ?? null,
      to: interim?.at ?? dates[dates.length - 1] ?? null,
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
    const totals = (): void => checkTotals(period, s.lines, file, { lineIn: at, lineOut: at }, NAMES);
    if (refusesMismatches()) totals();
    checkBalanceIdentity({ ...period, statement: label(s) }, currency, file, at, NAMES);
    if (!refusesMismatches()) totals();
    accept(s, { ...period, totalIn: sums.totalIn, totalOut: sums.totalOut });
  };

  const close = (s: Open): void => {
    if (s.interim !== null && (s.lines.length > 0 || s.opening !== null || s.page === 1))
      return closeInterim(s);
    if (s.page > 1 && s.opening === null && s.lines.length === 0) return;
    if (s.opening === null && s.lines.length === 0 && s.account === null) return;
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
    s.lines.push(line);
    s.pending = line;
  };

  const readDetails = (s: Open, t: Mt940Tag): void => {
    const last = s.pending;
    if (last === null) return; // statement-level information after :62F:
    const info = readInfo(t.value);
    s.lines[s.lines.length - 1] = {
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
    s.pending = null;
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
