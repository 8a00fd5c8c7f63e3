import {
  type CalendarDate,
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
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { listGrants, listSources } from '../ledger/ledger-entities.ts';
import type { OrganisationRow } from '../organisations.ts';
import { listObligations } from './list-obligations.ts';
import type { OrganisationLedger } from './organisation-ledger.ts';
import { storablePack } from './stored-obligations.ts';

// A filing is prepared and linted from its period's records, read by range (the date indexes),
// not from the whole ledger: the receipts of the period, the expenditures up to its end (the
// balance to date), every receipt under a grant the period spends from up to its end (the grant's
// balance), and the records a stored filing's lines name wherever they are now. Its obligation
// and the notifications of its receipts come from the stored obligations.

export interface PeriodLines {
  readonly receiptIds: readonly string[];
  readonly expenditureIds: readonly string[];
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
  const [inPeriod, toDate, grants, sources, filings] = await Promise.all([
    listReceiptRows(db, org, { from: period.from, to: period.to }),
    listExpenditureRows(db, org, { to: period.to }),
    listGrants(ctx, org),
    listSources(ctx, org),
    listFilingHeads(db, { organisation: org }),
  ]);
  const receipts = new Map<string, Receipt>(inPeriod.map((r) => [r.id, r]));
  const expenditures = new Map<string, Expenditure>(toDate.map((e) => [e.id, e]));
  const elsewhere = (ids: readonly string[], have: ReadonlyMap<string, unknown>) =>
    [...new Set(ids)].filter((id) => !have.has(id));
  for (const r of await listReceiptRows(db, org, { ids: elsewhere(lines.receiptIds, receipts) }))
    receipts.set(r.id, r);
  for (const e of await listExpenditureRows(db, org, { ids: elsewhere(lines.expenditureIds, expenditures) }))
    expenditures.set(e.id, e);
  const spentFrom = new Set(
    [...expenditures.values()]
      .filter((e) => e.spentOn >= period.from && e.spentOn <= period.to)
      .flatMap((e) => e.allocations.map((a) => a.grantId as string)),
  );
  for (const e of await listExpenditureRows(db, org, { ids: lines.expenditureIds }))
    for (const a of e.allocations) spentFrom.add(a.grantId);
  for (const grantId of [...spentFrom].sort())
    for (const r of await listReceiptRows(db, org, { grantId, to: period.to })) receipts.set(r.id, r);
  const byDay =
    <T extends { id: string }>(day: (x: T) => string) =>
    (a: T, b: T) =>
      day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
): Promise<Result<{ obligation: ObligationInstance | null; notifications: ObligationInstance[] }>> {
  const ask = async (from: CalendarDate, to: CalendarDate) => {
    if (from > q.horizon) return ok([] as readonly ObligationInstance[]);
    const r = await listObligations(ctx, {
      org: organisation.id,
      pack: pack.id,
      from,
      to: to > q.horizon ? q.horizon : to,
      asOf: q.asOf,
    });
    return r.ok ? ok(r.value.obligations) : r;
  };
  const inPeriod = await ask(q.period.from, q.period.to);
  if (!inPeriod.ok) return inPeriod;
  const notifications = inPeriod.value.filter((o) => o.trigger === 'each-receipt');
  const days = new Set(
    q.receipts.map((r) => r.receivedOn).filter((d) => d < q.period.from || d > q.period.to),
  );
  for (const day of [...days].sort()) {
    const more = await ask(day, day);
    if (!more.ok) return more;
    notifications.push(...more.value.filter((o) => o.trigger === 'each-receipt'));
  }
  return ok({ obligation: inPeriod.value.find((o) => o.id === q.obligationId) ?? null, notifications });
}
