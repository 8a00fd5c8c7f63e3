import type { CalendarDate } from '../calendar-date.ts';
import { parseCurrency, type CurrencyCode } from '../currency.ts';
import { receiptAmount, type ReceiptContent } from '../ledger/receipt.ts';
import { parseMinorUnits } from '../money.ts';
import { ok, type Result } from '../result.ts';
import { computeDeadline } from '../rules/deadline.ts';
import { localText } from '../rules/local-text.ts';
import { obligationBasisOn, unverifiedObligationNote } from '../rules/obligation-basis.ts';
import { inForceOn, obligationOn } from '../rules/lookups.ts';
import type { Obligation } from '../rules/obligation.schema.ts';
import { reportingPeriods } from '../rules/reporting-periods.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { filingStateOf, indexFilings, type FilingFact, type FilingIndex } from './filing-state.ts';

export type { FilingFact } from './filing-state.ts';
import { DEFAULT_DUE_SOON_DAYS, obligationStatus, type ObligationStatus } from './obligation-status.ts';

/** One obligation of an organisation: a notification of one receipt, or one period's report. */
export interface ObligationInstance {
  /** `<organisation>:<pack obligation id>:<receipt id | period label>`: stable while the records are. */
  readonly id: string;
  readonly organisation: string;
  readonly obligationId: string;
  readonly title: string;
  readonly trigger: 'each-receipt' | 'period';
  readonly form: string;
  readonly formTitle: string;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate; readonly label: string };
  readonly dueOn: CalendarDate;
  readonly status: ObligationStatus;
  readonly citation: string;
  readonly citationUrl: string | null;
  /** The obligation, its deadline rule and every calendar day used are verified. */
  readonly verified: boolean;
  readonly notes: readonly string[];
  readonly receiptIds: readonly string[];
  /** The first submitted filing for it, else the latest draft, else null. */
  readonly filingId: string | null;
  readonly submittedOn: CalendarDate | null;
}

/** What obligations need to know of a receipt (a ledger Receipt is one). */
export interface ObligationReceipt {
  readonly id: string;
  readonly sourceId: string;
  readonly receivedOn: CalendarDate;
  readonly content: ReceiptContent;
  readonly kzt: { readonly kzt: bigint | null };
}

export interface DeriveObligationsInput {
  readonly organisation: string;
  readonly pack: RulePack;
  /** Every receipt of the organisation (not only those in the range). */
  readonly receipts: readonly ObligationReceipt[];
  /** Its sources (for the category a pack may or may not cover). */
  readonly sources: readonly { readonly id: string; readonly category: string | null }[];
  /** The days of its expenditures (a period with spending needs its report too). */
  readonly expenditureDates: readonly CalendarDate[];
  readonly filings: readonly FilingFact[];
  /** The obligations whose receipt day or reporting period falls in [from, to]. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly asOf: CalendarDate;
  readonly dueSoonDays?: number;
  /** Only the obligations of this trigger (both when left out): a refresh of stored obligations derives a period's reports without its notifications. */
  readonly only?: 'each-receipt' | 'period' | undefined;
}

/**
 * Derives every obligation of an organisation from its receipts and a rule pack: for each
 * each-receipt obligation, one per covered receipt (the version in force on the day received);
 * for each periodic one, one per reporting period with a covered receipt or an expenditure in it
 * (every period when the pack asks for nil returns). Due days come from the pack's deadline
 * rules and calendar; days outside the calendar are counted with weekends only and flagged
 * unverified. Statuses are computed from the filings on `asOf` (see obligationStatus).
 */
export function deriveObligations(input: DeriveObligationsInput): Result<ObligationInstance[]> {
  const { pack } = input;
  const out: ObligationInstance[] = [];
  const categories = new Map(input.sources.map((s) => [s.id, s.category]));
  // Covered receipts in day order (stable: same-day receipts keep the ledger's order), so a
  // period's receipts are one slice found by binary search rather than a scan per period.
  const inForce = inForceByDay(pack);
  const covered = input.receipts.filter((r) =>
    coveredBy(inForce(r.receivedOn), r, categories.get(r.sourceId) ?? null, pack.currency),
  );
  const byDay = covered.every(
    (r, i) => i === 0 || (covered[i - 1]?.receivedOn ?? r.receivedOn) <= r.receivedOn,
  )
    ? covered
    : [...covered].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  const days = byDay.map((r) => r.receivedOn);
  const expenditureDays = [...input.expenditureDates].sort();
  const filings = indexFilings(input.filings);
  const ids = (kind: 'each-receipt' | 'period') =>
    input.only !== undefined && input.only !== kind
      ? []
      : [...new Set(pack.obligations.filter((o) => o.trigger.kind === kind).map((o) => o.id))];
  for (const ruleId of ids('each-receipt')) {
    // Receipts come in day order: the version in force, its deadline and notes are worked out once a day.
    let day: CalendarDate | null = null;
    let today: {
      version: Obligation;
      due: CalendarDate;
      verified: boolean;
      notes: readonly string[];
      period: ObligationInstance['period'];
    } | null = null;
    for (let i = firstIndex(days, input.from); i < byDay.length; i++) {
      const r = byDay[i];
      if (!r || r.receivedOn > input.to) break;
      if (r.receivedOn !== day) {
        day = r.receivedOn;
        today = null;
        const version = obligationOn(pack, ruleId, r.receivedOn);
        if (!version || version.trigger.kind !== 'each-receipt') continue;
        const deadline = computeDeadline(pack, version.deadline, r.receivedOn, {
          uncovered: 'weekends-only',
        });
        if (!deadline.ok) return deadline;
        const basis = obligationBasisOn(pack, version, r.receivedOn);
        const notes = [
          ...deadline.value.notes,
          ...(version.verified ? [] : [unverifiedObligationNote(version)]),
          ...basis.notes,
        ];
        today = {
          version,
          due: deadline.value.due,
          verified: version.verified && deadline.value.verified && basis.verified,
          notes,
          period: { from: r.receivedOn, to: r.receivedOn, label: r.receivedOn },
        };
      }
      if (!today) continue;
      out.push(
        instance(
          input,
          filings,
          today.version,
          today.period,
          r.id,
          today.due,
          today.version.citation,
          today.verified,
          today.notes,
          [r.id],
        ),
      );
    }
  }
  for (const ruleId of ids('period')) {
    const periods = reportingPeriods(pack, ruleId, input.from, input.to, { uncovered: 'weekends-only' });
    if (!periods.ok) return periods;
    for (const p of periods.value) {
      const version = obligationOn(pack, ruleId, p.end);
      if (!version) continue;
      const receiptIds = byDay
        .slice(firstIndex(days, p.start), firstIndex(days, p.end, true))
        .map((r) => r.id);
      const spent = firstIndex(expenditureDays, p.end, true) > firstIndex(expenditureDays, p.start);
      if (!version.nilReturn && receiptIds.length === 0 && !spent) continue;
      const basis = obligationBasisOn(pack, version, p.end);
      out.push(
        instance(
          input,
          filings,
          version,
          { from: p.start, to: p.end, label: p.label },
          p.label,
          p.due,
          p.citation,
          p.verified && basis.verified,
          [...p.notes, ...basis.notes],
          receiptIds,
        ),
      );
    }
  }
  return ok(
    out.sort((a, b) =>
      a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    ),
  );
}

/** The first index whose day is on or after `day` (`after`: after it), the days sorted. */
function firstIndex(days: readonly string[], day: string, after = false): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = days[mid] ?? '';
    if (d < day || (after && d === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function instance(
  input: DeriveObligationsInput,
  filings: FilingIndex,
  version: Obligation,
  period: ObligationInstance['period'],
  key: string,
  dueOn: CalendarDate,
  citation: { readonly text: string; readonly url?: string | undefined },
  verified: boolean,
  notes: readonly string[],
  receiptIds: readonly string[],
): ObligationInstance {
  const id = `${input.organisation}:${version.id}:${key}`;
  const each = version.trigger.kind === 'each-receipt';
  const state = filingStateOf(filings, id, receiptIds, version.form.id, each);
  const s = state.submitted;
  const first = s && s.submittedOn !== null && s.submittedOn <= input.asOf ? s : undefined;
  const submittedOn = first?.submittedOn ?? null;
  return {
    id,
    organisation: input.organisation,
    obligationId: version.id,
    title: localText(version.title, 'en'),
    trigger: each ? 'each-receipt' : 'period',
    form: version.form.id,
    formTitle: localText(version.form.title, 'en'),
    period,
    dueOn,
    status: obligationStatus(dueOn, submittedOn, input.asOf, input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
    citation: citation.text,
    citationUrl: citation.url ?? null,
    verified,
    notes,
    receiptIds,
    filingId: first?.id ?? state.draft?.id ?? null,
    submittedOn,
  };
}

/**
 * Whether a receipt falls under the pack: its source category is one the pack covers (an unknown
 * category counts as covered — lint asks for it), and it passes every threshold in force that
 * can be compared (same currency as the amount, or the ledger's equivalent in the pack's currency).
 */
export function isCovered(pack: RulePack, r: ObligationReceipt, category: string | null): boolean {
  return coveredBy(inForceOnDay(pack, r.receivedOn), r, category, pack.currency);
}

/** The source categories and thresholds of a pack in force on a day (thresholds with their parsed limits). */
interface InForce {
  readonly restricted: boolean;
  readonly categories: ReadonlySet<string>;
  readonly thresholds: readonly {
    readonly currency: CurrencyCode;
    readonly limit: bigint;
    readonly comparison: string;
  }[];
}

function inForceOnDay(pack: RulePack, day: CalendarDate): InForce {
  const thresholds: { currency: CurrencyCode; limit: bigint; comparison: string }[] = [];
  for (const t of pack.thresholds.filter((x) => inForceOn(x, day))) {
    const currency = parseCurrency(t.currency);
    if (!currency.ok) continue;
    const limit = parseMinorUnits(t.amount, currency.value);
    if (!limit.ok) continue;
    thresholds.push({ currency: currency.value, limit: limit.value, comparison: t.comparison });
  }
  return {
    restricted: pack.sourceCategories.length > 0,
    categories: new Set(pack.sourceCategories.filter((c) => inForceOn(c, day)).map((c) => c.id)),
    thresholds,
  };
}

/** inForceOnDay, worked out once per day. */
function inForceByDay(pack: RulePack): (day: CalendarDate) => InForce {
  const memo = new Map<string, InForce>();
  return (day) => {
    let v = memo.get(day);
    if (!v) {
      v = inForceOnDay(pack, day);
      memo.set(day, v);
    }
    return v;
  };
}

/** `base`: the pack's currency, which the ledger's equivalents (`r.kzt`) are in. */
function coveredBy(rules: InForce, r: ObligationReceipt, category: string | null, base: string): boolean {
  if (rules.restricted && category !== null && !rules.categories.has(category)) return false;
  for (const t of rules.thresholds) {
    const amount = receiptAmount(r.content);
    const value =
      amount && amount.currency === t.currency ? amount.minor : t.currency === base ? r.kzt.kzt : null;
    if (value === null) continue;
    if (t.comparison === 'gt' ? value <= t.limit : value < t.limit) return false;
  }
  return true;
}
