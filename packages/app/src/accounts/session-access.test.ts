import { createHash } from 'node:crypto';
import {
  findSessionAccessPg,
  findSessionWithUser,
  freshStore,
  testDialects,
  updateUser,
  upsertMembership,
} from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { grantMembership } from './memberships.ts';
import { createNetwork } from './networks.ts';
import { accessOf, loadAccess } from './principal.ts';
import { openSession, resolveSession } from './sessions.ts';
import { createUser } from './users.ts';

// A signed-in request's principal: on PostgreSQL the session, its user, memberships and network
// links come in one query (findSessionAccessPg); it must give exactly what the separate reads give
// (findSessionWithUser + loadAccess), which SQLite uses. Real parts: a SQLite file or a PostgreSQL
// database; memberships in several organisations and networks, none, an unknown role, a disabled user.
for (const dialect of testDialects()) {
  describe(`a session's access on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    const seed = systemActor('test');
    const org: Record<string, string> = {};
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-05-01T09:00:00Z') };
      // Names out of id order, so the order by name is seen; "Beta" twice differs by case.
      for (const name of ['Delta', 'Alpha', 'Gamma', 'beta', 'Echo', 'Zeta']) {
        const o = await createOrganisation(ctx, { name });
        if (!o.ok) throw new Error(o.error.message);
        org[name] = o.value.id;
      }
      const net = async (name: string, names: string[]): Promise<void> => {
        const n = await createNetwork(ctx, seed, { name, organisationIds: names.map((x) => org[x] ?? '') });
        if (!n.ok) throw new Error(n.error.message);
      };
      await net('North', ['Alpha', 'beta']);
      await net('South', ['Gamma', 'Delta']);
      await net('Bridge', ['Alpha', 'Delta']);
      await net('Far', ['Zeta', 'Echo']);
      const person = async (email: string, roles: [string, string][]): Promise<void> => {
        const u = await createUser(ctx, seed, { email, name: email, password: 'correct horse battery' });
        if (!u.ok) throw new Error(u.error.message);
        for (const [name, role] of roles) {
          const m = await grantMembership(ctx, seed, { organisationId: org[name] ?? '', email, role });
          if (!m.ok) throw new Error(m.error.message);
        }
        tokens[email] = (await openSession(ctx, u.value.id)).token;
      };
      await person('two@example.org', [
        ['Gamma', 'admin'],
        ['Alpha', 'viewer'],
      ]);
      await person('none@example.org', []);
      await person('alone@example.org', [['beta', 'accountant']]);
      await person('odd@example.org', [['Delta', 'viewer']]);
      await person('off@example.org', [['Alpha', 'admin']]);
      // A role this version does not know (written by another version, say): not a membership, and
      // its organisation's networks are not shared with the user.
      const odd = await findSessionWithUser(store.db, sha256(tokens['odd@example.org'] ?? ''));
      await upsertMembership(store.db, {
        userId: odd?.user.id ?? '',
        organisationId: org['Zeta'] ?? '',
        role: 'auditor-from-the-future',
        createdAt: '2026-05-01T09:00:00Z',
      });
      const off = await findSessionWithUser(store.db, sha256(tokens['off@example.org'] ?? ''));
      await updateUser(store.db, off?.user.id ?? '', { disabled: true });
    });
    afterAll(async () => {
      await store.close();
    });

    it('resolves each session to the memberships and network organisations the separate reads give', async () => {
      for (const email of ['two@example.org', 'none@example.org', 'alone@example.org', 'odd@example.org']) {
        const found = await findSessionWithUser(store.db, sha256(tokens[email] ?? ''));
        if (!found) throw new Error(email);
        const expected = await loadAccess(ctx, found.user.id);
        const p = await resolveSession(ctx, tokens[email] ?? '');
        expect(p && [p.memberships, p.organisationIds, p.networkOrganisationIds]).toEqual([
          expected.memberships,
          expected.organisationIds,
          expected.networkOrganisationIds,
        ]);
      }
      const two = await resolveSession(ctx, tokens['two@example.org'] ?? '');
      expect(two?.memberships.map((m) => [m.organisationId, m.role])).toEqual([
        [org['Alpha'], 'viewer'],
        [org['Gamma'], 'admin'],
      ]);
      expect(two?.networkOrganisationIds).toEqual(
        [org['Alpha'], org['beta'], org['Gamma'], org['Delta']].map(String).sort(),
      );
      const odd = await resolveSession(ctx, tokens['odd@example.org'] ?? '');
      expect(odd?.memberships.map((m) => m.organisationId)).toEqual([org['Delta']]);
      expect(odd?.networkOrganisationIds).toEqual(
        [org['Alpha'], org['Gamma'], org['Delta']].map(String).sort(),
      );
      expect((await resolveSession(ctx, tokens['none@example.org'] ?? ''))?.networkOrganisationIds).toEqual(
        [],
      );
      expect(await resolveSession(ctx, tokens['off@example.org'] ?? '')).toBeUndefined();
      expect(await resolveSession(ctx, 'no-such-token')).toBeUndefined();
    });

    if (dialect === 'postgres')
      it('reads the session, user and access in one query on PostgreSQL', async () => {
        for (const email of Object.keys(tokens)) {
          const id = sha256(tokens[email] ?? '');
          const one = await findSessionAccessPg(store.db, id);
          const apart = await findSessionWithUser(store.db, id);
          if (!one || !apart) throw new Error(email);
          expect([one.session, one.user]).toEqual([apart.session, apart.user]);
          expect(accessOf(one)).toEqual(await loadAccess(ctx, apart.user.id));
        }
        expect(await findSessionAccessPg(store.db, sha256('no-such-token'))).toBeUndefined();
      });
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
