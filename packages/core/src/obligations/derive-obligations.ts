import type { CalendarDate } from '../calendar-date.ts';
import { parseCurrency } from '../currency.ts';
import { receiptAmount, type Receipt } from '../ledger/receipt.ts';
import { parseMinorUnits } from '../money.ts';
import { ok, type Result } from '../result.ts';
import { computeDeadline } from '../rules/deadline.ts';
import { inForceOn, obligationOn } from '../rules/lookups.ts';
import type { Obligation } from '../rules/obligation.schema.ts';
import { reportingPeriods } from '../rules/reporting-periods.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { DEFAULT_DUE_SOON_DAYS, obligationStatus, type ObligationStatus } from './obligation-status.ts';

/** What obligations need to know of a filing: which obligation or receipts it covers and when it was handed in. */
export interface FilingFact {
  readonly id: string;
  readonly obligationId: string;
  readonly form: string;
  readonly receiptIds: readonly string[];
  readonly state: 'draft' | 'submitted';
  readonly submittedOn: CalendarDate | null;
  readonly createdAt: string;
}

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

export interface DeriveObligationsInput {
  readonly organisation: string;
  readonly pack: RulePack;
  /** Every receipt of the organisation (not only those in the range). */
  readonly receipts: readonly Receipt[];
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
  const covered = input.receipts.filter((r) => isCovered(pack, r, categories.get(r.sourceId) ?? null));
  const ids = (kind: 'each-receipt' | 'period') => [...new Set(pack.obligations.filter((o) => o.trigger.kind === kind).map((o) => o.id))];
  for (const ruleId of ids('each-receipt')) {
    for (const r of covered) {
      if (r.receivedOn < input.from || r.receivedOn > input.to) continue;
      const version = obligationOn(pack, ruleId, r.receivedOn);
      if (!version || version.trigger.kind !== 'each-receipt') continue;
      const deadline = computeDeadline(pack, version.deadline, r.receivedOn, { uncovered: 'weekends-only' });
      if (!deadline.ok) return deadline;
      const notes = [...deadline.value.notes, ...(version.verified ? [] : [unverifiedNote(version)])];
      out.push(instance(input, version, { from: r.receivedOn, to: r.receivedOn, label: r.receivedOn }, r.id, deadline.value.due, version.citation, version.verified && deadline.value.verified, notes, [r.id]));
    }
  }
  for (const ruleId of ids('period')) {
    const periods = reportingPeriods(pack, ruleId, input.from, input.to, { uncovered: 'weekends-only' });
    if (!periods.ok) return periods;
    for (const p of periods.value) {
      const version = obligationOn(pack, ruleId, p.end);
      if (!version) continue;
      const inPeriod = (d: CalendarDate): boolean => d >= p.start && d <= p.end;
      const receiptIds = covered.filter((r) => inPeriod(r.receivedOn)).map((r) => r.id);
      if (!version.nilReturn && receiptIds.length === 0 && !input.expenditureDates.some(inPeriod)) continue;
      out.push(instance(input, version, { from: p.start, to: p.end, label: p.label }, p.label, p.due, p.citation, p.verified, p.notes, receiptIds));
    }
  }
  return ok(out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

function unverifiedNote(o: Obligation): string {
  return `unverified: ${o.title}${o.note ? ` (${o.note})` : ''}`;
}

function instance(
  input: DeriveObligationsInput,
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
  const related = input.filings.filter((f) => f.obligationId === id || (each && f.form === version.form.id && receiptIds.some((r) => f.receiptIds.includes(r))));
  const submitted = related.filter((f) => f.state === 'submitted' && f.submittedOn !== null && f.submittedOn <= input.asOf).sort((a, b) => ((a.submittedOn ?? '') < (b.submittedOn ?? '') ? -1 : 1));
  const first = submitted[0];
  const drafts = related.filter((f) => f.state === 'draft').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const submittedOn = first?.submittedOn ?? null;
  return {
    id,
    organisation: input.organisation,
    obligationId: version.id,
    title: version.title,
    trigger: each ? 'each-receipt' : 'period',
    form: version.form.id,
    formTitle: version.form.title,
    period,
    dueOn,
    status: obligationStatus(dueOn, submittedOn, input.asOf, input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
    citation: citation.text,
    citationUrl: citation.url ?? null,
    verified,
    notes,
    receiptIds,
    filingId: first?.id ?? drafts[0]?.id ?? null,
    submittedOn,
  };
}

/**
 * Whether a receipt falls under the pack: its source category is one the pack covers (an unknown
 * category counts as covered — lint asks for it), and it passes every threshold in force that
 * can be compared (same currency as the amount, or the ledger's KZT equivalent).
 */
export function isCovered(pack: RulePack, r: Receipt, category: string | null): boolean {
  const categories = pack.sourceCategories.filter((c) => inForceOn(c, r.receivedOn)).map((c) => c.id);
  if (pack.sourceCategories.length > 0 && category !== null && !categories.includes(category)) return false;
  for (const t of pack.thresholds.filter((x) => inForceOn(x, r.receivedOn))) {
    const currency = parseCurrency(t.currency);
    if (!currency.ok) continue;
    const limit = parseMinorUnits(t.amount, currency.value);
    if (!limit.ok) continue;
    const amount = receiptAmount(r.content);
    const value = amount && amount.currency === currency.value ? amount.minor : currency.value === 'KZT' ? r.kzt.kzt : null;
    if (value === null) continue;
    if (t.comparison === 'gt' ? value <= limit.value : value < limit.value) return false;
  }
  return true;
}

