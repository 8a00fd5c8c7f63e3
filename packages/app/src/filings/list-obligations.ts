import {
  domainError,
  err,
  labelOf,
  localizeObligation,
  localDateAt,
  ok,
  OBLIGATION_STATUSES,
  OBLIGATION_STATUS_LABELS,
  reportText,
  UTC_ZONE,
  type CalendarDate,
  type Locale,
  type ObligationInstance,
  type ObligationStatus,
  type Result,
  type RulePack,
} from '@civic/core';
import { renderICalendar, type CalendarEvent } from '@civic/formats';
import type { AppContext } from '../context.ts';
import { organisations, resolveOrganisation, type OrganisationRow } from '../organisations.ts';
import { cachedObligations, type CachedObligations } from './obligations-cache.ts';
import { storedObligationList } from './stored-obligations-list.ts';
import { storablePack } from './stored-obligations.ts';
import {
  ledgerSpan,
  obligationsOf,
  optionalDate,
  packFor,
  readObligationLedger,
  today,
} from './organisation-ledger.ts';

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
  /** Only obligations due on or after / on or before these days (a calendar month, say). */
  readonly dueFrom?: string | undefined;
  readonly dueTo?: string | undefined;
  /** Only the obligation with this id (a filing's, say). */
  readonly id?: string | undefined;
  /** Only obligations with one of these statuses (default: all). */
  readonly status?: readonly string[] | undefined;
  /** A page of the (filtered) list: at most `limit` after skipping `offset` (default: all). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  /**
   * The language of the words people read: titles, form titles, period names and legal bases come
   * from the pack in it (`legalBasis` is then added). Left out: the pack's English, no legalBasis.
   */
  readonly lang?: Locale | undefined;
}

export interface ObligationList {
  readonly asOf: string;
  /** Sorted by due day, then id; the page asked for (all when no limit). */
  readonly obligations: readonly ObligationInstance[];
  /** How many obligations the status filter keeps (before paging). */
  readonly total: number;
  /** How many obligations there are of each status (before the status filter, after the due-day one). */
  readonly counts: Readonly<Record<ObligationStatus, number>>;
}

/**
 * Every obligation of an organisation (or of each in the database) derived afresh from the
 * ledger and its rule pack, with its due day, citation, verified state and status on `asOf`
 * (see core obligationStatus). Nothing is stored: statuses follow the records.
 */
export async function listObligations(
  ctx: AppContext,
  input: ListObligationsInput = {},
): Promise<Result<ObligationList>> {
  const from = optionalDate(input.from, 'from');
  if (!from.ok) return from;
  const to = optionalDate(input.to, 'to');
  if (!to.ok) return to;
  const asOfDate = optionalDate(input.asOf, 'as-of');
  if (!asOfDate.ok) return asOfDate;
  // "Today" is each pack's (its time zone's date), so it is settled per organisation below.
  let shownAsOf: CalendarDate | undefined = asOfDate.value;
  if (from.value && to.value && from.value > to.value)
    return err(
      domainError('OBLIGATION_RANGE_INVALID', `--from ${from.value} is after --to ${to.value}`, {
        field: 'from',
      }),
    );
  const dueFrom = optionalDate(input.dueFrom, 'dueFrom');
  if (!dueFrom.ok) return dueFrom;
  const dueTo = optionalDate(input.dueTo, 'dueTo');
  if (!dueTo.ok) return dueTo;
  const statuses = input.status?.filter((x) => x !== '');
  const unknown = statuses?.find((x) => !(OBLIGATION_STATUSES as readonly string[]).includes(x));
  if (unknown !== undefined)
    return err(
      domainError(
        'OBLIGATION_STATUS_INVALID',
        `status "${unknown}" is not one of ${OBLIGATION_STATUSES.join(', ')}`,
        { field: 'status' },
      ),
    );
  for (const [field, n] of [
    ['limit', input.limit],
    ['offset', input.offset],
  ] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0))
      return err(
        domainError('OBLIGATION_PAGE_INVALID', `${field} must be a whole number, 0 or more`, { field }),
      );
  }
  let orgs: OrganisationRow[];
  if (input.org) {
    const r = await resolveOrganisation(ctx, input.org);
    if (!r.ok) return r;
    orgs = [r.value];
  } else orgs = await organisations(ctx);
  const single = input.org ? orgs[0] : undefined;
  if (single) {
    // One organisation (the web app's and most of the CLI's question): from the stored obligations.
    const pack = await packFor(single, input.pack);
    if (!pack.ok) return pack;
    if (storablePack(pack.value)) {
      const asOf = asOfDate.value ?? today(ctx, pack.value);
      const list = await storedObligationList(ctx, single, pack.value, {
        from: from.value,
        to: to.value,
        asOf,
        dueSoonDays: input.dueSoonDays,
        dueFrom: dueFrom.value,
        dueTo: dueTo.value,
        id: input.id,
        statuses,
        limit: input.limit,
        offset: input.offset,
        lang: input.lang,
      });
      if (!list.ok) return list;
      return ok({ asOf, ...list.value, counts: { ...list.value.counts } });
    }
  }
  const filterKey = [input.id ?? '', dueFrom.value ?? '', dueTo.value ?? '', ...(statuses ?? [])].join('|');
  const select = (all: readonly ObligationInstance[]) => {
    const list = input.id === undefined ? all : all.filter((x) => x.id === input.id);
    const inDue =
      dueFrom.value || dueTo.value
        ? list.filter(
            (x) => (!dueFrom.value || x.dueOn >= dueFrom.value) && (!dueTo.value || x.dueOn <= dueTo.value),
          )
        : list;
    const counts = Object.fromEntries(OBLIGATION_STATUSES.map((x) => [x, 0])) as Record<
      ObligationStatus,
      number
    >;
    for (const x of inDue) counts[x.status]++;
    return {
      kept: statuses && statuses.length > 0 ? inDue.filter((x) => statuses.includes(x.status)) : inDue,
      counts,
    };
  };
  const lists: CachedObligations[] = [];
  const packs = new Map<string, RulePack>();
  for (const o of orgs) {
    const pack = await packFor(o, input.pack);
    if (!pack.ok) {
      if (!input.org && pack.error.code === 'OBLIGATION_PACK_NOT_FOUND') continue;
      return pack;
    }
    packs.set(o.id, pack.value);
    const asOf = asOfDate.value ?? today(ctx, pack.value);
    shownAsOf ??= asOf;
    const question = [from.value ?? '', to.value ?? '', asOf, input.dueSoonDays ?? ''].join('|');
    const list = await cachedObligations(ctx, o.id, pack.value, question, async () => {
      const l = await readObligationLedger(ctx, o, pack.value);
      const span = ledgerSpan(l);
      const rangeFrom = from.value ?? span?.first ?? asOf;
      const rangeTo = to.value ?? asOf;
      if (rangeFrom > rangeTo) return ok([]);
      return obligationsOf(l, { from: rangeFrom, to: rangeTo, asOf, dueSoonDays: input.dueSoonDays });
    });
    if (!list.ok) return list;
    lists.push(list.value);
  }
  // One organisation (the web app's question): the filtered view is kept with the cached list.
  const only = lists.length === 1 ? lists[0] : undefined;
  const { kept, counts } = only
    ? only.view(filterKey, select)
    : select(
        lists
          .flatMap((l) => l.obligations)
          .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1)),
      );
  const offset = input.offset ?? 0;
  const page = input.limit === undefined ? kept.slice(offset) : kept.slice(offset, offset + input.limit);
  const asOf = shownAsOf ?? localDateAt(ctx.now(), UTC_ZONE);
  const lang = input.lang;
  const obligations = lang
    ? page.map((x) => {
        const pack = packs.get(x.organisation);
        return pack ? localizeObligation(x, pack, lang) : x;
      })
    : page;
  return ok({ asOf, obligations, total: kept.length, counts: { ...counts } });
}

/** An obligation's legal basis: the pack's local citations in ru and kk when localised, else its citation. */
function basisOf(o: ObligationInstance & { readonly legalBasis?: readonly string[] }, lang: Locale): string {
  return lang !== 'en' && o.legalBasis && o.legalBasis.length > 0 ? o.legalBasis.join('; ') : o.citation;
}

/** The pack's notes on an obligation's unverified rules, when it was localized (`localizeObligation`). */
const caveatsOf = (o: ObligationInstance & { readonly caveats?: readonly string[] }): readonly string[] =>
  o.caveats ?? [];

/** The obligations as an iCalendar (RFC 5545): one all-day event on each due day, with reminders. */
export async function obligationsCalendar(
  ctx: AppContext,
  input: ListObligationsInput & { alarmDays?: readonly number[] } = {},
): Promise<Result<string>> {
  const list = await listObligations(ctx, input);
  if (!list.ok) return list;
  const names = new Map((await organisations(ctx)).map((o) => [o.id, o.name]));
  // Titles, statuses, periods and bases in the input's language (English by default); no internal id.
  const lang = input.lang ?? 'en';
  const events: CalendarEvent[] = list.value.obligations.map((o) => ({
    uid: `${o.id}@civicledger`,
    date: o.dueOn,
    summary: `${o.form}: ${o.title} — ${names.get(o.organisation) ?? o.organisation} (${o.period.label})`,
    description: [
      reportText(lang, 'icsStatus', {
        asOf: list.value.asOf,
        status: labelOf(OBLIGATION_STATUS_LABELS, o.status, lang),
      }),
      reportText(lang, 'icsPeriod', { from: o.period.from, to: o.period.to }),
      `${reportText(lang, 'icsLegalBasis', { citation: basisOf(o, lang) })}${o.verified ? '' : reportText(lang, 'icsUnverified')}`,
      ...(o.receiptIds.length > 0 ? [reportText(lang, 'icsReceipts', { count: o.receiptIds.length })] : []),
      ...(o.submittedOn ? [reportText(lang, 'icsSubmitted', { date: o.submittedOn })] : []),
      // English keeps the JSON's notes; ru/kk the pack's own notes on its unverified rules.
      ...(lang === 'en' ? o.notes : caveatsOf(o)),
    ].join('\n'),
    categories: [
      o.form,
      labelOf(OBLIGATION_STATUS_LABELS, o.status, lang),
      ...(o.verified ? [] : [reportText(lang, 'icsUnverifiedCategory')]),
    ],
    status: 'CONFIRMED',
    ...(o.status === 'upcoming' || o.status === 'due'
      ? { alarms: (input.alarmDays ?? [3, 1]).map((daysBefore) => ({ daysBefore })) }
      : {}),
    ...(o.citationUrl ? { url: o.citationUrl } : {}),
  }));
  return ok(renderICalendar(events, { dtstamp: ctx.now(), name: reportText(lang, 'icsObligations') }));
}
