import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOrganisation,
  createUser,
  duressStatus,
  freshContext,
  grantMembership,
  instanceLock,
  listAudit,
  openContext,
  openSession,
  createSource,
  listSources,
  resolveSession,
  systemActor,
  testDialects,
  type AppContext,
} from '@civic/app';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { clientFor, TEST_PASSWORD, type TestClient } from '../http-test-kit.ts';

// The duress password (issue 15). Real parts: Fastify through inject(), argon2id, a SQLite file and
// a PostgreSQL database; the server runs on its own connection (as a server process does), so that
// the lock closing it leaves the test's connection to look inside.
const DURESS = 'the decoy opens with this one';
// The web app's page (its sign-in form shows itself when /api/v1/me answers 401).
const INDEX_HTML = '<!doctype html><title>CivicLedger</title><div id="root"></div>\n';
const webRoot = mkdtempSync(join(tmpdir(), 'civic-duress-web-'));
writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

const codeOf = (res: { json(): unknown }): string | undefined =>
  (res.json() as { error?: { code: string } }).error?.code;

function cookiesFrom(res: { cookies: readonly { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

for (const dialect of testDialects()) {
  describe(`the duress password on ${dialect}`, () => {
    let base: Awaited<ReturnType<typeof freshContext>>;
    let serverCtx: AppContext;
    let app: FastifyInstance;
    const c = {} as Record<'root' | 'accountant', TestClient>;
    const tokens: string[] = [];
    let orgId = '';

    beforeAll(async () => {
      base = await freshContext(dialect);
      serverCtx = await openContext(base.url, { migrate: false, env: {} });
      app = await buildServer(serverCtx, { webRoot });
      const seed = systemActor('test');
      const org = await createOrganisation(base, { name: 'Эхо' });
      if (!org.ok) throw new Error(org.error.message);
      orgId = org.value.id;
      const src = await createSource(base, orgId, {
        name: 'National Endowment for Democracy',
        category: 'foreign-organisation',
        country: 'US',
      });
      if (!src.ok) throw new Error(src.error.message);
      for (const [who, email, instanceAdmin, role] of [
        ['root', 'root@x.test', true, 'admin'],
        ['accountant', 'buh@x.test', false, 'accountant'],
      ] as const) {
        const u = await createUser(base, seed, {
          email,
          name: who,
          password: TEST_PASSWORD,
          instanceAdmin,
          locale: 'ru',
        });
        if (!u.ok) throw new Error(u.error.message);
        const m = await grantMembership(base, seed, { organisationId: orgId, email, role });
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
      await serverCtx.store.close().catch(() => undefined);
      await base.close();
    });

    it('is off by default: a wrong password is only a wrong password, and nothing locks', async () => {
      expect(await duressStatus(base)).toEqual({ enabled: false, decoyName: null, setAt: null });
      const status = await c.root.request('GET', '/api/v1/admin/duress');
      expect([status.statusCode, status.json()]).toEqual([
        200,
        { enabled: false, decoyName: null, setAt: null },
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'buh@x.test', password: DURESS },
      });
      expect([res.statusCode, codeOf(res)]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
      expect(await instanceLock(base)).toBeUndefined();
    });

    it('is set by the instance admin only, never to an account password, stored as a hash', async () => {
      expect(
        (await c.accountant.request('PUT', '/api/v1/admin/duress', { password: DURESS })).statusCode,
      ).toBe(403);
      const same = await c.root.request('PUT', '/api/v1/admin/duress', { password: TEST_PASSWORD });
      expect([same.statusCode, codeOf(same)]).toEqual([400, 'DURESS_PASSWORD_IN_USE']);
      const short = await c.root.request('PUT', '/api/v1/admin/duress', { password: 'short' });
      expect([short.statusCode, codeOf(short)]).toEqual([400, 'USER_PASSWORD_WEAK']);
      const set = await c.root.request('PUT', '/api/v1/admin/duress', { password: DURESS });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ enabled: true, decoyName: null });
      const trail = await listAudit(base, { entity: 'instance' });
      expect(trail[0]).toMatchObject({ action: 'duress-set', after: null });
      expect(JSON.stringify(trail)).not.toContain(DURESS);
    });

    it('signing in with it opens an empty decoy and locks the real instance behind it', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'user-agent': 'Coerced/1.0' },
        payload: { email: 'buh@x.test', password: DURESS },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        user: { email: string; id: string };
        memberships: { organisationId: string; organisationName: string; role: string }[];
        csrfToken: string;
      };
      // It looks like the real sign-in: the same e-mail, an organisation of the same name and role.
      expect(body.user.email).toBe('buh@x.test');
      expect(body.memberships).toHaveLength(1);
      expect(body.memberships[0]).toMatchObject({ organisationName: 'Эхо', role: 'accountant' });
      const decoyOrg = body.memberships[0]?.organisationId ?? '';
      expect(decoyOrg).not.toBe(orgId);

      // The real instance is locked as by «Lock now»: every real session ended, the mark written.
      expect(await instanceLock(base)).toBeDefined();
      for (const t of tokens) expect(await resolveSession(base, t)).toBeUndefined();

      // The decoy session is served, and shows nothing of the real data.
      const cookies = cookiesFrom(res);
      const decoy = async (method: 'GET' | 'POST', url: string) =>
        app.inject({
          method,
          url,
          cookies,
          headers: { 'x-csrf-token': body.csrfToken, 'accept-language': 'ru' },
        });
      const me = await decoy('GET', '/api/v1/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.body).not.toContain(orgId);
      const sources = await decoy('GET', `/api/v1/orgs/${decoyOrg}/ledger/sources`);
      expect(sources.statusCode, sources.body).toBe(200);
      expect(sources.body).not.toContain('Endowment');
      const real = await decoy('GET', `/api/v1/orgs/${orgId}/ledger/sources`);
      expect(real.statusCode).toBe(404);
      const audit = await decoy('GET', `/api/v1/orgs/${decoyOrg}/audit`);
      expect(audit.body).not.toMatch(/duress|lock|buh@x\.test|root@x\.test/);

      // Everyone else meets the decoy too, never a locked answer that would tell the lock: an old
      // session is simply signed out, a real password simply wrong.
      const other = await c.root.request('GET', '/api/v1/me');
      expect([other.statusCode, codeOf(other)]).toEqual([401, 'AUTH_REQUIRED']);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'root@x.test', password: TEST_PASSWORD },
      });
      expect([signIn.statusCode, codeOf(signIn)]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);

      // Nothing is deleted: the real organisation and its source are there.
      expect((await listSources(base, orgId)).map((x) => x.name)).toEqual([
        'National Endowment for Democracy',
      ]);
      const lockEntry = (await listAudit(base, { entity: 'instance' }))[0];
      expect(lockEntry).toMatchObject({ action: 'lock', actor: { label: 'buh@x.test' } });
    });

    it('signing out of the decoy leads to the ordinary sign-in page: the lock stays hidden, the real data locked', async () => {
      const signIn = (email: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
      const first = await signIn('buh@x.test', DURESS);
      expect(first.statusCode, first.body).toBe(200);
      const { csrfToken, memberships } = first.json() as {
        csrfToken: string;
        memberships: { organisationId: string }[];
      };
      const out = await app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        cookies: cookiesFrom(first),
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(out.statusCode, out.body).toBeLessThan(300);

      // The next page: the web app (whose sign-in form shows when /me answers 401), as on any
      // signed-out visit; never the locked page.
      const page = await app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'ru' } });
      expect([page.statusCode, page.body]).toEqual([200, INDEX_HTML]);
      const me = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect([me.statusCode, codeOf(me)]).toEqual([401, 'AUTH_REQUIRED']);
      for (const res of [page, me]) expect(res.body).not.toMatch(/INSTANCE_LOCKED|заблокирован|locked/i);

      // Signing in again as the person watching asks: the duress password opens the same decoy,
      // the real password is only a wrong one.
      const again = await signIn('buh@x.test', DURESS);
      expect(again.statusCode, again.body).toBe(200);
      expect((again.json() as { memberships: { organisationId: string }[] }).memberships).toEqual([
        expect.objectContaining({ organisationId: memberships[0]?.organisationId }),
      ]);
      const real = await signIn('buh@x.test', TEST_PASSWORD);
      expect([real.statusCode, codeOf(real)]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);

      // In the background the real instance is still locked and whole.
      expect(await instanceLock(base)).toBeDefined();
      expect((await listSources(base, orgId)).map((x) => x.name)).toEqual([
        'National Endowment for Democracy',
      ]);
    });
  });
}
