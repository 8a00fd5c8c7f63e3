import {
  createIncident,
  createNetwork,
  createOrganisation,
  grantMembership,
  openSession,
  systemActor,
  testDialects,
} from '@civic/app';
import { canSeeRecord, ROLES, type Role } from '@civic/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, testWorld, type TestWorld } from './http-test-kit.ts';

// What an organisation shares, as a property: generated organisations, networks between them,
// users with generated roles, and incidents with generated owners and visibility. Each user's
// incident search returns EXACTLY what docs/security.md promises (canSeeRecord): their own
// organisations' records, `network` records of organisations in a network with one of theirs, and
// `public` ones — nothing private of anyone else, nothing shared with a network they are not in.
// Real parts: Fastify through inject(), the incident store with its full-text index, SQLite or PostgreSQL.
const POOL = 4;
const ORGS = 4;
const VISIBILITY = ['private', 'network', 'public'] as const;

for (const dialect of testDialects()) {
  describe(`sharing between tenants on ${dialect}`, () => {
    let w: TestWorld;
    const pool: { id: string; email: string }[] = [];
    beforeAll(async () => {
      w = await testWorld(dialect);
      for (let i = 0; i < POOL; i++)
        pool.push({ id: await w.user(`s${i}@sharing.test`, {}), email: `s${i}@sharing.test` });
    });
    afterAll(async () => w.close());

    it('shows each user exactly the incidents their organisations and networks may see', async () => {
      const seed = systemActor('property');
      let run = 0;
      const world = fc.record({
        roles: fc.array(
          fc.array(fc.option(fc.constantFrom<Role>(...ROLES), { nil: undefined }), {
            minLength: ORGS,
            maxLength: ORGS,
          }),
          { minLength: POOL, maxLength: POOL },
        ),
        networks: fc.array(fc.uniqueArray(fc.nat(ORGS - 1), { minLength: 2, maxLength: ORGS }), {
          maxLength: 2,
        }),
        incidents: fc.array(
          fc.record({ owner: fc.nat(ORGS - 1), visibility: fc.constantFrom(...VISIBILITY) }),
          { minLength: 1, maxLength: 8 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(world, async ({ roles, networks, incidents }) => {
          run++;
          const marker = `zq${run}x${Math.random().toString(36).slice(2, 8)}`;
          const orgIds: string[] = [];
          for (let o = 0; o < ORGS; o++) {
            const r = await createOrganisation(w.ctx, { name: `Sharing-${marker}-${o}` });
            if (!r.ok) throw new Error(r.error.message);
            orgIds.push(r.value.id);
          }
          for (const members of networks)
            await createNetwork(w.ctx, seed, {
              name: `net-${marker}`,
              organisationIds: members.map((o) => orgIds[o] ?? ''),
            });
          for (let u = 0; u < POOL; u++) {
            for (let o = 0; o < ORGS; o++) {
              const role = roles[u]?.[o];
              if (role)
                await grantMembership(w.ctx, seed, {
                  organisationId: orgIds[o] ?? '',
                  email: pool[u]?.email ?? '',
                  role,
                });
            }
          }
          for (const [k, i] of incidents.entries()) {
            const r = await createIncident(w.ctx, {
              date: '2020-11-20',
              organisation: `Org ${i.owner}`,
              place: 'Almaty',
              action: 'inspection',
              visibility: i.visibility,
              org: orgIds[i.owner] ?? '',
              notes: `${marker} number${k}`,
            });
            if (!r.ok) throw new Error(r.error.message);
          }
          for (let u = 0; u < POOL; u++) {
            const mine = orgIds.filter((_id, o) => roles[u]?.[o] !== undefined);
            const peers = orgIds.filter((_id, o) =>
              networks.some((n) => n.includes(o) && n.some((m) => roles[u]?.[m] !== undefined)),
            );
            const viewer = { organisationIds: mine, networkOrganisationIds: peers };
            const expected = incidents
              .flatMap((i, k) =>
                canSeeRecord(viewer, orgIds[i.owner] ?? '', i.visibility) ? [`number${k}`] : [],
              )
              .sort();
            const s = await openSession(w.ctx, pool[u]?.id ?? '');
            const client = clientFor(
              w.app,
              pool[u]?.id ?? '',
              pool[u]?.email ?? '',
              { civic_session: s.token },
              s.csrfToken,
            );
            const res = await client.request('GET', `/api/v1/incidents?q=${marker}&limit=1000`);
            expect(res.statusCode, res.body).toBe(200);
            const seen = (res.json() as { incidents: { notes: string | null }[] }).incidents
              .map((i) => /number\d+/.exec(i.notes ?? '')?.[0] ?? '?')
              .sort();
            expect(
              seen,
              `user ${u} roles ${JSON.stringify(roles[u])} networks ${JSON.stringify(networks)}`,
            ).toEqual(expected);
          }
        }),
        { numRuns: 12, seed: 20210204 },
      );
    });
  });
}
