import type { FilingContent, RateLine, ReceiptLine } from './filing-content.ts';

/** What the lint reads of a receipt line (lint-lines.ts, lint-filing.ts): no hash, no description. */
export interface LintReceiptLine {
  readonly id: string;
  readonly receivedOn: string;
  readonly kind: ReceiptLine['kind'];
  readonly amount: string | null;
  readonly currency: string | null;
  readonly propertyDescription: string | null;
  readonly equivalent: string | null;
  readonly rate: Pick<RateLine, 'status' | 'date'>;
  readonly source: ReceiptLine['source'];
  readonly grant: { readonly id: string } | null;
}

/** A filing's content as the lint reads it: the receipt lines cut to what it checks. */
export type LintedContent = Omit<FilingContent, 'receipts'> & {
  readonly receipts: readonly LintReceiptLine[];
};

/** The compact form's version: a view of another version is not read (the content is parsed instead). */
const VERSION = 'civicledger.lint-view/1';

/** One receipt line, positionally; `source` an index into the view's sources. */
type PackedLine = [
  id: string,
  receivedOn: string,
  kind: ReceiptLine['kind'],
  amount: string | null,
  currency: string | null,
  propertyDescription: string | null,
  equivalent: string | null,
  rateStatus: RateLine['status'],
  rateDate: string | null,
  source: number,
  grant: string | null,
];

interface PackedView {
  readonly version: typeof VERSION;
  readonly sources: readonly ReceiptLine['source'][];
  readonly receipts: readonly PackedLine[];
  /** The content without its receipt lines (expenditures, totals, obligation: few, kept whole). */
  readonly rest: Omit<FilingContent, 'receipts'>;
}

/**
 * The lint's view of a filing's content as compact JSON text, stored beside the content at prepare:
 * a half-year's report at a million receipts is ~40 MB of canonical JSON, which the lint would
 * parse into ~80,000 lines of eight objects each; the view is a fifth of it, each source once. Not
 * canonical and never hashed or shown: parseLintView gives back exactly what the lint reads of
 * `content`, member for member.
 */
export function lintViewText(content: FilingContent): string {
  const sources: ReceiptLine['source'][] = [];
  const at = new Map<string, number[]>();
  // Sources by their whole value (a line keeps the name and category it was filed with): looked
  // up by id, then compared member by member (an edited filing may differ line by line).
  const sourceIndex = (s: ReceiptLine['source']): number => {
    const same = at.get(s.id);
    for (const i of same ?? []) {
      const k = sources[i];
      if (k && k.name === s.name && k.category === s.category && k.country === s.country) return i;
    }
    const i = sources.length;
    sources.push({ id: s.id, name: s.name, category: s.category, country: s.country });
    if (same) same.push(i);
    else at.set(s.id, [i]);
    return i;
  };
  const receipts = content.receipts.map((r): PackedLine => [
    r.id,
    r.receivedOn,
    r.kind,
    r.amount,
    r.currency,
    r.propertyDescription,
    r.equivalent,
    r.rate.status,
    r.rate.date,
    sourceIndex(r.source),
    r.grant === null ? null : r.grant.id,
  ]);
  const { receipts: _lines, ...rest } = content;
  const view: PackedView = { version: VERSION, sources, receipts, rest };
  return JSON.stringify(view);
}

/** The content a lintViewText text was made from, as the lint reads it; undefined for another version. */
export function parseLintView(text: string): LintedContent | undefined {
  const view = JSON.parse(text) as PackedView;
  if (view.version !== VERSION) return undefined;
  const sources = view.sources;
  const receipts = view.receipts.map((a): LintReceiptLine => {
    const source = sources[a[9]];
    if (source === undefined) throw new Error(`lint view: line ${a[0]} names no source`);
    return {
      id: a[0],
      receivedOn: a[1],
      kind: a[2],
      amount: a[3],
      currency: a[4],
      propertyDescription: a[5],
      equivalent: a[6],
      rate: { status: a[7], date: a[8] },
      source,
      grant: a[10] === null ? null : { id: a[10] },
    };
  });
  return { ...view.rest, receipts };
}
