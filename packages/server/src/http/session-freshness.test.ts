import {
  closeContext,
  createOrganisation,
  createUser,
  freshContext,
  grantMembership,
  logout,
  openContext,
  openSession,
  revokeMembership,
  systemActor,
  testDialects,
  type AppContext,
} from '@civic/app';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { clientFor, TEST_PASSWORD, type TestClient } from '../http-test-kit.ts';

// The server keeps signed-in sessions in a per-process cache (SQLite): a change to a session, a
// role or an account must still take effect on the very next request, whether this server made
// it or another process did. Real parts: Fastify, a SQLite file or PostgreSQL database, and a
// second connection to the same database standing in for another process (the CLI, a 2nd server).
const seed = systemActor('test');

for (const dialect of testDialects()) {
  describe(`session freshness on ${dialect}`, () => {
    let ctx: AppContext & { readonly url: string; close(): Promise<void> };
    let other: AppContext;
    let app: FastifyInstance;
    let orgId = '';

    async function signedIn(email: string, role: 'admin' | 'accountant'): Promise<TestClient> {
      const u = await createUser(ctx, seed, { email, name: email, password: TEST_PASSWORD });
      if (!u.ok) throw new Error(u.error.message);
      const m = await grantMembership(ctx, seed, { organisationId: orgId, email, role });
      if (!m.ok) throw new Error(m.error.message);
      const s = await openSession(ctx, u.value.id);
      return clientFor(
        app,
        u.value.id,
        email,
        { civic_session: s.token, civic_csrf: s.csrfToken },
        s.csrfToken,
      );
    }

    /** The same request twice: the second one is answered from the cache where there is one. */
    async function twice(c: TestClient, url: string): Promise<number> {
      const first = await c.request('GET', url);
      const second = await c.request('GET', url);
      expect(second.statusCode).toBe(first.statusCode);
      return second.statusCode;
    }

    beforeAll(async () => {
      ctx = await freshContext(dialect);
      other = await openContext(ctx.url, { migrate: false });
      app = await buildServer(ctx);
      const o = await createOrganisation(ctx, { name: 'Freshness' });
      if (!o.ok) throw new Error(o.error.message);
      orgId = o.value.id;
    });
    afterAll(async () => {
      await app.close();
      await closeContext(other);
      await ctx.close();
    });

    it('applies a role change, a removal and a sign-out made through this server on the next request', async () => {
      const admin = await signedIn('admin@fresh.test', 'admin');
      const member = await signedIn('member@fresh.test', 'accountant');
      const members = `/api/v1/orgs/${orgId}/members`;
      expect(await twice(member, members)).toBe(403);

      expect((await admin.request('PUT', members, { email: member.email, role: 'admin' })).statusCode).toBe(
        200,
      );
      expect((await member.request('GET', members)).statusCode).toBe(200);
      expect(await twice(member, members)).toBe(200);

      expect((await admin.request('PUT', members, { email: member.email, role: 'viewer' })).statusCode).toBe(
        200,
      );
      expect((await member.request('GET', members)).statusCode).toBe(403);

      expect((await admin.request('DELETE', `${members}/${member.userId}`)).statusCode).toBe(200);
      const gone = await member.request('GET', `/api/v1/orgs/${orgId}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ error: { code: 'ORG_NOT_FOUND' } });
      expect((await member.request('GET', '/api/v1/me')).json()).toMatchObject({ memberships: [] });

      expect(await twice(admin, '/api/v1/me')).toBe(200);
      expect((await admin.request('DELETE', '/api/v1/session')).statusCode).toBe(200);
      expect((await admin.request('GET', '/api/v1/me')).json()).toMatchObject({
        error: { code: 'AUTH_REQUIRED' },
      });
    });

    it('applies a password change on the next request: the other sessions end, the one that changed it stays', async () => {
      const member = await signedIn('changer@fresh.test', 'accountant');
      const s2 = await openSession(ctx, member.userId);
      const second = clientFor(
        app,
        member.userId,
        member.email,
        { civic_session: s2.token, civic_csrf: s2.csrfToken },
        s2.csrfToken,
      );
      expect(await twice(second, '/api/v1/me')).toBe(200);
      expect(
        (
          await member.request('POST', '/api/v1/me/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: 'another long password',
          })
        ).statusCode,
      ).toBe(200);
      expect((await second.request('GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await member.request('GET', '/api/v1/me')).statusCode).toBe(200);
    });

    it('applies changes committed by another process on the next request', async () => {
      const admin = await signedIn('admin2@fresh.test', 'admin');
      const member = await signedIn('member2@fresh.test', 'accountant');
      const members = `/api/v1/orgs/${orgId}/members`;
      expect(await twice(member, members)).toBe(403);

      expect(
        (await grantMembership(other, seed, { organisationId: orgId, email: member.email, role: 'admin' }))
          .ok,
      ).toBe(true);
      expect((await member.request('GET', members)).statusCode).toBe(200);

      expect((await revokeMembership(other, seed, { organisationId: orgId, userId: member.userId })).ok).toBe(
        true,
      );
      expect((await member.request('GET', members)).statusCode).toBe(404);

      expect(await twice(admin, '/api/v1/me')).toBe(200);
      await logout(other, admin.cookies['civic_session'] ?? '');
      expect((await admin.request('GET', '/api/v1/me')).statusCode).toBe(401);
    });
  });
}
