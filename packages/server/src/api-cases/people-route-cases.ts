// Coverage table, people (issue 13): invitations, role changes; and an obligation's check before
// its filing is prepared (from a finding to its fix). See route-cases.ts for the columns;
// route-coverage.test.ts runs them. Removing a member is in account-route-cases.ts.
import { expect } from 'vitest';
import { OUTSIDER_EMAIL, spareInEcho } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  LONG_ID,
  na,
  ORG_ONLY_INPUT,
  OUTSIDER,
  PUBLIC,
  see,
  type CoverageTable,
} from './route-cases.ts';

const PEOPLE_TEST = 'routes/people.routes.test.ts';
const INVITED =
  'invites by e-mail with a role; the link shows the invitation once and accepting sets the password';
const BY_TOKEN = na('the link\u2019s token alone names the invitation: no organisation in the request');

export const PEOPLE_ROUTE_CASES: CoverageTable = {
  'POST /api/v1/orgs/:orgId/members': {
    happy: {
      as: 'admin',
      body: { email: 'invited@coverage.test', role: 'accountant' },
      status: 201,
      check: (res) =>
        expect(res.json()).toMatchObject({
          status: 'invited',
          mailed: false,
          invitation: { email: 'invited@coverage.test', role: 'accountant' },
          link: expect.stringMatching(/\/invitation\/[A-Za-z0-9_-]+$/),
        }),
    },
    badInput: [
      bad('admin', 'role', { body: { email: 'someone@coverage.test', role: 'owner' } }),
      bad('admin', 'email', { body: { email: 'ab', role: 'viewer' } }),
      bad('admin', 'email', { body: { email: 'not an address', role: 'viewer' } }, 'USER_EMAIL_INVALID'),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', { body: { email: 'someone@coverage.test', role: 'admin' } }),
    otherTenant: { ...OUTSIDER, body: { email: OUTSIDER_EMAIL, role: 'admin' } },
  },
  'GET /api/v1/orgs/:orgId/invitations': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) => expect(Array.isArray((res.json() as { invitations: unknown }).invitations)).toBe(true),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: forbidden('lawyer'),
    otherTenant: OUTSIDER,
  },
  'PATCH /api/v1/orgs/:orgId/members/:userId': {
    happy: {
      as: 'admin',
      setup: spareInEcho,
      body: { role: 'lawyer' },
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ role: 'lawyer' }),
    },
    badInput: [
      bad('admin', 'role', { body: { role: 'owner' } }),
      bad('admin', 'userId', { params: () => ({ userId: LONG_ID }), body: { role: 'viewer' } }),
    ],
    noSession: ANON,
    wrongRole: forbidden('viewer', { body: { role: 'admin' } }),
    otherTenant: { ...OUTSIDER, body: { role: 'admin' } },
  },
  'GET /api/v1/invitations/:token': {
    happy: see(PEOPLE_TEST, INVITED),
    badInput: bad('anonymous', 'token', { params: () => ({ token: LONG_ID }) }),
    noSession: PUBLIC,
    wrongRole: PUBLIC,
    otherTenant: BY_TOKEN,
  },
  'GET /api/v1/orgs/:orgId/obligations/:obligationId/check': {
    happy: {
      as: 'accountant',
      params: (f) => ({ obligationId: f.ids.missedObligation }),
      status: 200,
      check: (res, f) =>
        expect(res.json()).toMatchObject({
          obligationId: f.ids.missedObligation,
          problems: expect.any(Array) as unknown,
        }),
    },
    badInput: bad('accountant', 'obligationId', { params: () => ({ obligationId: 'x'.repeat(250) }) }),
    noSession: { ...ANON, params: (f) => ({ obligationId: f.ids.missedObligation }) },
    wrongRole: forbidden('monitor', { params: (f) => ({ orgId: f.org.kibhr, obligationId: 'x' }) }),
    otherTenant: { ...OUTSIDER, params: (f) => ({ obligationId: f.ids.missedObligation }) },
  },
  'POST /api/v1/invitations/:token/accept': {
    happy: see(PEOPLE_TEST, INVITED),
    badInput: [
      bad('anonymous', 'password', { params: () => ({ token: 'abc' }), body: { name: 'Айгуль' } }),
      bad('anonymous', 'token', { params: () => ({ token: LONG_ID }), body: { name: 'A', password: 'p' } }),
    ],
    noSession: PUBLIC,
    wrongRole: PUBLIC,
    otherTenant: BY_TOKEN,
  },
};
