import type { CalendarDate } from '../calendar-date.ts';

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

/** Filings by the obligation they were made for, and by each receipt they cover (one lookup per instance, not a scan). */
export interface FilingIndex {
  readonly byObligation: ReadonlyMap<string, readonly FilingFact[]>;
  readonly byReceipt: ReadonlyMap<string, readonly FilingFact[]>;
  /** Each filing's place in the input (the order ties are broken in). */
  readonly position: ReadonlyMap<FilingFact, number>;
}

export function indexFilings(filings: readonly FilingFact[]): FilingIndex {
  const byObligation = new Map<string, FilingFact[]>();
  const byReceipt = new Map<string, FilingFact[]>();
  const add = (map: Map<string, FilingFact[]>, key: string, f: FilingFact) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of filings) {
    add(byObligation, f.obligationId, f);
    for (const r of new Set(f.receiptIds)) add(byReceipt, r, f);
  }
  return { byObligation, byReceipt, position: new Map(filings.map((f, i) => [f, i])) };
}

/** The filings made for an obligation or (for a notification) covering one of its receipts on its form, in input order. */
function relatedFilings(
  filings: FilingIndex,
  obligationId: string,
  receiptIds: readonly string[],
  form: string,
): FilingFact[] {
  const direct = filings.byObligation.get(obligationId);
  const viaReceipts = receiptIds
    .flatMap((r) => filings.byReceipt.get(r) ?? [])
    .filter((f) => f.form === form);
  if (viaReceipts.length === 0) return direct ? [...direct] : [];
  return [...new Set([...(direct ?? []), ...viaReceipts])].sort(
    (a, b) => (filings.position.get(a) ?? 0) - (filings.position.get(b) ?? 0),
  );
}

/** Where an obligation's filings stand on any day: its first submission (ties: the first recorded) and its latest draft. */
export interface ObligationFilingState {
  readonly submitted: FilingFact | undefined;
  readonly draft: FilingFact | undefined;
}

/**
 * The filing state of one obligation: for a notification (`each`) the filings made for it or
 * covering its receipt on its form, else those made for it. The first submission on or before a
 * day is `submitted` when it is on or before that day (an earlier one would be earlier still), so
 * the state can be stored once and read for any day.
 */
export function filingStateOf(
  filings: FilingIndex,
  obligationId: string,
  receiptIds: readonly string[],
  form: string,
  each: boolean,
): ObligationFilingState {
  const list = relatedFilings(filings, obligationId, each ? receiptIds : [], form);
  let submitted: FilingFact | undefined;
  let draft: FilingFact | undefined;
  for (const f of list) {
    if (f.state === 'submitted' && f.submittedOn !== null) {
      if (!submitted || (submitted.submittedOn ?? '') > f.submittedOn) submitted = f;
    } else if (f.state === 'draft' && (!draft || draft.createdAt < f.createdAt)) draft = f;
  }
  return { submitted, draft };
}
