import { mapFor, setBounded } from '@civic/core';
import {
  addDays,
  calendarDate,
  DEFAULT_DUE_SOON_DAYS,
  localizeObligation,
  OBLIGATION_STATUSES,
  ok,
  type CalendarDate,
  type Locale,
  type ObligationInstance,
  type ObligationStatus,
  type Result,
  type RulePack,
} from '@civic/core';
import {
  ledgerDaySpan,
  ledgerRevision,
  queryStoredObligations,
  readObligationCounts,
  writeObligationCounts,
  type StoredObligationWithStatus,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import type { OrganisationRow } from '../organisations.ts';
import { packKeyOf, refreshStoredObligations } from './stored-obligations.ts';

/** The list's question for one organisation, its dates already checked. */
export interface StoredListQuestion {
  readonly from: CalendarDate | undefined;
  readonly to: CalendarDate | undefined;
  readonly asOf: CalendarDate;
  readonly dueSoonDays: number | undefined;
  readonly dueFrom: CalendarDate | undefined;
  readonly dueTo: CalendarDate | undefined;
  readonly id?: string | undefined;
  readonly statuses: readonly string[] | undefined;
  readonly limit: number | undefined;
  readonly offset: number | undefined;
  readonly lang: Locale | undefined;
}

export interface StoredList {
  readonly obligations: readonly ObligationInstance[];
  readonly total: number;
  readonly counts: Record<ObligationStatus, number>;
}

// Answers kept per database while the organisation's ledger revision (moved by triggers on every
// change to its sources, receipts, expenditures and filings, by any process) stays the same: a
// page asked again at a steady rate does not count a million rows each time.
const MAX_ANSWERS = 32;
const answers = new WeakMap<object, Map<string, { revision: bigint; pack: RulePack; list: StoredList }>>();
// Answers being computed, by the same key: requests that miss together (a new process under a
// steady load, or the first after a change) wait for the one answer instead of each refreshing and
// counting again (at a million receipts, 40 such requests made 600-800 queries and queued on the pool).
const pending = new WeakMap<
  object,
  Map<string, { revision: bigint; pack: RulePack; list: Promise<Result<StoredList>> }>
>();

/**
 * One organisation's obligations from the stored rows, brought up to date first: the same list,
 * counts and page as deriving them afresh (listObligations), without reading the whole ledger.
 */
export async function storedObligationList(
  ctx: AppContext,
  organisation: OrganisationRow,
  pack: RulePack,
  q: StoredListQuestion,
): Promise<Result<StoredList>> {
  const cache = mapFor(answers, ctx.store);
  const computing = mapFor(pending, ctx.store);
  const key = JSON.stringify([organisation.id, q]);
  // The revision before the rows: a change racing this answer leaves it under the older revision.
  const revision = await ledgerRevision(ctx.store.db, organisation.id);
  const hit = cache.get(key);
  if (hit && hit.revision === revision && hit.pack === pack) return ok(hit.list);
  const same = computing.get(key);
  if (same && same.revision === revision && same.pack === pack) return same.list;
  const list = answer(ctx, organisation, pack, q, revision);
  computing.set(key, { revision, pack, list });
  try {
    const done = await list;
    if (done.ok) setBounded(cache, key, { revision, pack, list: done.value }, MAX_ANSWERS);
    return done;
  } finally {
    if (computing.get(key)?.list === list) computing.delete(key);
  }
}

async function answer(
  ctx: AppContext,
  organisation: OrganisationRow,
  pack: RulePack,
  q: StoredListQuestion,
  revision: bigint,
): Promise<Result<StoredList>> {
  const counts = Object.fromEntries(OBLIGATION_STATUSES.map((x) => [x, 0])) as Record<
    ObligationStatus,
    number
  >;
  const refreshed = await refreshStoredObligations(ctx, organisation.id, pack);
  if (!refreshed.ok) return refreshed;
  const to = q.to ?? q.asOf;
  let from = q.from;
  if (from === undefined) {
    // The default range starts at the first record (listObligations' ledgerSpan).
    const span = await ledgerDaySpan(ctx.store.db, organisation.id);
    if (!span) return ok({ obligations: [], total: 0, counts });
    from = calendarDate(span.first);
  }
  if (from > to) return ok({ obligations: [], total: 0, counts });
  const question = {
    from,
    to,
    asOf: q.asOf,
    dueSoonUntil: addDays(q.asOf, Math.floor(q.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS)),
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    id: q.id,
  };
  // The counts of the same question at the same revision, kept by an earlier process.
  const key = JSON.stringify([packKeyOf(pack), question]);
  const known = await readObligationCounts(ctx.store.db, organisation.id, key, revision);
  const page = await queryStoredObligations(ctx.store.db, organisation.id, {
    ...question,
    statuses: q.statuses,
    limit: q.limit,
    offset: q.offset,
    inDueOrder: q.from === undefined,
    knownCounts: known,
  });
  if (!known) await writeObligationCounts(ctx.store.db, organisation.id, key, revision, page.counts);
  for (const [s, n] of page.counts) if (s in counts) counts[s as ObligationStatus] = n;
  // A few texts are shared by every row (a title, a citation): each parsed once, not per row.
  const texts = new Map<string, TextFields>();
  const textOf = (key: string): TextFields => {
    let t = texts.get(key);
    if (!t) {
      t = JSON.parse(page.texts.get(key) ?? '["","","",null,[]]') as TextFields;
      texts.set(key, t);
    }
    return t;
  };
  // Days repeat across rows (a half-year's notifications fall on 180 days): each checked once.
  const days = new Map<string, CalendarDate>();
  const day = (text: string): CalendarDate => {
    let d = days.get(text);
    if (d === undefined) {
      d = calendarDate(text);
      days.set(text, d);
    }
    return d;
  };
  const obligations = page.rows.map((r) => {
    const o = instanceOf(organisation.id, r, textOf(r.textKey), q.asOf, day);
    return q.lang ? localizeObligation(o, pack, q.lang) : o;
  });
  return ok({ obligations, total: page.total, counts });
}

/** An obligation_text body: title, form title, citation, its address and the notes. */
type TextFields = readonly [string, string, string, string | null, readonly string[]];

function instanceOf(
  organisation: string,
  r: StoredObligationWithStatus,
  text: TextFields,
  asOf: CalendarDate,
  day: (text: string) => CalendarDate,
): ObligationInstance {
  const [title, formTitle, citation, citationUrl, shared] = text;
  const notes = [...shared];
  const submitted = r.submittedOn !== null && r.submittedOn <= asOf;
  return {
    id: r.id,
    organisation,
    obligationId: r.obligationId,
    title,
    trigger: r.trigger,
    form: r.form,
    formTitle,
    period: { from: day(r.periodFrom), to: day(r.periodTo), label: r.periodLabel },
    dueOn: day(r.dueOn),
    status: r.status as ObligationStatus,
    citation,
    citationUrl,
    verified: r.verified,
    notes,
    receiptIds: r.receiptIds,
    filingId: submitted ? r.submittedId : r.draftId,
    submittedOn: submitted && r.submittedOn !== null ? day(r.submittedOn) : null,
  };
}
