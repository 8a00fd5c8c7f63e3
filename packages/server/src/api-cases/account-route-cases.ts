// Coverage table, part 1: health, API docs, session, own account, organisations and members, audit,
// accounts. See route-cases.ts for the columns; route-coverage.test.ts runs them.
import { expect } from 'vitest';
import { cookiesOf } from '../http-test-kit.ts';
import {
  DEMO_PASSWORD,
  OUTSIDER_EMAIL,
  SPARE_EMAIL,
  spareInEcho,
  TEST_PASSWORD,
} from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  LONG_ID,
  na,
  NO_INPUT,
  ORG_ONLY_INPUT,
  OUTSIDER,
  OWN_ACCOUNT,
  PUBLIC,
  see,
  type CoverageTable,
  type RouteCases,
} from './route-cases.ts';

const SECURITY_TEST = 'http/http-security.test.ts';
const STATIC_NO_SESSION = na('the API documentation is public (Swagger UI and its assets)');

/** A public, input-free document route: only the happy path applies. */
const publicDocument = (
  happy: RouteCases['happy'],
  reason = 'a static document: no input, no session, no organisation',
): RouteCases => ({
  happy,
  badInput: na(reason),
  noSession: STATIC_NO_SESSION,
  wrongRole: na(reason),
  otherTenant: na(reason),
});

let unknownEmailMessage = '';
const messageOf = (res: { json(): unknown }): string =>
  (res.json() as { error: { message: string } }).error.message;

export const ACCOUNT_ROUTE_CASES: CoverageTable = {
  'GET /api/v1/health': {
    happy: {
      as: 'anonymous',
      status: 200,
      check: (res, f) => expect(res.json()).toEqual({ status: 'ok', database: f.dialect }),
    },
    badInput: NO_INPUT,
    noSession: PUBLIC,
    wrongRole: PUBLIC,
    otherTenant: na('reports the server, not an organisation'),
  },
  'GET /api/v1/openapi.json': publicDocument({
    as: 'anonymous',
    status: 200,
    check: (res) =>
      expect(res.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: expect.any(Object) }),
  }),
  'GET /api/v1/docs': publicDocument({
    as: 'anonymous',
    status: 200,
    check: (res) => expect(res.body).toContain('swagger-ui-bundle.js'),
  }),
  'GET /api/v1/docs/static/index.html': publicDocument({
    as: 'anonymous',
    status: 302,
    check: (res) => expect(res.headers['location']).toMatch(/\/docs\/?$/),
  }),
  'GET /api/v1/docs/static/swagger-initializer.js': publicDocument({
    as: 'anonymous',
    status: 200,
    check: (res) => expect(res.body).toContain('SwaggerUIBundle'),
  }),
  'GET /api/v1/docs/json': publicDocument({
    as: 'anonymous',
    status: 200,
    check: (res) => expect(res.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./) }),
  }),
  'GET /api/v1/docs/yaml': publicDocument({
    as: 'anonymous',
    status: 200,
    check: (res) => expect(res.body).toMatch(/^openapi: /m),
  }),
  'GET /api/v1/docs/static/*': publicDocument({
    as: 'anonymous',
    params: () => ({ '*': 'swagger-ui-bundle.js' }),
    status: 200,
    check: (res) => expect(res.headers['content-type']).toMatch(/javascript/),
  }),

  'POST /api/v1/session': {
    happy: {
      as: 'anonymous',
      body: { email: 'Viewer@Demo.CivicLedger.org', password: DEMO_PASSWORD },
      status: 200,
      check: (res) => {
        const body = res.json() as {
          user: { email: string };
          memberships: { role: string }[];
          csrfToken: string;
        };
        expect(body.user.email).toBe('viewer@demo.civicledger.org');
        expect(body.memberships.map((m) => m.role)).toEqual(['viewer']);
        expect(cookiesOf(res)['civic_csrf']).toBe(body.csrfToken);
        expect(
          ([] as string[])
            .concat(res.headers['set-cookie'] ?? [])
            .find((s) => s.startsWith('civic_session=')),
        ).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
      },
    },
    badInput: [
      bad('anonymous', 'password', { body: { email: 'viewer@demo.civicledger.org' } }),
      bad('anonymous', 'email', { body: { password: 'x' } }),
    ],
    // Public, so no AUTH_REQUIRED: the session contract instead — a wrong e-mail and a wrong password
    // answer the same 401 with the same message, and set no cookie.
    noSession: [
      {
        as: 'anonymous',
        body: { email: 'nobody@demo.civicledger.org', password: DEMO_PASSWORD },
        status: 401,
        code: 'AUTH_INVALID_CREDENTIALS',
        check: (res) => void (unknownEmailMessage = messageOf(res)),
      },
      {
        as: 'anonymous',
        body: { email: OUTSIDER_EMAIL, password: 'not the password' },
        status: 401,
        code: 'AUTH_INVALID_CREDENTIALS',
        check: (res) =>
          expect([messageOf(res), res.headers['set-cookie']]).toEqual([unknownEmailMessage, undefined]),
      },
    ],
    wrongRole: PUBLIC,
    otherTenant: na(
      'signing in involves no organisation; the session answer lists only the account\u2019s own memberships (happy path)',
    ),
  },
  'DELETE /api/v1/session': {
    happy: {
      as: 'spare',
      status: 200,
      check: (res) =>
        expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')).toMatch(/civic_session=;/),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'GET /api/v1/me': {
    happy: {
      as: 'lawyer',
      status: 200,
      check: (res) => expect((res.json() as { memberships: unknown[] }).memberships).toHaveLength(4),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'PATCH /api/v1/me': {
    happy: {
      as: 'spare',
      body: { name: 'Spare Person' },
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ email: SPARE_EMAIL, name: 'Spare Person' }),
    },
    badInput: [
      bad('spare', 'locale', { body: { locale: 'de' } }),
      bad('spare', 'name', { body: { name: '' } }),
    ],
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'POST /api/v1/me/password': {
    happy: {
      as: 'spare',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'another long password' },
      status: 200,
      check: (res) => expect(res.json()).toEqual({ ok: true }),
    },
    badInput: [
      bad('spare', 'newPassword', { body: { currentPassword: 'x' } }),
      bad('spare', 'currentPassword', { body: { newPassword: 'another long password' } }),
    ],
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'POST /api/v1/me/totp': {
    happy: {
      as: 'spare',
      status: 200,
      check: (res) =>
        expect((res.json() as { otpauthUri: string }).otpauthUri).toMatch(/^otpauth:\/\/totp\//),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'POST /api/v1/me/totp/confirm': {
    happy: see(SECURITY_TEST, 'enrols the TOTP second factor and then requires a fresh code to sign in'),
    badInput: [bad('spare', 'code', { body: { code: '12' } }), bad('spare', 'code', { body: {} })],
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'DELETE /api/v1/me/totp': {
    happy: see(SECURITY_TEST, 'enrols the TOTP second factor and then requires a fresh code to sign in'),
    badInput: bad('spare', 'code', { body: { code: 'x' } }),
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },

  'GET /api/v1/me/sessions': {
    happy: {
      as: 'lawyer',
      status: 200,
      check: (res) =>
        expect(
          (res.json() as { sessions: { current: boolean }[] }).sessions.filter((s) => s.current),
        ).toHaveLength(1),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },
  'DELETE /api/v1/me/sessions/:sessionId': {
    happy: see(
      'routes/me-sessions.routes.test.ts',
      'lists your sessions and ends one of them, but never those of another user',
    ),
    badInput: bad('spare', 'sessionId', { params: () => ({ sessionId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: OWN_ACCOUNT,
    otherTenant: OWN_ACCOUNT,
  },

  'GET /api/v1/orgs': {
    happy: {
      as: 'lawyer',
      status: 200,
      check: (res) => expect((res.json() as { organisations: unknown[] }).organisations).toHaveLength(4),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: na('every signed-in account may list its own organisations'),
    otherTenant: {
      as: 'outsider',
      status: 200,
      check: (res, f) =>
        expect((res.json() as { organisations: { id: string }[] }).organisations.map((o) => o.id)).toEqual([
          f.org.lmc,
        ]),
    },
  },
  'GET /api/v1/orgs/:orgId': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res, f) => expect(res.json()).toMatchObject({ id: f.org.echo, name: 'Echo', role: 'viewer' }),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: na('every role has org:read'),
    otherTenant: [
      OUTSIDER,
      { as: 'viewer', params: () => ({ orgId: 'org_does_not_exist' }), status: 404, code: 'ORG_NOT_FOUND' },
    ],
  },
  'GET /api/v1/orgs/:orgId/signing-key': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          fingerprint: expect.stringMatching(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/) as unknown,
          publicKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) as unknown,
        }),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: na('every role has org:read'),
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/members': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) =>
        expect((res.json() as { members: { email: string }[] }).members.map((m) => m.email)).toContain(
          'viewer@demo.civicledger.org',
        ),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: OUTSIDER,
  },
  'PUT /api/v1/orgs/:orgId/members': {
    happy: {
      as: 'admin',
      body: { email: SPARE_EMAIL, role: 'viewer' },
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ email: SPARE_EMAIL, role: 'viewer' }),
    },
    badInput: [
      bad('admin', 'role', { body: { email: SPARE_EMAIL, role: 'owner' } }),
      bad('admin', 'email', { body: { email: 'ab', role: 'viewer' } }),
    ],
    noSession: ANON,
    wrongRole: forbidden('viewer', { body: { email: SPARE_EMAIL, role: 'admin' } }),
    otherTenant: { ...OUTSIDER, body: { email: OUTSIDER_EMAIL, role: 'admin' } },
  },
  'DELETE /api/v1/orgs/:orgId/members/:userId': {
    happy: {
      as: 'admin',
      setup: spareInEcho,
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ email: SPARE_EMAIL }),
    },
    badInput: bad('admin', 'userId', { params: () => ({ userId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: forbidden('lawyer'),
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/audit': {
    happy: {
      as: 'admin',
      query: 'limit=5',
      status: 200,
      check: (res) => expect((res.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(0),
    },
    badInput: [bad('admin', 'limit', { query: 'limit=0' }), bad('admin', 'colour', { query: 'colour=red' })],
    noSession: ANON,
    wrongRole: forbidden('lawyer'),
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/users': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) =>
        expect((res.json() as { users: { email: string }[] }).users.map((u) => u.email)).toContain(
          SPARE_EMAIL,
        ),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'GET /api/v1/admin/backups': {
    happy: {
      as: 'admin',
      status: 200,
      // The coverage server has no BACKUP_DIR: not configured, nothing to show, and so stale.
      check: (res) => expect(res.json()).toEqual({ configured: false, last: null, stale: true }),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'POST /api/v1/admin/lock': {
    // Locking the shared coverage server would end every later case: the happy path has its own server.
    happy: see(
      'routes/lock.routes.test.ts',
      'locks for the instance admin: every session ends, every route answers INSTANCE_LOCKED, nothing is deleted',
    ),
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'GET /api/v1/admin/duress': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) =>
        expect(Object.keys(res.json() as object).sort()).toEqual(['decoyName', 'enabled', 'setAt']),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'PUT /api/v1/admin/duress': {
    // Setting it locks nothing; signing in with it does, so that has its own server.
    happy: {
      as: 'admin',
      body: { password: 'coverage duress password', decoyName: 'Фонд' },
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ enabled: true, decoyName: 'Фонд' }),
    },
    badInput: [
      bad('admin', 'password', { body: { decoyName: 'X' } }),
      bad('admin', 'password', { body: { password: 'short' } }, 'USER_PASSWORD_WEAK'),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', { body: { password: 'coverage duress password' } }),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'DELETE /api/v1/admin/duress': {
    happy: {
      as: 'admin',
      status: 200,
      check: (res) => expect(res.json()).toEqual({ enabled: false, decoyName: null, setAt: null }),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: forbidden('accountant'),
    otherTenant: na('instance-wide by design: for the instance admin only (wrongRole)'),
  },
  'POST /api/v1/users': {
    happy: {
      as: 'admin',
      body: { email: 'made@coverage.test', name: 'Made', password: 'long enough password', locale: 'kk' },
      status: 201,
      check: (res) =>
        expect(res.json()).toMatchObject({ email: 'made@coverage.test', locale: 'kk', instanceAdmin: false }),
    },
    badInput: [
      bad('admin', 'email', { body: { name: 'X', password: 'long enough password' } }),
      bad(
        'admin',
        'email',
        { body: { email: 'not-an-email', name: 'X', password: 'long enough password' } },
        'USER_EMAIL_INVALID',
      ),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', {
      body: { email: 'z@coverage.test', name: 'Z', password: 'long enough password' },
    }),
    otherTenant: na(
      'accounts are instance-wide; roles in organisations are given with PUT /orgs/:orgId/members',
    ),
  },
};
