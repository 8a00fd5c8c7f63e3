import { addDays, type CalendarDate } from '../calendar-date.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { localTimeIn, parseTimeOfDay } from './local-time.ts';
import {
  DEFAULT_OFFSETS,
  KIND_ROLES,
  type DueMessage,
  type DueObligation,
  type LegalDeadline,
  type MonitoringEvent,
  type NotificationKind,
  type NotificationUser,
  type OrganisationNotificationSettings,
  type ReminderStep,
} from './notification-types.ts';
import { currentStep } from './reminder-step.ts';

/** Calendar days a monitoring event stays news (a run missed for a few days still sends it). */
export const MONITORING_NEWS_DAYS = 7;
/** A wave is news only when this unlikely by chance. */
export const WAVE_P_THRESHOLD = 0.05;

export interface ScheduleInput {
  /** The pack gives the working days and the time zone "today" is taken in. */
  readonly pack: RulePack;
  /** The instant of the run (the CLI's `--as-of` day, or the clock). */
  readonly asOf: Date;
  readonly obligations: readonly DueObligation[];
  /** Several readings of one deadline share an id: the earliest counts. */
  readonly legalDeadlines: readonly LegalDeadline[];
  readonly events: readonly MonitoringEvent[];
  readonly users: readonly NotificationUser[];
  /** Per organisation; one left out has the defaults (5 and 1 working days, full content). */
  readonly organisations: readonly OrganisationNotificationSettings[];
}

export interface Schedule {
  /** Today in the pack's time zone. */
  readonly today: CalendarDate;
  /** Sorted by recipient, due day, key; keys are unique. */
  readonly messages: readonly DueMessage[];
}

export const messageKey = (
  userId: string,
  kind: NotificationKind,
  itemId: string,
  dueOn: CalendarDate,
  step: ReminderStep,
): string => [userId, kind, itemId, dueOn, step].join('|');

/** The earliest reading of each legal deadline (open if any reading is). */
export function earliestReadings(deadlines: readonly LegalDeadline[]): LegalDeadline[] {
  const byId = new Map<string, LegalDeadline>();
  for (const d of deadlines) {
    const seen = byId.get(d.id);
    if (!seen) byId.set(d.id, d);
    else
      byId.set(d.id, {
        ...(d.dueOn < seen.dueOn ? d : seen),
        open: d.open || seen.open,
      });
  }
  return [...byId.values()];
}

/**
 * The messages due at `asOf`: for each open obligation and legal deadline the reminder step current
 * today (see currentStep), for each recent monitoring event a `new` message, to each user whose
 * role in the item's organisation receives that kind and whose settings keep it. A digest user's
 * messages are due once their local digest time has come that day. Pure: no clock, no I/O.
 */
export function computeSchedule(input: ScheduleInput): Schedule {
  const local = localTimeIn(input.asOf, input.pack.timeZone);
  const today = local.date;
  const orgSettings = new Map(input.organisations.map((o) => [o.organisationId, o]));
  const out = new Map<string, DueMessage>();
  const add = (
    kind: NotificationKind,
    item: DueMessage['item'],
    orgIds: readonly string[],
    dueOn: CalendarDate,
    step: ReminderStep,
  ) => {
    for (const user of input.users) {
      if (!user.settings.kinds.includes(kind)) continue;
      const orgId = orgIds.find((id) =>
        user.memberships.some((m) => m.organisationId === id && KIND_ROLES[kind].includes(m.role)),
      );
      if (orgId === undefined) continue;
      const digest = user.settings.delivery === 'digest';
      if (digest && local.minutes < (parseTimeOfDay(user.settings.digestAt) ?? 0)) continue;
      const key = messageKey(user.id, kind, item.id, dueOn, step);
      out.set(key, {
        key,
        userId: user.id,
        to: user.email,
        locale: user.locale,
        kind,
        itemId: item.id,
        organisationId: orgId,
        dueOn,
        step,
        digest,
        minimal: orgSettings.get(orgId)?.minimalContent ?? false,
        item,
      });
    }
  };
  const offsetsOf = (orgId: string) => orgSettings.get(orgId)?.offsets ?? DEFAULT_OFFSETS;
  for (const o of input.obligations) {
    if (!o.open) continue;
    const step = currentStep(input.pack, today, o.dueOn, offsetsOf(o.organisationId), true);
    if (step) add('obligation', o, [o.organisationId], o.dueOn, step);
  }
  for (const d of earliestReadings(input.legalDeadlines)) {
    if (!d.open) continue;
    const step = currentStep(input.pack, today, d.dueOn, offsetsOf(d.organisationId), false);
    if (step) add('legal-deadline', d, [d.organisationId], d.dueOn, step);
  }
  for (const e of input.events) {
    if (e.kind === 'wave' && !(e.pValue !== undefined && e.pValue < WAVE_P_THRESHOLD)) continue;
    if (e.on > today || today >= addDays(e.on, MONITORING_NEWS_DAYS)) continue;
    add(e.kind, e, e.organisationIds, e.on, 'new');
  }
  const messages = [...out.values()].sort((a, b) =>
    a.userId !== b.userId
      ? a.userId < b.userId
        ? -1
        : 1
      : a.dueOn !== b.dueOn
        ? a.dueOn < b.dueOn
          ? -1
          : 1
        : a.key < b.key
          ? -1
          : 1,
  );
  return { today, messages };
}
