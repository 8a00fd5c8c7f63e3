import { addDays, type CalendarDate } from '../calendar-date.ts';

/** What of an action decides whether a ruling still stands (a case action or its JSON view). */
export interface RulingEvent {
  readonly kind: string;
  readonly rulingOn: CalendarDate | string | null;
  readonly servedOn?: CalendarDate | string | null;
  readonly hearingOn?: CalendarDate | string | null;
  readonly proceedingsStartedOn?: CalendarDate | string | null;
  readonly inForceOn?: CalendarDate | string | null;
  readonly outcome?: string | null;
}

/** The day an action happened on, as the case's timeline orders it. */
const eventDate = (a: RulingEvent): string | null =>
  a.rulingOn ?? a.hearingOn ?? a.servedOn ?? a.proceedingsStartedOn ?? a.inForceOn ?? null;

/**
 * The last day the latest ruling of a case still stood, when a withdrawal or a court decision that
 * annulled it later undid it: the day before that event (never before the ruling itself). Null when
 * the ruling still stands or there is no ruling: then any date (today) has a ruling to complain of.
 * An objection drafted as of a later day has nothing to annul.
 */
export function lastDayRulingStood(actions: readonly RulingEvent[]): CalendarDate | null {
  const ruling = actions
    .filter((a) => a.kind === 'ruling' && a.rulingOn !== null)
    .map((a) => String(a.rulingOn))
    .sort()
    .at(-1);
  if (ruling === undefined) return null;
  const undone = actions
    .filter((a) => a.kind === 'withdrawal' || (a.kind === 'court-decision' && a.outcome === 'annulled'))
    .map(eventDate)
    .filter((on): on is string => on !== null && on >= ruling)
    .sort()
    .at(0);
  if (undone === undefined) return null;
  const before = addDays(undone as CalendarDate, -1);
  return before < ruling ? (ruling as CalendarDate) : before;
}
