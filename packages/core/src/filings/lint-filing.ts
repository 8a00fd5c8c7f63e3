import type { CalendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';
import type { Expenditure } from '../ledger/expenditure.ts';
import type { Grant } from '../ledger/grant.ts';
import type { RateIndex } from '../ledger/kzt-equivalent.ts';
import type { Receipt } from '../ledger/receipt.ts';
import { canonicalJsonOf } from '../log/canonical-json.ts';
import { formatMinor } from '../money.ts';
import type { ObligationInstance } from '../obligations/derive-obligations.ts';
import { allocationEquivalents } from './build-filing-content.ts';
import type { FilingContent } from './filing-content.ts';
import { duplicateReceipts, expenditureLineProblems, minorOf, receiptLineProblems } from './lint-lines.ts';
import { problem, type LintProblem } from './lint-problem.ts';
import type { LintedContent } from './lint-view.ts';

/** What a report's lint reads of a receipt's notification (an ObligationInstance is one). */
export type NotificationOf = Pick<
  ObligationInstance,
  'id' | 'trigger' | 'form' | 'dueOn' | 'status' | 'submittedOn' | 'receiptIds'
>;

export interface LintInput extends LintLedger {
  /** The filing's content as prepared (and perhaps stored long ago). */
  readonly content: FilingContent;
  /** The content of the filing this one corrects. */
  readonly corrected: FilingContent | null;
}

export type LintContentInput = LintLedger & { readonly content: LintedContent };

/** What a filing is checked against: the ledger, the rates and the obligations now. */
export interface LintLedger {
  /** The filing's state: an unsubmitted filing past its due day gets LINT_FILING_OVERDUE. */
  readonly submitted: boolean;
  /** The organisation's ledger now: every receipt, expenditure and grant. */
  readonly receipts: readonly Receipt[];
  readonly expenditures: readonly Expenditure[];
  readonly grants: readonly Grant[];
  /** The official rates now in the ledger, to recheck every equivalent. */
  readonly rates: RateIndex;
  /** The obligation recomputed from the ledger now (null when it no longer arises). */
  readonly obligation: ObligationInstance | null;
  /** The organisation's notification obligations (each-receipt), with their statuses on asOf. */
  readonly notifications: readonly NotificationOf[];
  readonly asOf: CalendarDate;
}

/**
 * Checks a filing the way a careful accountant would before it goes out. Never throws; returns
 * the problems in a stable order (line checks in line order, then ledger-wide checks), each with
 * its code, severity, plain message and the records involved. See LINT_CODES for severities.
 */
export function lintFiling(input: LintInput): LintProblem[] {
  return lintContent(input, input.corrected !== null && sameContent(input.content, input.corrected));
}

/**
 * lintFiling of a filing that corrects none, from its content as the lint reads it
 * (parseLintView): the same problems as lintFiling of the whole content.
 */
export function lintFilingView(input: LintContentInput): LintProblem[] {
  return lintContent(input, false);
}

/** The checks, `unchanged` saying whether the filing is a correction that changes nothing. */
function lintContent(input: LintContentInput, unchanged: boolean): LintProblem[] {
  const c = input.content;
  const grants = new Map(input.grants.map((g) => [g.id as string, g]));
  const out: LintProblem[] = [];
  for (const r of c.receipts) out.push(...receiptLineProblems(c, r, input.rates));
  out.push(...duplicateReceipts(c.receipts));
  for (const e of c.expenditures) out.push(...expenditureLineProblems(c, e, input.rates, grants));
  out.push(
    ...ledgerProblems(input),
    ...grantProblems(input, grants),
    ...totalsProblems(input),
    ...notificationProblems(input),
  );
  if (c.receipts.length === 0 && c.expenditures.length === 0)
    out.push(
      problem('LINT_FILING_EMPTY', 'the filing reports no receipt and no expenditure (a nil return)', []),
    );
  if (!c.obligation.verified)
    out.push(
      problem(
        'LINT_RULE_UNVERIFIED',
        `the obligation or its due date rests on an unverified rule (${c.obligation.citation}): check it against the official text`,
        [{ kind: 'obligation', id: c.obligation.id }],
      ),
    );
  if (!input.submitted && input.asOf > c.obligation.dueOn)
    out.push(
      problem(
        'LINT_FILING_OVERDUE',
        `the due day ${c.obligation.dueOn} has passed: filing now is late`,
        [{ kind: 'obligation', id: c.obligation.id }],
        { dueOn: c.obligation.dueOn },
      ),
    );
  if (unchanged)
    out.push(
      problem(
        'LINT_CORRECTION_UNCHANGED',
        `this correction of filing ${c.corrects ?? '?'} changes nothing it reports`,
        [{ kind: 'filing', id: c.corrects ?? '' }],
      ),
    );
  return out;
}

/** Content compared without what a correction always changes (the reference and the notes). */
function sameContent(a: FilingContent, b: FilingContent): boolean {
  const strip = (x: FilingContent) => ({ ...x, corrects: null, notes: [] });
  return canonicalJsonOf(strip(a)) === canonicalJsonOf(strip(b));
}

/** Each line against the ledger record it came from: gone, or changed since the filing was prepared. */
function ledgerProblems(input: LintContentInput): LintProblem[] {
  const out: LintProblem[] = [];
  const receipts = new Map(input.receipts.map((r) => [r.id as string, r]));
  const expenditures = new Map(input.expenditures.map((e) => [e.id as string, e]));
  for (const line of input.content.receipts) {
    const r = receipts.get(line.id);
    const rec = [{ kind: 'receipt' as const, id: line.id }];
    if (!r)
      out.push(problem('LINT_RECORD_NOT_IN_LEDGER', `receipt ${line.id} is no longer in the ledger`, rec));
    else {
      const amount = r.content.kind === 'money' ? r.content.amount : (r.content.valuation?.amount ?? null);
      const same =
        r.receivedOn === line.receivedOn &&
        (amount ? formatMinor(amount.minor, amount.currency) : null) === line.amount &&
        (amount?.currency ?? null) === line.currency &&
        (r.kzt.kzt === null ? null : formatMinor(r.kzt.kzt, currency(input.content.equivalentCurrency))) ===
          line.equivalent &&
        r.sourceId === line.source.id &&
        (r.grantId ?? null) === (line.grant?.id ?? null);
      if (!same)
        out.push(
          problem(
            'LINT_RECORD_CHANGED',
            `receipt ${line.id} has changed in the ledger since the filing was prepared: prepare it again`,
            rec,
          ),
        );
    }
  }
  for (const line of input.content.expenditures) {
    const e = expenditures.get(line.id);
    const rec = [{ kind: 'expenditure' as const, id: line.id }];
    if (!e)
      out.push(
        problem('LINT_RECORD_NOT_IN_LEDGER', `expenditure ${line.id} is no longer in the ledger`, rec),
      );
    else if (
      e.spentOn !== line.spentOn ||
      formatMinor(e.amount.minor, e.amount.currency) !== line.amount ||
      e.amount.currency !== line.currency
    ) {
      out.push(
        problem(
          'LINT_RECORD_CHANGED',
          `expenditure ${line.id} has changed in the ledger since the filing was prepared: prepare it again`,
          rec,
        ),
      );
    }
  }
  return out;
}

/**
 * A grant's balance up to the period's end: what was spent from it must not exceed what was
 * received under it, nor the agreed amount. Compared in the grant's currency when every record is
 * in it, else in equivalents. Names the first expenditure that took it over.
 */
function grantProblems(input: LintContentInput, grants: ReadonlyMap<string, Grant>): LintProblem[] {
  const out: LintProblem[] = [];
  const end = input.content.obligation.period.to;
  const ids = new Set(input.content.expenditures.flatMap((e) => e.allocations.map((a) => a.grantId)));
  for (const id of [...ids].sort()) {
    const g = grants.get(id);
    if (!g) continue;
    const received = input.receipts.filter((r) => r.grantId === id && r.receivedOn <= end);
    const spent = input.expenditures
      .filter((e) => e.spentOn <= end && e.allocations.some((a) => a.grantId === id))
      .sort((a, b) => (a.spentOn < b.spentOn ? -1 : a.spentOn > b.spentOn ? 1 : 0));
    const cur = g.amount.currency;
    const sameCurrency =
      spent.every((e) => e.amount.currency === cur) &&
      received.every((r) => r.content.kind === 'money' && r.content.amount.currency === cur);
    const gotOf = (upTo: string): bigint | null => {
      let sum = 0n;
      for (const r of received.filter((x) => x.receivedOn <= upTo)) {
        const v = sameCurrency ? (r.content.kind === 'money' ? r.content.amount.minor : null) : r.kzt.kzt;
        if (v === null) return null;
        sum += v;
      }
      return sum;
    };
    let total = 0n;
    for (const e of spent) {
      const i = e.allocations.findIndex((a) => a.grantId === id);
      const share = sameCurrency ? (e.allocations[i]?.amount ?? 0n) : (allocationEquivalents(e)[i] ?? null);
      if (share === null) break;
      total += share;
      const got = gotOf(e.spentOn);
      const base = currency(input.content.equivalentCurrency);
      const unit = sameCurrency ? cur : `${base} equivalent`;
      const show = (m: bigint): string => formatMinor(m, sameCurrency ? cur : base);
      const recs = [
        { kind: 'grant' as const, id },
        { kind: 'expenditure' as const, id: e.id },
      ];
      if (got !== null && total > got) {
        out.push(
          problem(
            'LINT_EXPENSE_EXCEEDS_GRANT',
            `grant ${g.agreementNumber}: by ${e.spentOn} ${show(total)} ${unit} was spent but only ${show(got)} ${unit} received (expenditure ${e.id} went beyond the balance)`,
            recs,
          ),
        );
        break;
      }
      if (sameCurrency && total > g.amount.minor) {
        out.push(
          problem(
            'LINT_EXPENSE_EXCEEDS_GRANT',
            `grant ${g.agreementNumber}: by ${e.spentOn} ${show(total)} ${cur} was spent, more than the ${formatMinor(g.amount.minor, cur)} ${cur} agreed (expenditure ${e.id})`,
            recs,
          ),
        );
        break;
      }
    }
  }
  return out;
}

/** The totals against the lines, and the lines against what the ledger holds for the obligation now. */
function totalsProblems(input: LintContentInput): LintProblem[] {
  const c = input.content;
  const out: LintProblem[] = [];
  const cur = c.equivalentCurrency;
  const sum = (xs: readonly (string | null)[]): string =>
    formatMinor(
      xs.reduce<bigint>((s, x) => s + (minorOf(x, cur)?.minor ?? 0n), 0n),
      currency(cur),
    );
  const t = c.totals;
  const mismatch = (what: string, stated: string, computed: string) =>
    out.push(
      problem(
        'LINT_TOTALS_MISMATCH',
        `${what}: the filing states ${stated}, its lines sum to ${computed}`,
        [],
      ),
    );
  if (t.receiptCount !== c.receipts.length)
    mismatch('number of receipts', String(t.receiptCount), String(c.receipts.length));
  if (t.receiptsEquivalent !== sum(c.receipts.map((r) => r.equivalent)))
    mismatch(`receipts in ${cur}`, t.receiptsEquivalent, sum(c.receipts.map((r) => r.equivalent)));
  if (t.expenditureCount !== c.expenditures.length)
    mismatch('number of expenditures', String(t.expenditureCount), String(c.expenditures.length));
  if (t.expendituresEquivalent !== sum(c.expenditures.map((e) => e.equivalent)))
    mismatch(
      `expenditures in ${cur}`,
      t.expendituresEquivalent,
      sum(c.expenditures.map((e) => e.equivalent)),
    );
  const o = input.obligation;
  if (o) {
    const lines = new Set(c.receipts.map((r) => r.id));
    const missing = o.receiptIds.filter((id) => !lines.has(id));
    if (missing.length > 0)
      out.push(
        problem(
          'LINT_TOTALS_MISMATCH',
          `the ledger holds ${missing.length} receipt(s) for this obligation that the filing leaves out: ${missing.join(', ')}`,
          missing.map((id) => ({ kind: 'receipt' as const, id })),
        ),
      );
    const owned = new Set(o.receiptIds);
    const extra = [...lines].filter((id) => !owned.has(id));
    if (extra.length > 0)
      out.push(
        problem(
          'LINT_TOTALS_MISMATCH',
          `the filing reports ${extra.length} receipt(s) the ledger no longer puts under this obligation: ${extra.join(', ')}`,
          extra.map((id) => ({ kind: 'receipt' as const, id })),
        ),
      );
    if (o.trigger === 'period') {
      const inPeriod = input.expenditures
        .filter((e) => e.spentOn >= o.period.from && e.spentOn <= o.period.to)
        .map((e) => e.id as string);
      const shown = new Set(c.expenditures.map((e) => e.id));
      const left = inPeriod.filter((id) => !shown.has(id));
      if (left.length > 0)
        out.push(
          problem(
            'LINT_TOTALS_MISMATCH',
            `the ledger holds ${left.length} expenditure(s) in the period that the filing leaves out: ${left.join(', ')}`,
            left.map((id) => ({ kind: 'expenditure' as const, id })),
          ),
        );
    }
  }
  return out;
}

/** For a report: each receipt's own notification — missed, late or still open. */
function notificationProblems(input: LintContentInput): LintProblem[] {
  if (input.content.obligation.trigger !== 'period') return [];
  const out: LintProblem[] = [];
  // Each receipt's notification by its id (the first listed): one lookup per line, not a scan.
  const byReceipt = new Map<string, NotificationOf>();
  for (const x of input.notifications)
    if (x.trigger === 'each-receipt')
      for (const id of x.receiptIds) if (!byReceipt.has(id)) byReceipt.set(id, x);
  for (const r of input.content.receipts) {
    const n = byReceipt.get(r.id);
    if (!n) continue;
    const recs = [
      { kind: 'receipt' as const, id: r.id },
      { kind: 'obligation' as const, id: n.id },
    ];
    const what = `receipt ${r.id} of ${r.receivedOn}: the ${n.form} notification due ${n.dueOn}`;
    const params = { on: r.receivedOn, form: n.form, dueOn: n.dueOn, submittedOn: n.submittedOn ?? null };
    if (n.status === 'missed')
      out.push(problem('LINT_NOTIFICATION_MISSING', `${what} was never submitted`, recs, params));
    else if (n.status === 'filed-late')
      out.push(
        problem(
          'LINT_NOTIFICATION_LATE',
          `${what} was submitted late, on ${n.submittedOn ?? '?'}`,
          recs,
          params,
        ),
      );
    else if (n.status === 'due' || n.status === 'upcoming')
      out.push(problem('LINT_NOTIFICATION_PENDING', `${what} is not submitted yet`, recs, params));
  }
  return out;
}
