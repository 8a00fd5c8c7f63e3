import { daysBetween, type CalendarDate } from '../calendar-date.ts';

/**
 * Where an obligation stands on a day (`asOf`), recomputed from the records every time:
 * - `filed-on-time`: a submission recorded for it with `submittedOn` ≤ the due day (and ≤ asOf);
 * - `filed-late`: its first submission came after the due day (and on or before asOf);
 * - `missed`: not submitted by asOf, and the due day has passed (asOf > due);
 * - `due`: not submitted, the due day is today or within the next `dueSoonDays` calendar days;
 * - `upcoming`: not submitted and the due day is further away.
 * A correction never changes the status: the first submission is what counts.
 */
export type ObligationStatus = 'upcoming' | 'due' | 'filed-on-time' | 'filed-late' | 'missed';

export const OBLIGATION_STATUSES: readonly ObligationStatus[] = [
  'upcoming',
  'due',
  'filed-on-time',
  'filed-late',
  'missed',
];

/** How many calendar days before the due day an obligation counts as `due` (by default). */
export const DEFAULT_DUE_SOON_DAYS = 10;

export function obligationStatus(
  dueOn: CalendarDate,
  firstSubmittedOn: CalendarDate | null,
  asOf: CalendarDate,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): ObligationStatus {
  if (firstSubmittedOn !== null && firstSubmittedOn <= asOf)
    return firstSubmittedOn <= dueOn ? 'filed-on-time' : 'filed-late';
  if (asOf > dueOn) return 'missed';
  return daysBetween(asOf, dueOn) <= dueSoonDays ? 'due' : 'upcoming';
}
