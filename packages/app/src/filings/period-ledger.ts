import {
  addDays,
  calendarDate,
  DEFAULT_DUE_SOON_DAYS,
  type CalendarDate,
  type NotificationOf,
  type ObligationStatus,
  type Expenditure,
  type ObligationInstance,
  type Receipt,
  type Result,
  type RulePack,
  ok,
} from '@civic/core';
import {
  listExpenditures as listExpenditureRows,
  listFilingHeads,
  listReceipts as listReceiptRows,
  queryNotificationStates,
  type NotificationState,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { listGrants, listSources } from '../ledger/ledger-entities.ts';
import type { OrganisationRow } from '../organisations.ts';
import { listObligations } from './list-obligations.ts';
import type { OrganisationLedger } from './organisation-ledger.ts';
import { refreshStoredObligations, storablePack } from './stored-obligations.ts';

// A filing is prepared and linted from its period's records, read by range (the date indexes),
// not from the whole ledger: the receipts and expenditures of the period, and for every grant the
// period receives under or spends from (or the stored filing's lines name), the receipts and
// expenditures under it up to the period's end (its balance to date); with the records a stored
// filing's lines name wherever they are now. Its obligation and the notifications of its
// receipts come from the stored obligations.

export interface PeriodLines {
  readonly receiptIds: readonly string[];
  readonly expenditureIds: readonly string[];
  /** The grants the lines' allocations name, as the filing states them. */
  readonly grantIds?: readonly string[];
}

/** Whether a pack's filings can be scoped to their period (its obligations are stored). */
export const periodScoped = (pack: RulePack): boolean => storablePack(pack);

/** The records a filing for `period` is built and checked from, as an OrganisationLedger. */
export async function readPeriodLedger(
  ctx: AppContext,
  organisation: OrganisationRow,
  pack: RulePack,
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  lines: PeriodLines = { receiptIds: [], expenditureIds: [] },
): Promise<OrganisationLedger> {
  const org = organisation.id;
  const db = ctx.store.db;
  const [inPeriod, spentIn, grants, sources, filings] = await Promise.all([
    // In any order: sorted below with every other record read.
    listReceiptRows(db, org, { from: period.from, to: period.to, order: 'none' }),
    listExpenditureRows(db, org, { from: period.from, to: period.to }),
    listGrants(ctx, org),
    listSources(ctx, org),
    listFilingHeads(db, { organisation: org }),
  ]);
  const receipts = new Map<string, Receipt>(inPeriod.map((r) => [r.id, r]));
  const expenditures = new Map<string, Expenditure>(spentIn.map((e) => [e.id, e]));
  // A stored filing's lines are mostly the period's receipts, read already: only the few others
  // are collected (and made unique), not a set of tens of thousands of ids.
  const elsewhere = (ids: readonly string[], have: ReadonlyMap<string, unknown>) => [
    ...new Set(ids.filter((id) => !have.has(id))),
  ];
  const named = {
    receipts: await listReceiptRows(db, org, { ids: elsewhere(lines.receiptIds, receipts) }),
    expenditures: await listExpenditureRows(db, org, { ids: lines.expenditureIds }),
  };
  // The grants spent from (a filing's balance check): their receipts and expenditures to the
  // period's end; the grants received under: their expenditures to then (the spent-to-date column).
  const spentFrom = new Set<string>(lines.grantIds ?? []);
  for (const e of [...expenditures.values(), ...named.expenditures])
    for (const a of e.allocations) spentFrom.add(a.grantId);
  const touched = new Set<string>(spentFrom);
  for (const r of [...receipts.values(), ...named.receipts]) if (r.grantId) touched.add(r.grantId);
  for (const r of named.receipts) receipts.set(r.id, r);
  for (const e of named.expenditures) expenditures.set(e.id, e);
  for (const grantId of [...spentFrom].sort())
    for (const r of await listReceiptRows(db, org, { grantId, to: period.to })) receipts.set(r.id, r);
  for (const grantId of [...touched].sort())
    for (const e of await listExpenditureRows(db, org, { grantId, to: period.to })) expenditures.set(e.id, e);
  // Each day read once a comparison (a period's tens of thousands of receipts come in any order).
  const byDay =
    <T extends { id: string }>(day: (x: T) => string) =>
    (a: T, b: T) => {
      const dayA = day(a);
      const dayB = day(b);
      return dayA < dayB ? -1 : dayA > dayB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
  const expenditureList = [...expenditures.values()].sort(byDay((e) => e.spentOn));
  return {
    organisation,
    pack,
    receipts: [...receipts.values()].sort(byDay((r) => r.receivedOn)),
    expenditures: expenditureList,
    expenditureDates: expenditureList.map((e) => e.spentOn),
    grants,
    sources,
    filings,
  };
}

/**
 * The obligation `id` (when its period meets [first record, horizon]) and the notifications of the
 * given receipts, with statuses on `asOf`: what a whole-ledger derivation up to `horizon` gives
 * for them, read from the stored obligations of the period and of the days the receipts are on.
 * The notifications come as their states only (one per receipt: the first by due day, then id),
 * not as whole obligations: a half-year's report has one for each of tens of thousands of receipts.
 */
export async function periodObligations(
  ctx: AppContext,
  organisation: OrganisationRow,
  pack: RulePack,
  q: {
    readonly obligationId: string;
    readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
    readonly receipts: readonly Receipt[];
    readonly asOf: CalendarDate;
    readonly horizon: CalendarDate;
  },
): Promise<Result<{ obligation: ObligationInstance | null; notifications: NotificationOf[] }>> {
  const clamp = (to: CalendarDate): CalendarDate => (to > q.horizon ? q.horizon : to);
  let obligation: ObligationInstance | null = null;
  if (q.period.from <= q.horizon) {
    // Brings the stored obligations up to date, then reads the one asked for.
    const r = await listObligations(ctx, {
      org: organisation.id,
      pack: pack.id,
      from: q.period.from,
      to: clamp(q.period.to),
      asOf: q.asOf,
      id: q.obligationId,
    });
    if (!r.ok) return r;
    obligation = r.value.obligations.find((o) => o.id === q.obligationId) ?? null;
  } else {
    const r = await refreshStoredObligations(ctx, organisation.id, pack);
    if (!r.ok) return r;
  }
  const spans = [{ from: q.period.from, to: q.period.to }];
  const days = new Set(
    q.receipts.map((r) => r.receivedOn).filter((d) => d < q.period.from || d > q.period.to),
  );
  for (const day of [...days].sort()) spans.push({ from: day, to: day });
  const notifications = await notificationStates(ctx, organisation.id, {
    spans: spans.filter((x) => x.from <= q.horizon).map((x) => ({ from: x.from, to: clamp(x.to) })),
    asOf: q.asOf,
  });
  return ok({ obligation, notifications });
}

/**
 * The stored notifications of the receipts on the spans' days, as their states on asOf: one per
 * receipt, the first by due day, then id (as the obligations list would order them).
 */
async function notificationStates(
  ctx: AppContext,
  organisation: string,
  q: { readonly spans: readonly { from: CalendarDate; to: CalendarDate }[]; readonly asOf: CalendarDate },
): Promise<NotificationOf[]> {
  const first = new Map<string, NotificationState>();
  const dueSoonUntil = addDays(q.asOf, DEFAULT_DUE_SOON_DAYS);
  for (const span of q.spans)
    for (const n of await queryNotificationStates(ctx.store.db, organisation, {
      ...span,
      asOf: q.asOf,
      dueSoonUntil,
    })) {
      const had = first.get(n.receiptId);
      if (!had || n.dueOn < had.dueOn || (n.dueOn === had.dueOn && n.id < had.id)) first.set(n.receiptId, n);
    }
  // Days repeat (a half-year's notifications fall on 180 days): each checked once.
  const dates = new Map<string, CalendarDate>();
  const day = (text: string): CalendarDate => {
    let d = dates.get(text);
    if (d === undefined) {
      d = calendarDate(text);
      dates.set(text, d);
    }
    return d;
  };
  return [...first.values()].map((n): NotificationOf => {
    const submitted = n.submittedOn !== null && n.submittedOn <= q.asOf;
    return {
      id: n.id,
      trigger: 'each-receipt',
      form: n.form,
      dueOn: day(n.dueOn),
      status: n.status as ObligationStatus,
      submittedOn: submitted && n.submittedOn !== null ? day(n.submittedOn) : null,
      receiptIds: [n.receiptId],
    };
  });
}
