import type { CalendarDate } from '../calendar-date.ts';
import { currency, parseCurrency, type CurrencyCode } from '../currency.ts';
import { computeEquivalent, type RateIndex } from '../ledger/kzt-equivalent.ts';
import { formatMinor, parseMinorUnits } from '../money.ts';
import type { ExpenditureLine, RateLine } from './filing-content.ts';
import type { LintedContent, LintReceiptLine } from './lint-view.ts';
import { problem, withParams, type LintProblem, type LintRecord } from './lint-problem.ts';

/** Categories whose sources have no country of their own (the ledger stores none for them). */
const WITHOUT_COUNTRY = new Set(['international-organisation', 'stateless-person']);

/** Minor units of a decimal string in a currency; null when either does not parse. */
export function minorOf(
  amount: string | null,
  currency: string | null,
): { minor: bigint; currency: CurrencyCode } | null {
  if (amount === null || currency === null) return null;
  const c = parseCurrency(currency);
  if (!c.ok) return null;
  const m = parseMinorUnits(amount, c.value);
  return m.ok ? { minor: m.value, currency: c.value } : null;
}

/**
 * The rate checks shared by receipts and expenditures: a foreign amount needs an equivalent
 * (LINT_RATE_MISSING), at the official rate in force on its day (LINT_RATE_NOT_OFFICIAL, rechecked
 * against the rates now in the ledger), and is flagged when that rate was carried forward.
 */
function rateProblems(
  content: LintedContent,
  record: LintRecord,
  what: string,
  amount: { minor: bigint; currency: CurrencyCode } | null,
  equivalent: string | null,
  rate: Pick<RateLine, 'status' | 'date'>,
  day: CalendarDate,
  rates: RateIndex,
): LintProblem[] {
  if (amount === null || amount.currency === content.equivalentCurrency) return [];
  const out: LintProblem[] = [];
  const expected = computeEquivalent(amount, day, rates, currency(content.equivalentCurrency));
  const shown = minorOf(equivalent, content.equivalentCurrency);
  const cur = content.equivalentCurrency;
  if (shown === null) {
    out.push(
      problem(
        'LINT_RATE_MISSING',
        expected.kzt === null
          ? `${what}: no official ${amount.currency} rate on or before ${day}, so it has no ${cur} equivalent`
          : `${what}: it has no ${cur} equivalent, though the official rate of ${expected.rate?.date ?? day} gives ${formatMinor(expected.kzt, shownCurrency(cur))} ${cur}`,
        [record],
      ),
    );
    return out;
  }
  if (expected.kzt === null) {
    out.push(
      problem(
        'LINT_RATE_NOT_OFFICIAL',
        `${what}: its ${cur} equivalent ${equivalent ?? ''} rests on no official ${amount.currency} rate on or before ${day}`,
        [record],
      ),
    );
  } else if (expected.kzt !== shown.minor || (expected.rate && rate.date !== expected.rate.date)) {
    out.push(
      problem(
        'LINT_RATE_NOT_OFFICIAL',
        `${what}: ${equivalent ?? ''} ${cur} is not at the official rate of ${day}: ${expected.rate?.text ?? '?'} of ${expected.rate?.date ?? '?'} gives ${formatMinor(expected.kzt, shown.currency)} ${cur}`,
        [record],
      ),
    );
  }
  if (rate.status === 'carried-forward')
    out.push(
      problem(
        'LINT_RATE_CARRIED_FORWARD',
        `${what}: no ${amount.currency} rate was published on ${day}; the rate of ${rate.date ?? '?'} is used`,
        [record],
      ),
    );
  return out;
}

const shownCurrency = (c: string): CurrencyCode => {
  const r = parseCurrency(c);
  if (!r.ok) throw new Error(`equivalent currency ${c} is not known`);
  return r.value;
};

const outside = (day: string, p: LintedContent['obligation']['period']): boolean =>
  day < p.from || day > p.to;

export function receiptLineProblems(
  content: LintedContent,
  r: LintReceiptLine,
  rates: RateIndex,
): LintProblem[] {
  const rec: LintRecord = { kind: 'receipt', id: r.id };
  const what = `receipt ${r.id} of ${r.receivedOn} from ${r.source.name}`;
  const out: LintProblem[] = [];
  if (r.source.category === null)
    out.push(
      problem(
        'LINT_SOURCE_CATEGORY_MISSING',
        `${what}: the source's category (foreign state, international organisation, foreign organisation, foreign citizen or stateless person) is not set`,
        [rec, { kind: 'source', id: r.source.id }],
      ),
    );
  if (r.source.country === null && !WITHOUT_COUNTRY.has(r.source.category ?? ''))
    out.push(
      problem('LINT_SOURCE_COUNTRY_MISSING', `${what}: the source's country is not set`, [
        rec,
        { kind: 'source', id: r.source.id },
      ]),
    );
  const amount = minorOf(r.amount, r.currency);
  if (r.kind === 'property' && r.amount === null)
    out.push(
      problem(
        'LINT_PROPERTY_VALUATION_MISSING',
        `${what}: property received in kind (${r.propertyDescription ?? 'no description'}) has no valuation`,
        [rec],
      ),
    );
  if (amount !== null && amount.minor <= 0n)
    out.push(
      problem(
        'LINT_AMOUNT_NOT_POSITIVE',
        `${what}: the amount ${r.amount ?? ''} ${r.currency ?? ''} is not positive`,
        [rec],
      ),
    );
  out.push(
    ...rateProblems(content, rec, what, amount, r.equivalent, r.rate, r.receivedOn as CalendarDate, rates),
  );
  if (outside(r.receivedOn, content.obligation.period))
    out.push(
      problem(
        'LINT_RECEIPT_OUTSIDE_PERIOD',
        `${what}: received outside the period ${content.obligation.period.from} — ${content.obligation.period.to}`,
        [rec],
      ),
    );
  if (r.grant === null)
    out.push(problem('LINT_RECEIPT_WITHOUT_GRANT', `${what}: not linked to a grant agreement`, [rec]));
  return withParams(out, {
    on: r.receivedOn,
    party: r.source.name,
    periodFrom: content.obligation.period.from,
    periodTo: content.obligation.period.to,
  });
}

export function expenditureLineProblems(
  content: LintedContent,
  e: ExpenditureLine,
  rates: RateIndex,
  grants: ReadonlyMap<
    string,
    { periodFrom: string | null; periodTo: string | null; agreementNumber: string }
  >,
): LintProblem[] {
  const rec: LintRecord = { kind: 'expenditure', id: e.id };
  const what = `expenditure ${e.id} of ${e.spentOn}${e.description ? ` (${e.description})` : ''}`;
  const out: LintProblem[] = [];
  const amount = minorOf(e.amount, e.currency);
  if (amount !== null && amount.minor <= 0n)
    out.push(
      problem('LINT_AMOUNT_NOT_POSITIVE', `${what}: the amount ${e.amount} ${e.currency} is not positive`, [
        rec,
      ]),
    );
  const shares = e.allocations.map((a) => minorOf(a.amount, e.currency)?.minor ?? 0n);
  shares.forEach((s, i) => {
    if (s <= 0n)
      out.push(
        problem(
          'LINT_AMOUNT_NOT_POSITIVE',
          `${what}: the allocation to ${e.allocations[i]?.agreementNumber ?? e.allocations[i]?.grantId ?? '?'} is not positive`,
          [rec],
        ),
      );
  });
  const sum = shares.reduce((a, b) => a + b, 0n);
  if (amount !== null && (e.allocations.length === 0 || sum !== amount.minor)) {
    out.push(
      problem(
        'LINT_ALLOCATION_MISMATCH',
        e.allocations.length === 0
          ? `${what}: not allocated to any grant`
          : `${what}: allocations sum to ${formatMinor(sum, amount.currency)} but the expenditure is ${e.amount} ${e.currency}`,
        [rec],
      ),
    );
  }
  out.push(
    ...rateProblems(content, rec, what, amount, e.equivalent, e.rate, e.spentOn as CalendarDate, rates),
  );
  if (outside(e.spentOn, content.obligation.period))
    out.push(
      problem(
        'LINT_EXPENSE_OUTSIDE_PERIOD',
        `${what}: spent outside the period ${content.obligation.period.from} — ${content.obligation.period.to}`,
        [rec],
      ),
    );
  for (const a of e.allocations) {
    const g = grants.get(a.grantId);
    if (!g) continue;
    const grec: LintRecord = { kind: 'grant', id: a.grantId };
    if (g.periodFrom && e.spentOn < g.periodFrom)
      out.push(
        problem(
          'LINT_EXPENSE_BEFORE_GRANT_START',
          `${what}: charged to grant ${g.agreementNumber}, which starts on ${g.periodFrom}`,
          [rec, grec],
        ),
      );
    if (g.periodTo && e.spentOn > g.periodTo)
      out.push(
        problem(
          'LINT_EXPENSE_AFTER_GRANT_END',
          `${what}: charged to grant ${g.agreementNumber}, which ended on ${g.periodTo}`,
          [rec, grec],
        ),
      );
  }
  return withParams(out, {
    on: e.spentOn,
    party: e.description ?? null,
    periodFrom: content.obligation.period.from,
    periodTo: content.obligation.period.to,
  });
}

/** Pairs of receipts from the same source on the same day for the same amount: likely entered twice. */
export function duplicateReceipts(lines: readonly LintReceiptLine[]): LintProblem[] {
  const seen = new Map<string, LintReceiptLine>();
  const out: LintProblem[] = [];
  for (const r of lines) {
    const key = `${r.source.id}|${r.receivedOn}|${r.amount ?? ''}|${r.currency ?? ''}|${r.kind}`;
    const first = seen.get(key);
    if (first)
      out.push(
        problem(
          'LINT_DUPLICATE_RECEIPT',
          `receipts ${first.id} and ${r.id}: same source, day and amount (${r.amount ?? '?'} ${r.currency ?? ''} on ${r.receivedOn}); check it was not entered twice`,
          [
            { kind: 'receipt', id: first.id },
            { kind: 'receipt', id: r.id },
          ],
        ),
      );
    else seen.set(key, r);
  }
  return out;
}
