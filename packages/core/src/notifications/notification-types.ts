import type { CalendarDate } from '../calendar-date.ts';
import type { Role } from '../access/roles.ts';
import type { Locale } from '../locale.ts';

/**
 * What a message is about. `obligation`: a filing due (accountant, admin); `legal-deadline`: a
 * complaint deadline, the end of a suspension, a hearing (lawyer, admin); `wave`, `brief`,
 * `incident`: monitoring news (monitor).
 */
export const NOTIFICATION_KINDS = ['obligation', 'legal-deadline', 'wave', 'brief', 'incident'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Which roles receive each kind by default (a user narrows it in their settings). */
export const KIND_ROLES: Readonly<Record<NotificationKind, readonly Role[]>> = {
  obligation: ['accountant', 'admin'],
  'legal-deadline': ['lawyer', 'admin'],
  wave: ['monitor'],
  brief: ['monitor'],
  incident: ['monitor'],
};

/** A step of a reminder: `before-N` (N working days before), `due-day`, `missed` (the next working day after), `new` (monitoring). */
export type ReminderStep = `before-${number}` | 'due-day' | 'missed' | 'new';

/** A filing due, as derived from the ledger and the pack. */
export interface DueObligation {
  readonly id: string;
  readonly organisationId: string;
  readonly dueOn: CalendarDate;
  /** Open items get reminders; filed ones (on time or late) never do. */
  readonly open: boolean;
  readonly title: string;
  readonly form: string;
  /** A notice per receipt (the period is the receipt's day) or a report for a period. */
  readonly trigger: 'each-receipt' | 'period';
  readonly periodFrom: CalendarDate;
  readonly periodTo: CalendarDate;
}

/** A legal deadline of a case; several readings of one deadline share `id`, the earliest counts. */
export interface LegalDeadline {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: 'appeal' | 'suspension-end' | 'hearing';
  readonly dueOn: CalendarDate;
  readonly open: boolean;
  readonly caseTitle: string;
  readonly caseId: string;
}

/** Something new for monitors: a wave (p < 0.05), a brief published in the network, an incident. */
export interface MonitoringEvent {
  readonly id: string;
  readonly kind: 'wave' | 'brief' | 'incident';
  /** The day it happened or was detected. */
  readonly on: CalendarDate;
  readonly title: string;
  /** The organisations whose monitors may see it (an incident's organisation, a network's members). */
  readonly organisationIds: readonly string[];
  /** A wave's p-value (only waves with p < 0.05 are news). */
  readonly pValue?: number | undefined;
}

export interface NotificationUser {
  readonly id: string;
  readonly email: string;
  readonly locale: Locale;
  readonly memberships: readonly { readonly organisationId: string; readonly role: Role }[];
  readonly settings: UserNotificationSettings;
}

export interface UserNotificationSettings {
  /** The kinds the user receives (of those their roles allow). */
  readonly kinds: readonly NotificationKind[];
  /** One message per item, or one digest a day at `digestAt` (local `HH:MM`). */
  readonly delivery: 'immediate' | 'digest';
  readonly digestAt: string;
}

export interface OrganisationNotificationSettings {
  readonly organisationId: string;
  /** Working days before a due day a reminder goes (default 5 and 1). */
  readonly offsets: readonly number[];
  /** Only "you have N deadlines this week" and a link: no names or amounts. */
  readonly minimalContent: boolean;
}

export const DEFAULT_OFFSETS: readonly number[] = [5, 1];
export const DEFAULT_USER_SETTINGS: UserNotificationSettings = {
  kinds: NOTIFICATION_KINDS,
  delivery: 'immediate',
  digestAt: '08:00',
};

/** One message due: to whom, about what, for which step. `key` is unique per message ever sent. */
export interface DueMessage {
  readonly key: string;
  readonly userId: string;
  readonly to: string;
  readonly locale: Locale;
  readonly kind: NotificationKind;
  readonly itemId: string;
  readonly organisationId: string | null;
  readonly dueOn: CalendarDate;
  readonly step: ReminderStep;
  readonly digest: boolean;
  readonly minimal: boolean;
  /** What the message is about, for the renderer (titles, the legal deadline kind). */
  readonly item: DueObligation | LegalDeadline | MonitoringEvent;
}
