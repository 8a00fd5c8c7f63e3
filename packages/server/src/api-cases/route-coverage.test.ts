import { existsSync, readFileSync } from 'node:fs';
import { testDialects } from '@civic/app';
import { roleAllows, ROLES, type Permission } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../build-server.ts';
import { ACCOUNT_ROUTE_CASES } from './account-route-cases.ts';
import { CASE_CHANGE_ROUTE_CASES } from './case-change-route-cases.ts';
import { coverageFixture, type CoverageFixture } from './coverage-fixture.ts';
import { FEED_ROUTE_CASES } from './feed-route-cases.ts';
import { INCIDENT_ROUTE_CASES } from './incident-route-cases.ts';
import { LEDGER_IMPORT_ALIAS_ROUTE_CASES } from './ledger-import-alias-route-cases.ts';
import { LEDGER_RECORD_ROUTE_CASES } from './ledger-record-route-cases.ts';
import { LEDGER_ROUTE_CASES } from './ledger-route-cases.ts';
import { MONITOR_ROUTE_CASES } from './monitor-route-cases.ts';
import { NOTIFICATION_ROUTE_CASES } from './notification-route-cases.ts';
import { PEOPLE_ROUTE_CASES } from './people-route-cases.ts';
import { ORG_ADMIN_ROUTE_CASES } from './org-admin-route-cases.ts';
import {
  casesOf,
  COLUMNS,
  isNa,
  isSee,
  type Case,
  type Cell,
  type CoverageTable,
  type RouteCases,
} from './route-cases.ts';

// API tests for EVERY route the server registers, from one coverage table: the happy path, bad input
// (400 with a code and the field), no session (401), wrong role (403) and another tenant (404 or
// nothing of theirs shown). A route the server registers without a row here fails the sweep below, and
// so does a row whose cells contradict the route's access rule. Plus CSRF on every state-changing route.
// Real parts: Fastify through inject(), the demo seed, argon2id, SQLite and PostgreSQL, one server per dialect.
const PARTS = [
  ACCOUNT_ROUTE_CASES,
  LEDGER_ROUTE_CASES,
  MONITOR_ROUTE_CASES,
  FEED_ROUTE_CASES,
  NOTIFICATION_ROUTE_CASES,
  CASE_CHANGE_ROUTE_CASES,
  LEDGER_RECORD_ROUTE_CASES,
  INCIDENT_ROUTE_CASES,
  PEOPLE_ROUTE_CASES,
  LEDGER_IMPORT_ALIAS_ROUTE_CASES,
  ORG_ADMIN_ROUTE_CASES,
];
const TABLE: CoverageTable = Object.assign({}, ...PARTS) as CoverageTable;
const SRC = new URL('../', import.meta.url);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

function methodOf(key: string): Method {
  const m = METHODS.find((x) => key.startsWith(`${x} `));
  if (!m) throw new Error(`no method in "${key}"`);
  return m;
}
const pathOf = (key: string): string => key.slice(key.indexOf(' ') + 1);
const keyOf = (r: { method: string; url: string }): string => `${r.method} ${r.url}`;

function urlOf(key: string, c: Case, f: CoverageFixture): string {
  const params: Record<string, string> = { ...f.params, ...(c.params?.(f) ?? {}) };
  const path = pathOf(key).replace(
    /:(\w+)|\*$/g,
    (whole, name: string | undefined) => params[name ?? '*'] ?? whole,
  );
  const query = typeof c.query === 'function' ? c.query(f) : c.query;
  return query ? `${path}?${query}` : path;
}

async function runCase(key: string, c: Case, f: CoverageFixture): Promise<void> {
  await c.setup?.(f);
  const client = await f.client(c.as);
  const res = await client.request(
    methodOf(key),
    urlOf(key, c, f),
    c.bodyOf ? c.bodyOf(f) : c.body,
    c.headers ? { ...c.headers } : undefined,
  );
  expect(res.statusCode, `${c.as}: ${res.body.slice(0, 300)}`).toBe(c.status);
  if (c.status >= 400) {
    const body = res.json() as {
      error?: { code?: string; message?: string; field?: string; requestId?: string };
    };
    expect(body.error, res.body).toMatchObject({
      code: c.code,
      message: expect.stringMatching(/\S/),
      requestId: res.headers['x-request-id'],
    });
    if (c.field !== undefined) expect(body.error?.field, res.body).toBe(c.field);
  }
  await c.check?.(res, f);
}

/** What is wrong with a row, given the route's access rule (empty when it is consistent). */
function rowProblems(key: string, row: RouteCases, route: ApiRoute | undefined): string[] {
  const problems: string[] = [];
  const cell = (name: keyof RouteCases): Cell => row[name];
  const has = (name: keyof RouteCases, ok: (c: Case) => boolean) => casesOf(cell(name)).some(ok);
  for (const name of COLUMNS) {
    const c = cell(name);
    if (isNa(c) && c.na.trim().length < 10) problems.push(`${name}: a "does not apply" needs a reason`);
    if (!isNa(c) && !isSee(c) && casesOf(c).length === 0) problems.push(`${name}: no case`);
    for (const x of casesOf(c))
      if (x.status >= 400 && !x.code) problems.push(`${name}: an error case must name its code`);
  }
  if (isNa(row.happy)) problems.push('happy: every route has a happy path');
  for (const x of casesOf(row.badInput))
    if (x.status !== 400 || x.field === undefined) problems.push('badInput: 400 with a field');
  const access = route?.access;
  if (access === undefined) return problems;
  const unauthenticated = has(
    'noSession',
    (x) => x.as === 'anonymous' && x.status === 401 && x.code === 'AUTH_REQUIRED',
  );
  if (access !== 'public' && !unauthenticated)
    problems.push('noSession: a non-public route needs the anonymous 401 AUTH_REQUIRED case');
  if (access === 'public' && unauthenticated)
    problems.push('noSession: a public route does not answer AUTH_REQUIRED');
  const refused = has('wrongRole', (x) => x.status === 403 && x.code === 'AUTH_FORBIDDEN');
  if (access === 'instance-admin' && !refused)
    problems.push('wrongRole: an instance-admin route needs a 403 case');
  if (typeof access === 'object') {
    const lacking = ROLES.filter((r) => !roleAllows(r, access.org satisfies Permission));
    if (lacking.length > 0 && !refused)
      problems.push(`wrongRole: ${lacking.join(', ')} lack ${access.org}: needs a 403 case`);
    if (lacking.length === 0 && !isNa(row.wrongRole))
      problems.push(`wrongRole: every role has ${access.org}: say so`);
    if (!has('otherTenant', (x) => x.as === 'outsider' && x.status === 404 && x.code === 'ORG_NOT_FOUND'))
      problems.push('otherTenant: an organisation route needs the outsider 404 ORG_NOT_FOUND case');
  }
  for (const name of COLUMNS) {
    const c = cell(name);
    if (!isSee(c)) continue;
    const file = new URL(c.see, SRC);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!text.includes(c.test) || !text.includes(pathOf(key).split(':')[0] ?? ''))
      problems.push(`${name}: ${c.see} has no test "${c.test}" on this route`);
  }
  return problems;
}

describe('the coverage table', () => {
  it('has each route once across its parts', () => {
    const keys = PARTS.flatMap((p) => Object.keys(p));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.every((k) => /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\//.test(k))).toBe(true);
  });
});

for (const dialect of testDialects()) {
  describe(`every API route on ${dialect}`, () => {
    let f: CoverageFixture;
    beforeAll(async () => {
      f = await coverageFixture(dialect);
    });
    afterAll(async () => f.close());

    it('has a row for every route the server registers and the OpenAPI document lists, and no row for a route it does not', async () => {
      const registered = new Map(f.world.app.apiRoutes.map((r) => [keyOf(r), r]));
      const doc = (await f.world.anonymous.request('GET', '/api/v1/openapi.json')).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(registered.size).toBeGreaterThan(40);
      expect(
        [...new Set([...registered.keys(), ...documented])].filter((k) => !(k in TABLE)),
        'routes without a row in the coverage table',
      ).toEqual([]);
      expect(
        Object.keys(TABLE).filter((k) => !registered.has(k)),
        'rows for routes the server does not have',
      ).toEqual([]);
    });

    it('has rows consistent with each route\u2019s access rule (401, 403 and 404 cells where the rule implies them; reasons where a case does not apply)', () => {
      const registered = new Map(f.world.app.apiRoutes.map((r) => [keyOf(r), r]));
      const problems = Object.entries(TABLE).flatMap(([key, row]) =>
        rowProblems(key, row, registered.get(key)).map((p) => `${key}: ${p}`),
      );
      expect(problems).toEqual([]);
    });

    it('refuses every state-changing route without the right CSRF header (403 AUTH_CSRF), except signing in', async () => {
      const admin = await f.client('admin');
      // Accepting an invitation signs in (with a password the person sets), like POST /api/v1/session.
      const signingIn = new Set(['POST /api/v1/session', 'POST /api/v1/invitations/:token/accept']);
      const unsafe = f.world.app.apiRoutes.filter((r) => r.method !== 'GET' && !signingIn.has(keyOf(r)));
      expect(unsafe.length).toBeGreaterThan(10);
      for (const r of unsafe) {
        const url = urlOf(keyOf(r), { as: 'admin', status: 403 }, f);
        for (const headers of [{}, { 'x-csrf-token': 'forged' }]) {
          const res = await f.world.app.inject({
            method: methodOf(keyOf(r)),
            url,
            cookies: admin.cookies,
            headers,
            payload: {},
          });
          expect([
            keyOf(r),
            res.statusCode,
            (res.json() as { error?: { code: string; field?: string } }).error,
          ]).toEqual([keyOf(r), 403, expect.objectContaining({ code: 'AUTH_CSRF', field: 'x-csrf-token' })]);
        }
      }
    });

    it('answers a malformed URL and an over-long path parameter with the usual error body and headers, not the framework\u2019s', async () => {
      for (const [url, status] of [
        ['/api/v1/orgs/%E0%A4%A/members', 400],
        [`/api/v1/briefs/${'x'.repeat(600)}`, 414],
      ] as const) {
        const res = await f.world.anonymous.request('GET', url);
        expect([res.statusCode, res.json()]).toEqual([
          status,
          {
            error: {
              code: 'REQUEST_INVALID',
              message: expect.any(String),
              field: 'url',
              requestId: res.headers['x-request-id'],
            },
          },
        ]);
        expect(res.headers['content-security-policy']).toMatch(/default-src/);
        expect(res.body).not.toContain('xxxx');
      }
    });

    for (const [key, row] of Object.entries(TABLE)) {
      describe(key, () => {
        for (const column of COLUMNS) {
          const cases = casesOf(row[column]);
          if (cases.length === 0) continue;
          it(column, async () => {
            for (const c of cases) await runCase(key, c, f);
          });
        }
      });
    }
  });
}
