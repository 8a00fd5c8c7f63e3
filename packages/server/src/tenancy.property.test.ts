import {
  createOrganisation,
  grantMembership,
  listMembers,
  openSession,
  systemActor,
  testDialects,
} from '@civic/app';
import { roleAllows, ROLES, type Role } from '@civic/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, testWorld, type TestClient, type TestWorld } from './http-test-kit.ts';

// Zero leaks across tenants, as a property: generated organisations, users with generated roles,
// and generated requests to EVERY organisation-scoped route the server has (capabilities added
// later are swept too). Outsiders always get 404 ORG_NOT_FOUND and nothing else; members whose role
// lacks the permission get 403; nobody's answer ever contains another tenant's name.
// Real parts: Fastify through inject(), a SQLite file or a PostgreSQL database.
const POOL = 5;

for (const dialect of testDialects()) {
  describe(`tenant isolation on ${dialect}`, () => {
    let w: TestWorld;
    const pool: { id: string; email: string }[] = [];
    beforeAll(async () => {
      w = await testWorld(dialect);
      for (let i = 0; i < POOL; i++)
        pool.push({ id: await w.user(`p${i}@tenancy.test`, {}), email: `p${i}@tenancy.test` });
    });
    afterAll(async () => w.close());

    it('never lets a request reach another organisation', async () => {
      const orgRoutes = w.app.apiRoutes.filter(
        (r): r is typeof r & { access: { org: Parameters<typeof roleAllows>[1] } } =>
          typeof r.access === 'object',
      );
      expect(orgRoutes.length).toBeGreaterThanOrEqual(5);
      const seed = systemActor('property');
      let run = 0;

      const world = fc.record({
        orgs: fc.integer({ min: 2, max: 4 }),
        roles: fc.array(
          fc.array(fc.option(fc.constantFrom<Role>(...ROLES), { nil: undefined }), {
            minLength: 4,
            maxLength: 4,
          }),
          { minLength: POOL, maxLength: POOL },
        ),
        requests: fc.array(
          fc.record({
            user: fc.nat(POOL - 1),
            org: fc.nat(3),
            route: fc.nat(orgRoutes.length - 1),
            body: fc.constantFrom<unknown>(undefined, {}, { email: 'p0@tenancy.test', role: 'viewer' }),
          }),
          { minLength: 5, maxLength: 12 },
        ),
      });

      await fc.assert(
        fc.asyncProperty(world, async ({ orgs, roles, requests }) => {
          run++;
          const orgIds: string[] = [];
          const names: string[] = [];
          for (let o = 0; o < orgs; o++) {
            const name = `Tenant-${run}-${o}-${Math.random().toString(36).slice(2, 8)}`;
            const r = await createOrganisation(w.ctx, { name });
            if (!r.ok) throw new Error(r.error.message);
            orgIds.push(r.value.id);
            names.push(name);
          }
          // The truth the answers are checked against: the memberships in the database, re-read
          // after every request that may change them (an admin may grant or revoke on the way).
          const current = new Map<string, Role>();
          const key = (u: number, o: number) => `${u}:${o}`;
          const reload = async () => {
            current.clear();
            for (let o = 0; o < orgs; o++)
              for (const m of await listMembers(w.ctx, orgIds[o] ?? ''))
                current.set(
                  key(
                    pool.findIndex((p) => p.id === m.userId),
                    o,
                  ),
                  m.role,
                );
          };
          const roleOf = (u: number, o: number): Role | undefined => current.get(key(u, o));
          for (let o = 0; o < orgs; o++) {
            for (let u = 0; u < POOL; u++) {
              const role = roles[u]?.[o];
              const user = pool[u];
              if (role && user)
                await grantMembership(w.ctx, seed, {
                  organisationId: orgIds[o] ?? '',
                  email: user.email,
                  role,
                });
            }
          }
          await reload();
          const clients: TestClient[] = [];
          for (const p of pool) {
            const s = await openSession(w.ctx, p.id);
            clients.push(
              clientFor(
                w.app,
                p.id,
                p.email,
                { civic_session: s.token, civic_csrf: s.csrfToken },
                s.csrfToken,
              ),
            );
          }
          for (const q of requests) {
            const o = q.org % orgs;
            const route = orgRoutes[q.route];
            const client = clients[q.user];
            if (!route || !client) continue;
            const url = route.url.replace(':orgId', orgIds[o] ?? '').replace(/:(\w+)/g, pool[0]?.id ?? 'x');
            const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
            const res = await client.request(method, url, method === 'GET' ? undefined : (q.body ?? {}));
            const role = roleOf(q.user, o);
            const body = res.body;
            const others = names.filter((_n, i) => i !== o && roleOf(q.user, i) === undefined);
            for (const n of others) expect(body, `${method} ${url} leaked ${n}`).not.toContain(n);
            if (role === undefined) {
              expect(res.statusCode, `${method} ${route.url} by an outsider`).toBe(404);
              expect(res.json()).toMatchObject({ error: { code: 'ORG_NOT_FOUND' } });
              expect(body).not.toContain(names[o]);
            } else if (!roleAllows(role, route.access.org)) {
              expect(res.statusCode, `${method} ${route.url} by a ${role}`).toBe(403);
              expect(body).not.toContain(names[o]);
            } else {
              expect([401, 403], `${method} ${route.url} by a ${role}: ${body}`).not.toContain(
                res.statusCode,
              );
              if (res.statusCode === 404)
                expect(res.json()).not.toMatchObject({ error: { code: 'ORG_NOT_FOUND' } });
            }
            if (method !== 'GET' && res.statusCode < 300) await reload();
          }
        }),
        { numRuns: 15, seed: 20201115 },
      );
    });
  });
}
