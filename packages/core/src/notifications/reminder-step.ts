import { addDays, type CalendarDate } from '../calendar-date.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { isWorkingDay } from '../rules/working-days.ts';
import type { ReminderStep } from './notification-types.ts';

/** How many working days after the "missed" day the missed message may still go (a server that was down). */
export const MISSED_WINDOW_WORKING_DAYS = 5;

/** The working day `n` working days before `date` (`date` itself need not be a working day). */
export function workingDaysBefore(pack: RulePack, date: CalendarDate, n: number): CalendarDate {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, -1);
    if (isWorkingDay(pack, day).working) counted++;
  }
  return day;
}

/** The first working day after `date`, then `n - 1` more: the nth working day after it. */
export function workingDaysAfter(pack: RulePack, date: CalendarDate, n: number): CalendarDate {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(pack, day).working) counted++;
  }
  return day;
}

/**
 * The earliest due day that may still have a current step on `today` (see currentStep): an item due
 * before it is past its missed window, whatever the offsets. So a run need not read older ones.
 */
export function earliestDueWithStep(pack: RulePack, today: CalendarDate): CalendarDate {
  // The missed window ends on the (1 + MISSED_WINDOW_WORKING_DAYS)th working day after the due day;
  // a due day before this one has that many working days between it and today.
  return workingDaysBefore(pack, today, MISSED_WINDOW_WORKING_DAYS + 1);
}

/** The days each step of a reminder starts, in order: before-N…, due-day, then missed when asked. */
export function reminderSteps(
  pack: RulePack,
  dueOn: CalendarDate,
  offsets: readonly number[],
  withMissed: boolean,
): { readonly step: ReminderStep; readonly from: CalendarDate }[] {
  const distinct = [...new Set(offsets.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => b - a);
  const steps: { step: ReminderStep; from: CalendarDate }[] = distinct.map((n) => ({
    step: `before-${n}`,
    from: workingDaysBefore(pack, dueOn, n),
  }));
  steps.push({ step: 'due-day', from: dueOn });
  if (withMissed) steps.push({ step: 'missed', from: workingDaysAfter(pack, dueOn, 1) });
  return steps;
}

/**
 * The step of a reminder current on `today`: the latest step that has started. A step lasts until
 * the next one starts, so a run skipped on its first day still sends it (once: the key holds it);
 * nothing goes before the first step, after the due day when there is no missed step, or more than
 * MISSED_WINDOW_WORKING_DAYS working days after the missed step began (old history stays quiet).
 */
export function currentStep(
  pack: RulePack,
  today: CalendarDate,
  dueOn: CalendarDate,
  offsets: readonly number[],
  withMissed: boolean,
): ReminderStep | null {
  const steps = reminderSteps(pack, dueOn, offsets, withMissed);
  let current: { step: ReminderStep; from: CalendarDate } | null = null;
  for (const s of steps) if (s.from <= today) current = s;
  if (!current) return null;
  if (current.step === 'due-day' && today > dueOn) return null;
  if (current.step === 'missed' && today >= workingDaysAfter(pack, current.from, MISSED_WINDOW_WORKING_DAYS))
    return null;
  return current.step;
}
