import type { CurrencyCode } from '../currency.ts';
import { splitProportionally, type Expenditure } from '../ledger/expenditure.ts';
import type { Grant } from '../ledger/grant.ts';
import type { KztEquivalent } from '../ledger/kzt-equivalent.ts';
import { formatScaledRate } from '../ledger/official-rate.ts';
import type { Receipt } from '../ledger/receipt.ts';
import type { ForeignSource } from '../ledger/source.ts';
import { canonicalJson, type CanonicalValue } from '../log/canonical-json.ts';
import { DERIVED_PENDING, deriveMemberInPlace } from '../log/derive-member-in-place.ts';
import { formatMinor } from '../money.ts';
import type { ObligationInstance } from '../obligations/derive-obligations.ts';
import {
  FILING_SCHEMA,
  type ExpenditureLine,
  type FilingContent,
  type FilingTotals,
  type GrantLine,
  type RateLine,
  type ReceiptLine,
} from './filing-content.ts';

export interface BuildFilingInput {
  readonly organisation: FilingContent['organisation'];
  readonly pack: FilingContent['pack'];
  /** The jurisdiction's currency (the rule pack's `currency`), which the ledger's equivalents are in. */
  readonly equivalentCurrency: CurrencyCode;
  readonly obligation: ObligationInstance;
  /** The receipts the filing reports (the obligation's), and the period's expenditures (none for a notification). */
  readonly receipts: readonly Receipt[];
  readonly expenditures: readonly Expenditure[];
  /** Every grant and source of the organisation, and every expenditure up to the period's end (for the grant columns). */
  readonly grants: readonly Grant[];
  readonly sources: readonly ForeignSource[];
  readonly expendituresToDate: readonly Expenditure[];
  readonly corrects: string | null;
  /** sha256 of a text, in hex (core does not hash: the caller passes it). */
  readonly sha256Hex: (text: string) => string;
}

/** T with member K writable (a line's recordHash, set once its text is hashed). */
type Mutable<T, K extends keyof T> = Omit<T, K> & { -readonly [P in K]: T[P] };

export function rateLine(k: KztEquivalent): RateLine {
  if (k.status === 'missing' || k.rate === null)
    return { date: null, note: k.note, source: null, status: k.status, text: null, units: null };
  return {
    date: k.rate.date,
    note: k.note,
    source: k.rate.source,
    status: k.status,
    text: formatScaledRate(k.rate.rate),
    units: k.rate.units,
  };
}

const equivalentOf = (k: KztEquivalent, base: CurrencyCode): string | null =>
  k.kzt === null ? null : formatMinor(k.kzt, base);

/**
 * Builds what a filing says from the ledger, for one obligation: every receipt line with its
 * source, grant, amount, rate and equivalent; every expenditure with its allocations; the grants
 * touched with what was received and spent; the totals. Lines are sorted by date then id, and
 * each carries the sha256 of its own canonical JSON (`recordHash`).
 */
export function buildFilingContent(input: BuildFilingInput): FilingContent {
  return buildFilingDocument(input).content;
}

/**
 * buildFilingContent with the content's canonical text (what is stored and hashed).
 */
export function buildFilingDocument(input: BuildFilingInput): { content: FilingContent; text: string } {
  const sources = new Map(input.sources.map((s) => [s.id as string, s]));
  const grants = new Map(input.grants.map((g) => [g.id as string, g]));
  const o = input.obligation;
  // Each line built with its recordHash pending, then hashed over its own canonical text (a
  // half-year's report holds tens of thousands of lines).
  const hashed = <T extends { recordHash: string }>(line: T): T => {
    deriveMemberInPlace(line, 'recordHash', input.sha256Hex);
    return line;
  };
  const byDate =
    <T extends { id: string }>(date: (x: T) => string) =>
    (a: T, b: T) =>
      date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

  const receipts: ReceiptLine[] = [...input.receipts].sort(byDate((r) => r.receivedOn)).map((r) => {
    const s = sources.get(r.sourceId);
    const g = r.grantId ? grants.get(r.grantId) : undefined;
    const amount = r.content.kind === 'money' ? r.content.amount : (r.content.valuation?.amount ?? null);
    return hashed<Mutable<ReceiptLine, 'recordHash'>>({
      amount: amount ? formatMinor(amount.minor, amount.currency) : null,
      currency: amount?.currency ?? null,
      description: r.description,
      equivalent: equivalentOf(r.kzt, input.equivalentCurrency),
      grant: r.grantId ? { agreementNumber: g?.agreementNumber ?? r.grantId, id: r.grantId } : null,
      id: r.id,
      kind: r.content.kind,
      propertyDescription: r.content.kind === 'property' ? r.content.description : null,
      rate: rateLine(r.kzt),
      receivedOn: r.receivedOn,
      recordHash: DERIVED_PENDING,
      source: {
        category: s?.category ?? null,
        country: s?.country ?? null,
        id: r.sourceId,
        name: s?.name ?? r.sourceId,
      },
      valuation:
        r.content.kind === 'property' && r.content.valuation
          ? { method: r.content.valuation.method, valuedOn: r.content.valuation.valuedOn }
          : null,
    });
  });
  const expenditures: ExpenditureLine[] = [...input.expenditures].sort(byDate((e) => e.spentOn)).map((e) =>
    hashed<Mutable<ExpenditureLine, 'recordHash'>>({
      allocations: e.allocations.map((a) => ({
        agreementNumber: grants.get(a.grantId)?.agreementNumber ?? null,
        amount: formatMinor(a.amount, e.amount.currency),
        grantId: a.grantId,
      })),
      amount: formatMinor(e.amount.minor, e.amount.currency),
      counterparty: e.counterparty,
      currency: e.amount.currency,
      description: e.description,
      equivalent: equivalentOf(e.kzt, input.equivalentCurrency),
      id: e.id,
      rate: rateLine(e.kzt),
      recordHash: DERIVED_PENDING,
      spentOn: e.spentOn,
    }),
  );
  const touched = new Set<string>([
    ...input.receipts.flatMap((r) => (r.grantId ? [r.grantId] : [])),
    ...input.expenditures.flatMap((e) => e.allocations.map((a) => a.grantId)),
  ]);
  const grantLines = [...touched].sort().flatMap((id) => {
    const g = grants.get(id);
    return g ? [grantLine(g, input, sources)] : [];
  });
  const notes = [...o.notes];
  if (receipts.some((r) => r.rate.status === 'carried-forward'))
    notes.push('some rates are carried forward from the last day a rate was published');
  const { organisation: org, pack } = input;
  // Every record written with its members in canonical order: the content reads as its canonical
  // text does, and that text is JSON.stringify's (canonical-json's fast path).
  const content: FilingContent = {
    corrects: input.corrects,
    equivalentCurrency: input.equivalentCurrency,
    expenditures,
    form: { id: o.form, title: o.formTitle },
    grants: grantLines,
    illustrative:
      input.receipts.some((x) => x.illustrative) || input.expenditures.some((x) => x.illustrative),
    notes,
    obligation: {
      citation: o.citation,
      citationUrl: o.citationUrl,
      dueOn: o.dueOn,
      id: o.id,
      period: { from: o.period.from, label: o.period.label, to: o.period.to },
      ruleId: o.obligationId,
      title: o.title,
      trigger: o.trigger,
      verified: o.verified,
    },
    organisation: { bin: org.bin, country: org.country, id: org.id, name: org.name },
    pack: { id: pack.id, jurisdiction: pack.jurisdiction, name: pack.name },
    receipts,
    schema: FILING_SCHEMA,
    totals: computeTotals(input.receipts, input.expenditures, sources, input.equivalentCurrency),
  };
  // The lines' texts were not kept: written whole, the document is one engine-written text (its
  // records are in canonical order) instead of tens of thousands of line texts the collector
  // would copy before they are joined.
  return { content, text: canonicalJson(content as unknown as CanonicalValue) };
}

function grantLine(
  g: Grant,
  input: BuildFilingInput,
  sources: ReadonlyMap<string, ForeignSource>,
): GrantLine {
  const c = g.amount.currency;
  const { from, to } = input.obligation.period;
  const received = input.receipts
    .filter((r) => r.grantId === g.id && r.content.kind === 'money' && r.content.amount.currency === c)
    .reduce((s, r) => s + (r.content.kind === 'money' ? r.content.amount.minor : 0n), 0n);
  const spentBetween = (lo: string, hi: string): bigint =>
    input.expendituresToDate
      .filter((e) => e.amount.currency === c && e.spentOn >= lo && e.spentOn <= hi)
      .reduce(
        (s, e) => s + e.allocations.filter((a) => a.grantId === g.id).reduce((t, a) => t + a.amount, 0n),
        0n,
      );
  const toDate = spentBetween('0000-01-01', to);
  return {
    agreementNumber: g.agreementNumber,
    amount: formatMinor(g.amount.minor, c),
    currency: c,
    id: g.id,
    periodFrom: g.periodFrom,
    periodTo: g.periodTo,
    receivedInPeriod: formatMinor(received, c),
    remaining: formatMinor(g.amount.minor - toDate, c),
    sourceName: sources.get(g.sourceId)?.name ?? g.sourceId,
    spentInPeriod: formatMinor(spentBetween(from, to), c),
    spentToDate: formatMinor(toDate, c),
  };
}

/** The totals of a filing, from the ledger records it reports (equivalents summed where present). */
export function computeTotals(
  receipts: readonly Receipt[],
  expenditures: readonly Expenditure[],
  sources: ReadonlyMap<string, { readonly category: string | null }>,
  equivalentCurrency: CurrencyCode,
): FilingTotals {
  const sum = (xs: readonly (bigint | null)[]): bigint => xs.reduce<bigint>((s, x) => s + (x ?? 0n), 0n);
  const categories = new Map<string, { count: number; minor: bigint }>();
  for (const r of receipts) {
    const key = sources.get(r.sourceId)?.category ?? 'unknown';
    const c = categories.get(key) ?? { count: 0, minor: 0n };
    categories.set(key, { count: c.count + 1, minor: c.minor + (r.kzt.kzt ?? 0n) });
  }
  const currencies = new Map<CurrencyCode, { received: bigint; spent: bigint }>();
  const bump = (currency: CurrencyCode, field: 'received' | 'spent', minor: bigint): void => {
    const c = currencies.get(currency) ?? { received: 0n, spent: 0n };
    currencies.set(currency, { ...c, [field]: c[field] + minor });
  };
  for (const r of receipts) {
    const a = r.content.kind === 'money' ? r.content.amount : r.content.valuation?.amount;
    if (a) bump(a.currency, 'received', a.minor);
  }
  for (const e of expenditures) bump(e.amount.currency, 'spent', e.amount.minor);
  const fmt = (minor: bigint): string => formatMinor(minor, equivalentCurrency);
  return {
    byCategory: [...categories.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([category, v]) => ({ category, count: v.count, equivalent: fmt(v.minor) })),
    byCurrency: [...currencies.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, v]) => ({
        currency,
        received: formatMinor(v.received, currency),
        spent: formatMinor(v.spent, currency),
      })),
    expenditureCount: expenditures.length,
    expendituresEquivalent: fmt(sum(expenditures.map((e) => e.kzt.kzt))),
    expendituresWithoutEquivalent: expenditures.filter((e) => e.kzt.kzt === null).length,
    receiptCount: receipts.length,
    receiptsEquivalent: fmt(sum(receipts.map((r) => r.kzt.kzt))),
    receiptsWithoutEquivalent: receipts.filter((r) => r.kzt.kzt === null).length,
  };
}

/** The equivalent's share of each allocation of an expenditure (they sum exactly to its equivalent); null when it has none. */
export function allocationEquivalents(e: Expenditure): (bigint | null)[] {
  if (e.kzt.kzt === null || e.allocations.length === 0) return e.allocations.map(() => null);
  const weights = e.allocations.map((a) => a.amount);
  if (weights.some((w) => w <= 0n)) return e.allocations.map(() => null);
  return splitProportionally(e.kzt.kzt, weights);
}
