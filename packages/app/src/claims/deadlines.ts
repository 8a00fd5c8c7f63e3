import {
  caseDeadlines,
  checkCaseActions,
  finalPenaltiesOf,
  DEADLINE_KIND_LABELS,
  deadlineSummary,
  labelOf,
  localDateAt,
  localText,
  ok,
  reportText,
  type Locale,
  UTC_ZONE,
  type CalendarDate,
  type CaseDeadline,
  type Result,
} from '@civic/core';
import { renderICalendar, type CalendarEvent } from '@civic/formats';
import { listOrganisations } from '@civic/store';
import type { AppContext } from '../context.ts';
import { casePack, listCasesOf } from './cases.ts';
import { localCitationsOf } from './claim-check-view.ts';
import { todayOf } from './claim-file-check.ts';
import { filedRecordsOf } from './filed-records.ts';

export interface DeadlineItem extends CaseDeadline {
  readonly organisationName: string;
  /** The id of the case's rule pack (its citations in the local style). */
  readonly pack: string;
}

export interface DeadlineQuery {
  /** One organisation (id, name or BIN); all when left out. */
  readonly organisation?: string | undefined;
  /** The day deadlines are judged against (default today by the context's clock). */
  readonly asOf?: CalendarDate | undefined;
  /** Include deadlines a later action made moot, and those of closed cases. */
  readonly includeMoot?: boolean | undefined;
}

/**
 * Every deadline of every case in one list across organisations, by date: appeals, hearings, ends
 * of suspensions, and limitation expiries of cases not yet ruled on. Deadlines settled by a later
 * action (or of a closed case) are left out unless `includeMoot`.
 */
export async function listDeadlines(
  ctx: AppContext,
  q: DeadlineQuery = {},
): Promise<Result<{ asOf: CalendarDate; deadlines: DeadlineItem[] }>> {
  const cases = await listCasesOf(ctx, q.organisation);
  if (!cases.ok) return cases;
  // Without asOf, "today" is each case's pack's (the date in its time zone).
  let shownAsOf = q.asOf;
  const names = new Map((await listOrganisations(ctx.store.db)).map((o) => [o.id, o.name]));
  const out: DeadlineItem[] = [];
  for (const c of cases.value) {
    const pack = await casePack(c.pack);
    if (!pack.ok) continue;
    const asOf = q.asOf ?? todayOf(ctx.now(), pack.value);
    shownAsOf ??= asOf;
    const others = cases.value
      .filter((o) => o.organisationId === c.organisationId && o.id !== c.id)
      .flatMap(finalPenaltiesOf);
    const check = checkCaseActions(pack.value, c, {
      asOf,
      priorPenalties: others,
      filings: await filedRecordsOf(ctx, c.organisationId),
    });
    for (const d of caseDeadlines(c, check)) {
      if (d.status === 'moot' && !q.includeMoot) continue;
      out.push({ ...d, organisationName: names.get(d.organisationId) ?? d.organisationId, pack: c.pack });
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return ok({ asOf: shownAsOf ?? localDateAt(ctx.now(), UTC_ZONE), deadlines: out });
}

/**
 * The deadlines as an iCalendar feed (RFC 5545): one all-day event each on its legal day (a
 * calendar date of the case's pack, written DTSTART;VALUE=DATE so no client shifts it by a time
 * zone), with reminders before appeal deadlines and hearings. Titles and descriptions are in
 * `lang` (English by default); the legal basis in the pack's local citation style; no internal id
 * is shown (the UID alone carries it).
 */
export function deadlinesICalendar(
  deadlines: readonly DeadlineItem[],
  options: { now: Date; name?: string; lang?: Locale },
): string {
  const lang = options.lang ?? 'en';
  const events: CalendarEvent[] = deadlines.map((d) => {
    const cite = d.citation === null ? undefined : localCitationsOf(d.pack).get(d.citation);
    const citation = d.citation === null ? null : cite === undefined ? d.citation : localText(cite, lang);
    return {
      uid: `${d.id}@civicledger`,
      date: d.date,
      summary: `${labelOf(DEADLINE_KIND_LABELS, d.kind, lang)}: ${d.organisationName} — ${d.caseTitle}`,
      description: [
        deadlineSummary(d, lang),
        citation
          ? `${reportText(lang, 'icsBasis', { citation })}${d.verified ? '' : reportText(lang, 'notVerifiedOfficial')}`
          : null,
      ]
        .filter((x): x is string => x !== null)
        .join('\n'),
      categories: ['CivicLedger', labelOf(DEADLINE_KIND_LABELS, d.kind, lang)],
      status: d.status === 'moot' ? 'CANCELLED' : 'CONFIRMED',
      ...(d.kind === 'appeal' || d.kind === 'hearing'
        ? { alarms: [{ daysBefore: 3 }, { daysBefore: 1 }] }
        : {}),
    };
  });
  return renderICalendar(events, {
    dtstamp: options.now,
    name: options.name ?? reportText(lang, 'icsDeadlines'),
  });
}
