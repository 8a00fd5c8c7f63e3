import {
  addDays,
  addMonths,
  dateFromParts,
  dateParts,
  daysInMonth,
  type CalendarDate,
} from '../calendar-date.ts';
import { ok, type Result } from '../result.ts';
import type { DeadlineRule } from './deadline-rule.schema.ts';
import { addPeriod, type IsoPeriod } from './iso-period.ts';
import type { RulePack } from './rule-pack.schema.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  type CalendarOptions,
  type SkippedDay,
} from './working-days.ts';

export interface DeadlineResult {
  readonly due: CalendarDate;
  readonly kind: DeadlineRule['kind'];
  /** The end before any roll-forward (equal to `due` unless the period ended on a day off and moved). */
  readonly unadjusted: CalendarDate;
  readonly rolledForward: boolean;
  /** Working days counted (working-days rules) or the due day reached by the roll-forward. */
  readonly counted: CalendarDate[];
  readonly skipped: SkippedDay[];
  /** false when the date rests on an unverified calendar entry or roll-forward rule. */
  readonly verified: boolean;
  readonly notes: string[];
}

/** Whether a period ending on a day off moves to the next working day for this rule (rule first, then the pack). */
export function rollsForward(pack: RulePack, rule: { readonly rollForward?: boolean | undefined }): boolean {
  return rule.rollForward ?? pack.periodEndOnDayOff.rollForward;
}

function fixedDay(event: CalendarDate, monthOffset: number, day: number | 'last'): CalendarDate {
  const first = addMonths(dateFromFirst(event), monthOffset);
  const { year, month } = dateParts(first);
  const last = daysInMonth(year, month);
  return addDays(first, (day === 'last' ? last : Math.min(day, last)) - 1);
}

function dateFromFirst(date: CalendarDate): CalendarDate {
  const { year, month } = dateParts(date);
  const r = dateFromParts(year, month, 1);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * The due day of a deadline rule counted from its event (a receipt, a period's end, the service of
 * a ruling). Working days count from the day after the event (never rolled: the due day is a
 * working day). Other kinds end where the rule says and then, when the rule or pack says so and
 * that day is a day off, move to the next working day.
 */
export function computeDeadline(
  pack: RulePack,
  rule: DeadlineRule,
  event: CalendarDate,
  options: CalendarOptions = {},
): Result<DeadlineResult> {
  if (rule.kind === 'working-days') {
    const r = addWorkingDays(pack, event, rule.days, options);
    if (!r.ok) return r;
    return ok({ ...r.value, kind: rule.kind, unadjusted: r.value.due, rolledForward: false });
  }
  const end =
    rule.kind === 'calendar-days'
      ? addDays(event, rule.days)
      : rule.kind === 'period'
        ? addPeriod(event, rule.period)
        : fixedDay(event, rule.monthOffset, rule.day);
  return endOnWorkingDay(pack, end, rule, rule.kind, options);
}

/** A period's end from `date`, moved per the pack (or `rollForward`) when it falls on a day off. */
export function periodEnd(
  pack: RulePack,
  date: CalendarDate,
  period: IsoPeriod,
  rollForward?: boolean,
  options: CalendarOptions = {},
): Result<DeadlineResult> {
  return computeDeadline(
    pack,
    { kind: 'period', period, ...(rollForward === undefined ? {} : { rollForward }) },
    date,
    options,
  );
}

function endOnWorkingDay(
  pack: RulePack,
  end: CalendarDate,
  rule: { readonly rollForward?: boolean | undefined },
  kind: DeadlineRule['kind'],
  options: CalendarOptions,
): Result<DeadlineResult> {
  const base: Pick<DeadlineResult, 'kind' | 'unadjusted' | 'counted' | 'skipped'> = {
    kind,
    unadjusted: end,
    counted: [],
    skipped: [],
  };
  if (!rollsForward(pack, rule)) {
    // Not moved. When that rests on the pack's unverified setting and the end is a day off, say so.
    const day = isWorkingDay(pack, end);
    const doubtful = rule.rollForward === undefined && !pack.periodEndOnDayOff.verified && !day.working;
    const notes = doubtful
      ? [
          `unverified: ${end} is a day off (${day.reason ?? 'day off'}); whether the period moves to the next working day is not confirmed`,
        ]
      : [];
    return ok({ ...base, due: end, rolledForward: false, verified: !doubtful, notes });
  }
  const next = nextWorkingDay(pack, end, options);
  if (!next.ok) return next;
  const moved = next.value.due !== end;
  const setting = pack.periodEndOnDayOff;
  const notes = [...next.value.notes];
  if (moved && rule.rollForward === undefined && !setting.verified)
    notes.push(`unverified: moving a period's end off a day off (${setting.citation.text})`);
  return ok({
    ...base,
    due: next.value.due,
    rolledForward: moved,
    counted: moved ? [next.value.due] : [],
    skipped: next.value.skipped,
    verified: next.value.verified && (!moved || rule.rollForward !== undefined || setting.verified),
    notes,
  });
}
