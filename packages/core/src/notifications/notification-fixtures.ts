import { calendarDate, type CalendarDate } from '../calendar-date.ts';
import { fixturePack } from '../rules/rule-pack.fixture.ts';
import {
  DEFAULT_USER_SETTINGS,
  type DueObligation,
  type NotificationUser,
  type UserNotificationSettings,
} from './notification-types.ts';
import type { Role } from '../access/roles.ts';

/** Test builders: the synthetic 2030 pack read in Almaty time (UTC+5). */
export const notificationPack = fixturePack({
  timeZone: {
    name: 'Asia/Almaty',
    offsets: [
      { from: '2004-10-30T20:00:00Z', utcOffset: '+06:00' },
      { from: '2024-02-29T18:00:00Z', utcOffset: '+05:00' },
    ],
    citation: 'test fixture',
    verified: true,
  },
});
export const d = (s: string): CalendarDate => calendarDate(s);

/** 09:00 in Almaty on the day. */
export const morningOf = (day: string): Date => new Date(`${day}T04:00:00Z`);

export function obligation(dueOn: string, overrides: Partial<DueObligation> = {}): DueObligation {
  return {
    id: `org_a:notice:${dueOn}`,
    organisationId: 'org_a',
    dueOn: d(dueOn),
    open: true,
    title: 'Notice',
    form: 'N-1',
    trigger: 'period',
    periodFrom: d('2030-01-01'),
    periodTo: d('2030-03-31'),
    ...overrides,
  };
}

export function user(
  id: string,
  role: Role,
  organisationId = 'org_a',
  settings: Partial<UserNotificationSettings> = {},
): NotificationUser {
  return {
    id,
    email: `${id}@example.org`,
    locale: 'ru',
    memberships: [{ organisationId, role }],
    settings: { ...DEFAULT_USER_SETTINGS, ...settings },
  };
}
