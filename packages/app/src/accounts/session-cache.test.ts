import { createHash } from 'node:crypto';
import { ok } from '@civic/core';
import { findSession, freshStore, openConnection, testDialects, updateUser } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withAudit } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { grantMembership, revokeMembership } from './memberships.ts';
import { createNetwork } from './networks.ts';
import { logout, openSession, resolveSession, SESSION_IDLE_MS } from './sessions.ts';
import { createUser, updateProfile } from './users.ts';

// resolveSession runs on every request; on SQLite it answers from a per-process cache while the
// database is unchanged. Real parts: a SQLite file or PostgreSQL database, a second connection to
// it standing in for another process; the clock is a variable.
for (const dialect of testDialects()) {
  describe(`session resolution on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let clock = new Date('2026-05-01T09:00:00Z');
    let ctx: AppContext;
    let other: AppContext;
    const seed = systemActor('test');
    let orgA = '';
    let orgB = '';

    async function account(
      email: string,
      role: 'admin' | 'accountant' | 'viewer',
    ): Promise<{ userId: string; token: string }> {
      const u = await createUser(ctx, seed, { email, name: email, password: 'correct horse battery' });
      if (!u.ok) throw new Error(u.error.message);
      await grantMembership(ctx, seed, { organisationId: orgA, email, role });
      return { userId: u.value.id, token: (await openSession(ctx, u.value.id)).token };
    }

    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => clock };
      other = { store: openConnection(store.url), now: () => clock };
      const a = await createOrganisation(ctx, { name: 'Alpha' });
      const b = await createOrganisation(ctx, { name: 'Beta' });
      if (!a.ok || !b.ok) throw new Error('setup');
      orgA = a.value.id;
      orgB = b.value.id;
      await account('keeper@example.org', 'admin');
    });
    afterAll(async () => {
      await other.store.close();
      await store.close();
    });

    it('sees every change made in this process on the next call: role, network, profile, sign-out', async () => {
      const { token } = await account('ann@example.org', 'viewer');
      expect((await resolveSession(ctx, token))?.memberships).toEqual([
        { organisationId: orgA, organisationName: 'Alpha', role: 'viewer' },
      ]);
      expect((await resolveSession(ctx, token))?.memberships[0]?.role).toBe('viewer');
      await grantMembership(ctx, seed, {
        organisationId: orgA,
        email: 'ann@example.org',
        role: 'accountant',
      });
      expect((await resolveSession(ctx, token))?.memberships[0]?.role).toBe('accountant');
      await grantMembership(ctx, seed, { organisationId: orgB, email: 'ann@example.org', role: 'viewer' });
      expect((await resolveSession(ctx, token))?.memberships.map((m) => m.organisationName)).toEqual([
        'Alpha',
        'Beta',
      ]);
      expect((await resolveSession(ctx, token))?.networkOrganisationIds).toEqual([]);
      await createNetwork(ctx, seed, { name: 'Net', organisationIds: [orgB] });
      expect((await resolveSession(ctx, token))?.networkOrganisationIds).toEqual([orgB]);
      const p = await resolveSession(ctx, token);
      await updateProfile(ctx, seed, p?.user.id ?? '', { locale: 'kk' });
      expect((await resolveSession(ctx, token))?.user.locale).toBe('kk');
      await logout(ctx, token);
      expect(await resolveSession(ctx, token)).toBeUndefined();
    });

    it('sees changes committed by another connection (another process) on the next call', async () => {
      const { userId, token } = await account('bob@example.org', 'viewer');
      expect((await resolveSession(ctx, token))?.memberships[0]?.role).toBe('viewer');
      await grantMembership(other, seed, {
        organisationId: orgA,
        email: 'bob@example.org',
        role: 'accountant',
      });
      expect((await resolveSession(ctx, token))?.memberships[0]?.role).toBe('accountant');
      await revokeMembership(other, seed, { organisationId: orgA, userId });
      expect((await resolveSession(ctx, token))?.memberships).toEqual([]);
      await updateUser(other.store.db, userId, { disabled: true });
      expect(await resolveSession(ctx, token)).toBeUndefined();
    });

    it('never keeps what a request read while another request had a change in flight', async () => {
      const { userId, token } = await account('cat@example.org', 'accountant');
      expect((await resolveSession(ctx, token))?.memberships).toHaveLength(1);
      let during: Promise<unknown> = Promise.resolve();
      await withAudit(ctx, seed, async (tx) => {
        await revokeMembership(tx, seed, { organisationId: orgA, userId });
        // Another request resolves the session while the change is not committed yet.
        during = resolveSession(ctx, token);
        return ok(null);
      });
      await during;
      expect((await resolveSession(ctx, token))?.memberships).toEqual([]);
      expect((await resolveSession(ctx, token))?.memberships).toEqual([]);
    });

    it('touches a session at most once a minute, sliding its expiry', async () => {
      const { token, userId } = await account('dan@example.org', 'viewer');
      const id = createHash('sha256').update(token).digest('hex');
      const opened = clock.toISOString();
      const lastSeen = async (): Promise<string | undefined> => (await findSession(store.db, id))?.lastSeenAt;
      clock = new Date(clock.getTime() + 30_000);
      for (let i = 0; i < 3; i++) expect(await resolveSession(ctx, token)).toBeDefined();
      expect(await lastSeen()).toBe(opened);
      clock = new Date(clock.getTime() + 31_000);
      expect((await resolveSession(ctx, token))?.user.id).toBe(userId);
      const touched = clock.toISOString();
      expect(await lastSeen()).toBe(touched);
      expect((await findSession(store.db, id))?.expiresAt).toBe(
        new Date(clock.getTime() + SESSION_IDLE_MS).toISOString(),
      );
      clock = new Date(clock.getTime() + 59_000);
      for (let i = 0; i < 3; i++) expect(await resolveSession(ctx, token)).toBeDefined();
      expect(await lastSeen()).toBe(touched);
    });

    it('hands out a principal nobody can change in place', async () => {
      const { token } = await account('eve@example.org', 'viewer');
      const p = await resolveSession(ctx, token);
      if (!p) throw new Error('session');
      expect(
        Object.isFrozen(p) &&
          Object.isFrozen(p.memberships) &&
          Object.isFrozen(p.memberships[0]) &&
          Object.isFrozen(p.user),
      ).toBe(true);
      expect(() => (p.memberships as unknown as unknown[]).push({ role: 'admin' })).toThrow(TypeError);
      expect((await resolveSession(ctx, token))?.memberships).toHaveLength(1);
    });
  });
}
