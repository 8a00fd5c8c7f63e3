import {
  calendarDate,
  deriveObligations,
  domainError,
  err,
  ok,
  parseCalendarDate,
  type CalendarDate,
  type Expenditure,
  type FilingFact,
  type ForeignSource,
  type Grant,
  type ObligationInstance,
  type ObligationReceipt,
  type Receipt,
  type Result,
  type RulePack,
  packToday,
  localDateAt,
  UTC_ZONE,
} from '@civic/core';
import { listExpenditureDays, listFilingHeads, listObligationReceipts, type FilingHead } from '@civic/store';
import type { AppContext } from '../context.ts';
import { listExpenditures, listReceipts } from '../ledger/ledger-records.ts';
import { listGrants, listSources } from '../ledger/ledger-entities.ts';
import type { OrganisationRow } from '../organisations.ts';
import { listRulePacks, loadRulePack } from '../rules/load-rule-pack.ts';

/** What the obligations of one organisation are derived from (lean: enough to list them). */
export interface ObligationLedger {
  readonly organisation: OrganisationRow;
  readonly pack: RulePack;
  readonly receipts: readonly ObligationReceipt[];
  readonly expenditureDates: readonly CalendarDate[];
  readonly sources: readonly { readonly id: string; readonly category: string | null }[];
  readonly filings: readonly FilingHead[];
}

/** Everything the obligations and filings of one organisation are computed from, read once. */
export interface OrganisationLedger extends ObligationLedger {
  readonly receipts: readonly Receipt[];
  readonly expenditures: readonly Expenditure[];
  readonly grants: readonly Grant[];
  readonly sources: readonly ForeignSource[];
}

/** The pack for an organisation: the one asked for, else the pack whose jurisdiction is the organisation's country. */
export async function packFor(organisation: OrganisationRow, packId?: string): Promise<Result<RulePack>> {
  if (packId) return loadRulePack(packId);
  const match = (await listRulePacks()).find((p) => p.valid && p.jurisdiction === organisation.country);
  if (!match)
    return err(
      domainError(
        'OBLIGATION_PACK_NOT_FOUND',
        `no rule pack for ${organisation.country} (the country of ${organisation.name}): pass --pack`,
        { field: 'pack' },
      ),
    );
  return loadRulePack(match.id);
}

export async function readOrganisationLedger(
  ctx: AppContext,
  organisation: OrganisationRow,
  packId?: string,
): Promise<Result<OrganisationLedger>> {
  const pack = await packFor(organisation, packId);
  if (!pack.ok) return pack;
  const org = organisation.id;
  const [receipts, expenditures, grants, sources, filings] = await Promise.all([
    listReceipts(ctx, org),
    listExpenditures(ctx, org),
    listGrants(ctx, org),
    listSources(ctx, org),
    listFilingHeads(ctx.store.db, { organisation: org }),
  ]);
  return ok({
    organisation,
    pack: pack.value,
    receipts,
    expenditures,
    expenditureDates: expenditures.map((e) => e.spentOn),
    grants,
    sources,
    filings,
  });
}

/** The lean read behind the obligations list: receipts as obligations see them, the days money was spent. */
export async function readObligationLedger(
  ctx: AppContext,
  organisation: OrganisationRow,
  pack: RulePack,
): Promise<ObligationLedger> {
  const org = organisation.id;
  const [receipts, expenditureDates, sources, filings] = await Promise.all([
    listObligationReceipts(ctx.store.db, org),
    listExpenditureDays(ctx.store.db, org),
    listSources(ctx, org),
    listFilingHeads(ctx.store.db, { organisation: org }),
  ]);
  return { organisation, pack, receipts, expenditureDates, sources, filings };
}

export function filingFacts(filings: readonly FilingHead[]): FilingFact[] {
  return filings.map((f) => ({
    id: f.id,
    obligationId: f.obligationId,
    form: f.form,
    receiptIds: f.receiptIds,
    state: f.state,
    submittedOn: f.submission ? calendarDate(f.submission.submittedOn) : null,
    createdAt: f.createdAt,
  }));
}

/** Today for the pack's legal computations: the date in its time zone at the context's clock (never the UTC date). */
export const today = (ctx: AppContext, pack: RulePack): CalendarDate => packToday(pack, ctx.now());

export function optionalDate(text: string | undefined, field: string): Result<CalendarDate | undefined> {
  if (text === undefined) return ok(undefined);
  return parseCalendarDate(text, field);
}

/** The first and last days of the ledger's records (for a default range), or undefined when there are none. */
export function ledgerSpan(l: ObligationLedger): { first: CalendarDate; last: CalendarDate } | undefined {
  let first: CalendarDate | undefined;
  let last: CalendarDate | undefined;
  const see = (d: CalendarDate) => {
    if (first === undefined || d < first) first = d;
    if (last === undefined || d > last) last = d;
  };
  for (const r of l.receipts) see(r.receivedOn);
  for (const d of l.expenditureDates) see(d);
  return first && last ? { first, last } : undefined;
}

/** Every obligation of the organisation whose receipt day or period falls in [from, to], with statuses on asOf. */
export function obligationsOf(
  l: ObligationLedger,
  range: { from: CalendarDate; to: CalendarDate; asOf: CalendarDate; dueSoonDays?: number | undefined },
): Result<ObligationInstance[]> {
  return deriveObligations({
    organisation: l.organisation.id,
    pack: l.pack,
    receipts: l.receipts,
    sources: l.sources,
    expenditureDates: l.expenditureDates,
    filings: filingFacts(l.filings),
    from: range.from,
    to: range.to,
    asOf: range.asOf,
    ...(range.dueSoonDays === undefined ? {} : { dueSoonDays: range.dueSoonDays }),
  });
}

/** All obligations over the whole ledger (up to asOf or the last record, whichever is later). */
export function allObligationsOf(l: ObligationLedger, asOf: CalendarDate): Result<ObligationInstance[]> {
  const span = ledgerSpan(l);
  if (!span) return ok([]);
  return obligationsOf(l, { from: span.first, to: span.last > asOf ? span.last : asOf, asOf });
}

/**
 * Today for an organisation: the date in its rule pack's time zone at the context's clock (the
 * web app's default submission day and "today"); in UTC when no pack covers its country.
 */
export async function organisationToday(
  ctx: AppContext,
  organisation: OrganisationRow,
): Promise<CalendarDate> {
  const pack = await packFor(organisation);
  return pack.ok ? today(ctx, pack.value) : localDateAt(ctx.now(), UTC_ZONE);
}
