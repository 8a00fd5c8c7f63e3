// Coverage table, part 4: notifications — the bell, each user's settings, the organisation admin's
// view and webhook. See route-cases.ts for the columns; route-coverage.test.ts runs them.
import { runNotifications } from '@civic/app';
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  NO_INPUT,
  ORG_ONLY_INPUT,
  OUTSIDER,
  OWN_ACCOUNT,
  type CoverageTable,
} from './route-cases.ts';

/** Runs the schedule as on 8 Feb 2021 (no SMTP: messages stay in the app): Echo's Q4 2020 report is 5 working days away. */
async function reminders(f: CoverageFixture): Promise<void> {
  const r = await runNotifications(f.world.ctx, { asOf: '2021-02-08' });
  if (!r.ok) throw new Error(r.error.message);
}

interface Bell {
  notifications: { key: string; kind: string; subject: string; dueOn: string; read: boolean }[];
  unread: number;
  warning: unknown;
}

export const NOTIFICATION_ROUTE_CASES: CoverageTable = {
  'GET /api/v1/me/notifications': {
    happy: {
      as: 'accountant',
      setup: reminders,
      status: 200,
      check: (res) => {
        const bell = res.json() as Bell;
        expect(bell.notifications.map((n) => [n.kind, n.dueOn])).toContainEqual(['obligation', '2021-02-15']);
        expect(bell.unread).toBeGreaterThan(0);
        expect(bell.warning).toBeNull();
      },
    },
    badInput: bad('accountant', 'limit', { query: 'limit=0' }),
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: {
      as: 'outsider',
      setup: reminders,
      status: 200,
      check: (res) => expect((res.json() as Bell).notifications).toEqual([]),
    },
  },
  'GET /api/v1/me/notifications/count': {
    happy: {
      as: 'accountant',
      setup: reminders,
      status: 200,
      check: (res) => expect((res.json() as { unread: number }).unread).toBeGreaterThan(0),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'POST /api/v1/me/notifications/read': {
    happy: {
      as: 'accountant',
      setup: reminders,
      body: {},
      status: 200,
      check: async (res, f) => {
        expect((res.json() as { marked: number }).marked).toBeGreaterThanOrEqual(0);
        const after = await (await f.client('accountant')).request('GET', '/api/v1/me/notifications/count');
        expect(after.json()).toEqual({ unread: 0 });
      },
    },
    badInput: bad('accountant', 'colour', { body: { colour: 'red' } }),
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'GET /api/v1/me/notification-settings': {
    happy: {
      as: 'lawyer',
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({ delivery: expect.any(String), digestAt: expect.any(String) }),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'PUT /api/v1/me/notification-settings': {
    happy: {
      as: 'spare',
      body: { kinds: ['obligation'], delivery: 'digest', digestAt: '18:30' },
      status: 200,
      check: (res) =>
        expect(res.json()).toEqual({ kinds: ['obligation'], delivery: 'digest', digestAt: '18:30' }),
    },
    badInput: [
      bad('spare', 'digestAt', { body: { digestAt: '25:00' } }),
      bad('spare', 'kinds.0', { body: { kinds: ['gossip'] } }),
    ],
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'GET /api/v1/orgs/:orgId/notifications': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) => {
        const body = res.json() as {
          settings: { offsets: number[] };
          recipients: { email: string; kinds: string[] }[];
        };
        expect(body.settings.offsets).toEqual([5, 1]);
        expect(body.recipients.find((r) => r.email === 'accountant@demo.civicledger.org')?.kinds).toEqual([
          'obligation',
        ]);
      },
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: OUTSIDER,
  },
  'PUT /api/v1/orgs/:orgId/notifications': {
    happy: {
      as: 'admin',
      body: { offsets: [10, 3, 1], minimalContent: true },
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ offsets: [10, 3, 1], minimalContent: true }),
    },
    badInput: bad('admin', 'offsets.0', { body: { offsets: [0] } }),
    noSession: ANON,
    wrongRole: forbidden('lawyer', { body: { minimalContent: false } }),
    otherTenant: { ...OUTSIDER, body: { minimalContent: false } },
  },
  'PUT /api/v1/orgs/:orgId/notifications/webhook': {
    happy: {
      as: 'admin',
      body: { url: 'https://chat.example.org/hooks/civic' },
      status: 200,
      check: (res) =>
        expect(res.json()).toEqual({
          url: 'https://chat.example.org/hooks/civic',
          secret: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
    },
    badInput: [
      bad('admin', 'url', { body: { url: 'ftp://example.org/x' } }, 'NOTIFY_WEBHOOK_URL_INVALID'),
      bad('admin', 'url', { body: {} }),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', { body: { url: null } }),
    otherTenant: { ...OUTSIDER, body: { url: null } },
  },
};
