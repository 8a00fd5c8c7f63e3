import { domainError, err, ok, type ObligationInstance, type Result } from '@civic/core';
import { renderICalendar, type CalendarEvent } from '@civic/formats';
import type { AppContext } from '../context.ts';
import { organisations, resolveOrganisation, type OrganisationRow } from '../organisations.ts';
import { ledgerSpan, obligationsOf, optionalDate, readOrganisationLedger, today } from './organisation-ledger.ts';

export interface ListObligationsInput {
  /** Organisation id, name or BIN; all organisations of the database when left out. */
  readonly org?: string | undefined;
  /** Obligations whose receipt day or reporting period falls in [from, to]. Default: the first record to asOf. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The day statuses are computed for (default: today). */
  readonly asOf?: string | undefined;
  /** A rule pack id; default: the pack of the organisation's country. */
  readonly pack?: string | undefined;
  /** Calendar days before the due day an obligation counts as `due` (default 10). */
  readonly dueSoonDays?: number | undefined;
}

export interface ObligationList {
  readonly asOf: string;
  readonly obligations: readonly ObligationInstance[];
}

/**
 * Every obligation of an organisation (or of each in the database) derived afresh from the
 * ledger and its rule pack, with its due day, citation, verified state and status on `asOf`
 * (see core obligationStatus). Nothing is stored: statuses follow the records.
 */
export async function listObligations(ctx: AppContext, input: ListObligationsInput = {}): Promise<Result<ObligationList>> {
  const from = optionalDate(input.from, 'from');
  if (!from.ok) return from;
  const to = optionalDate(input.to, 'to');
  if (!to.ok) return to;
  const asOfDate = optionalDate(input.asOf, 'as-of');
  if (!asOfDate.ok) return asOfDate;
  const asOf = asOfDate.value ?? today(ctx);
  if (from.value && to.value && from.value > to.value) return err(domainError('OBLIGATION_RANGE_INVALID', `--from ${from.value} is after --to ${to.value}`, { field: 'from' }));
  let orgs: OrganisationRow[];
  if (input.org) {
    const r = await resolveOrganisation(ctx, input.org);
    if (!r.ok) return r;
    orgs = [r.value];
  } else orgs = await organisations(ctx);
  const out: ObligationInstance[] = [];
  for (const o of orgs) {
    const l = await readOrganisationLedger(ctx, o, input.pack);
    if (!l.ok) {
      if (!input.org && l.error.code === 'OBLIGATION_PACK_NOT_FOUND') continue;
      return l;
    }
    const span = ledgerSpan(l.value);
    const rangeFrom = from.value ?? span?.first ?? asOf;
    const rangeTo = to.value ?? asOf;
    if (rangeFrom > rangeTo) continue;
    const list = obligationsOf(l.value, { from: rangeFrom, to: rangeTo, asOf, dueSoonDays: input.dueSoonDays });
    if (!list.ok) return list;
    out.push(...list.value);
  }
  return ok({ asOf, obligations: out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1)) });
}

/** The obligations as an iCalendar (RFC 5545): one all-day event on each due day, with reminders. */
export async function obligationsCalendar(ctx: AppContext, input: ListObligationsInput & { alarmDays?: readonly number[] } = {}): Promise<Result<string>> {
  const list = await listObligations(ctx, input);
  if (!list.ok) return list;
  const names = new Map((await organisations(ctx)).map((o) => [o.id, o.name]));
  const events: CalendarEvent[] = list.value.obligations.map((o) => ({
    uid: `${o.id}@civicledger`,
    date: o.dueOn,
    summary: `${o.form}: ${o.title} — ${names.get(o.organisation) ?? o.organisation} (${o.period.label})`,
    description: [
      `Status on ${list.value.asOf}: ${o.status}`,
      `Period: ${o.period.from} — ${o.period.to}`,
      `Legal basis: ${o.citation}${o.verified ? '' : ' (UNVERIFIED: check against the official text)'}`,
      ...(o.receiptIds.length > 0 ? [`Receipts: ${o.receiptIds.join(', ')}`] : []),
      ...(o.filingId ? [`Filing: ${o.filingId}${o.submittedOn ? ` submitted ${o.submittedOn}` : ''}`] : []),
      ...o.notes,
    ].join('\n'),
    categories: [o.form, o.status, ...(o.verified ? [] : ['unverified'])],
    status: 'CONFIRMED',
    ...(o.status === 'upcoming' || o.status === 'due' ? { alarms: (input.alarmDays ?? [3, 1]).map((daysBefore) => ({ daysBefore })) } : {}),
    ...(o.citationUrl ? { url: o.citationUrl } : {}),
  }));
  return ok(renderICalendar(events, { dtstamp: ctx.now(), name: 'CivicLedger obligations' }));
}
