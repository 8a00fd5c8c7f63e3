import {
  clearLockOnStart,
  createOrganisation,
  createUser,
  freshContext,
  grantMembership,
  instanceLock,
  listAudit,
  openContext,
  openSession,
  organisations,
  resolveSession,
  systemActor,
  testDialects,
  type AppContext,
} from '@civic/app';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { clientFor, TEST_PASSWORD, type TestClient } from '../http-test-kit.ts';

// "Lock now" from the web app (issue 15). Real parts: Fastify through inject(), argon2id, a SQLite
// file and a PostgreSQL database. The server runs on its OWN connection to the database (as a
// server process does), so that the lock closing it leaves the test's connection to look inside.
for (const dialect of testDialects()) {
  describe(`POST /api/v1/admin/lock on ${dialect}`, () => {
    let base: Awaited<ReturnType<typeof freshContext>>;
    let serverCtx: AppContext;
    let app: FastifyInstance;
    const tokens: string[] = [];
    const c = {} as Record<'root' | 'orgAdmin', TestClient>;

    beforeAll(async () => {
      base = await freshContext(dialect);
      serverCtx = await openContext(base.url, { migrate: false, env: {} });
      app = await buildServer(serverCtx);
      const seed = systemActor('test');
      const org = await createOrganisation(base, { name: 'Alpha' });
      if (!org.ok) throw new Error(org.error.message);
      for (const [who, email, instanceAdmin] of [
        ['root', 'root@x.test', true],
        ['orgAdmin', 'admin@a.test', false],
      ] as const) {
        const u = await createUser(base, seed, { email, name: who, password: TEST_PASSWORD, instanceAdmin });
        if (!u.ok) throw new Error(u.error.message);
        const m = await grantMembership(base, seed, { organisationId: org.value.id, email, role: 'admin' });
        if (!m.ok) throw new Error(m.error.message);
        const s = await openSession(base, u.value.id);
        tokens.push(s.token);
        c[who] = clientFor(
          app,
          u.value.id,
          email,
          { civic_session: s.token, civic_csrf: s.csrfToken },
          s.csrfToken,
        );
      }
    });
    afterAll(async () => {
      await app.close();
      await serverCtx.store.close();
      await base.close();
    });

    it('refuses an organisation admin (403) and a caller without a session (401), and stays open', async () => {
      const res = await c.orgAdmin.request('POST', '/api/v1/admin/lock');
      expect(res.statusCode).toBe(403);
      expect((res.json() as { error: { code: string } }).error.code).toBe('AUTH_FORBIDDEN');
      const anon = await app.inject({ method: 'POST', url: '/api/v1/admin/lock' });
      expect([anon.statusCode, (anon.json() as { error: { code: string } }).error.code]).toEqual([
        401,
        'AUTH_REQUIRED',
      ]);
      expect(await instanceLock(base)).toBeUndefined();
      expect((await c.orgAdmin.request('GET', '/api/v1/me')).statusCode).toBe(200);
    });

    it('locks for the instance admin: every session ends, every route answers INSTANCE_LOCKED, nothing is deleted', async () => {
      const res = await c.root.request('POST', '/api/v1/admin/lock');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ locked: true, sessionsEnded: 2 });
      for (const t of tokens) expect(await resolveSession(base, t)).toBeUndefined();

      for (const r of app.apiRoutes) {
        const url = r.url.replace(/:(\w+)/g, 'x');
        const answer = await c.root.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
        expect([
          r.method,
          r.url,
          answer.statusCode,
          (answer.json() as { error?: { code: string } }).error?.code,
        ]).toEqual([r.method, r.url, 503, 'INSTANCE_LOCKED']);
      }
      const page = await app.inject({
        method: 'GET',
        url: '/ledger',
        headers: { accept: 'text/html', 'accept-language': 'ru' },
      });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('CivicLedger заблокирован');
      expect(page.body).toContain('Ничего не удалено');
      const ru = await app.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { 'accept-language': 'kk' },
      });
      expect((ru.json() as { error: { message: string } }).error.message).toContain('бұғатталды');

      // The server let go of its database (and with it the keys): its connection reads nothing now.
      let closed = false;
      for (let i = 0; i < 100 && !closed; i++) {
        closed = await instanceLock(serverCtx).then(
          () => false,
          () => true,
        );
        if (!closed) await new Promise((r) => setTimeout(r, 20));
      }
      expect(closed).toBe(true);
      // Nothing is deleted: the organisation and the audit trail are there, the lock with them.
      expect((await organisations(base)).map((o) => o.name)).toEqual(['Alpha']);
      const [entry] = await listAudit(base, { entity: 'instance' });
      expect(entry).toMatchObject({ action: 'lock', actor: { label: 'root@x.test' }, channel: 'web' });
      expect(await instanceLock(base)).toMatchObject({ lockedBy: 'root@x.test', channel: 'web' });
    });

    it('serves again after a restart with the key, which clears the lock', async () => {
      expect(await clearLockOnStart(base)).toBeDefined();
      const ctx2 = await openContext(base.url, { migrate: false, env: {} });
      const app2 = await buildServer(ctx2);
      try {
        expect((await app2.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      } finally {
        await app2.close();
        await ctx2.store.close();
      }
    });
  });
}
