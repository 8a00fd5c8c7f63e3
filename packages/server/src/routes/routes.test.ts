import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, TEST_PASSWORD, testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// API tests for every route of the accounts, organisations and audit modules: the happy path, bad
// input (400 with a code and field), no session (401), wrong role (403) or tenant (404).
// Real parts: Fastify through inject(), argon2id, a SQLite file and a PostgreSQL database.
for (const dialect of testDialects()) {
  describe(`API routes on ${dialect}`, () => {
    let w: TestWorld;
    let orgA = '';
    let orgB = '';
    const c: Record<
      'admin' | 'accountant' | 'viewer' | 'lawyer' | 'monitor' | 'outsider' | 'root',
      TestClient
    > = {} as never;

    beforeAll(async () => {
      w = await testWorld(dialect);
      orgA = await w.org('Alpha Org');
      orgB = await w.org('Beta Org');
      const ids = {
        admin: await w.user('admin@a.test', { [orgA]: 'admin' }),
        accountant: await w.user('accountant@a.test', { [orgA]: 'accountant' }),
        viewer: await w.user('viewer@a.test', { [orgA]: 'viewer' }),
        lawyer: await w.user('lawyer@ab.test', { [orgA]: 'lawyer', [orgB]: 'lawyer' }),
        monitor: await w.user('monitor@b.test', { [orgB]: 'monitor' }),
        outsider: await w.user('outsider@x.test', {}),
        root: await w.user('root@x.test', {}, { instanceAdmin: true }),
      };
      for (const [k, id] of Object.entries(ids)) c[k as keyof typeof c] = await w.client(id, `${k}`);
    });
    afterAll(async () => w.close());

    const expectError = (
      res: { statusCode: number; json(): unknown },
      status: number,
      code: string,
      field?: string,
    ) => {
      expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
      const body = res.json() as {
        error: { code: string; field?: string; message: string; requestId: string };
      };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBeTruthy();
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      if (field !== undefined) expect(body.error.field).toBe(field);
    };

    describe('GET /api/v1/health', () => {
      it('answers without a session', async () => {
        const res = await w.anonymous.request('GET', '/api/v1/health');
        expect(res.json()).toEqual({ status: 'ok', database: dialect });
      });
    });

    describe('POST /api/v1/session', () => {
      it('signs in and sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
        const res = await w.anonymous.request('POST', '/api/v1/session', {
          email: 'Admin@A.test',
          password: TEST_PASSWORD,
        });
        expect(res.statusCode).toBe(200);
        const body = res.json() as {
          user: { email: string };
          memberships: { organisationId: string; role: string }[];
          csrfToken: string;
        };
        expect(body.user.email).toBe('admin@a.test');
        expect(body.memberships).toEqual([
          { organisationId: orgA, organisationName: 'Alpha Org', role: 'admin' },
        ]);
        const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
        expect(raw.find((s) => s.startsWith('civic_session='))).toMatch(/HttpOnly/);
        expect(raw.find((s) => s.startsWith('civic_session='))).toMatch(/SameSite=Lax/);
        expect(raw.find((s) => s.startsWith('civic_csrf='))).not.toMatch(/HttpOnly/);
        expect(cookiesOf(res)['civic_csrf']).toBe(body.csrfToken);
        const me = await w.app.inject({ method: 'GET', url: '/api/v1/me', cookies: cookiesOf(res) });
        expect(me.statusCode).toBe(200);
      });

      it('answers a wrong e-mail and a wrong password with the same 401 and message', async () => {
        const a = await w.anonymous.request('POST', '/api/v1/session', {
          email: 'nobody@a.test',
          password: TEST_PASSWORD,
        });
        const b = await w.anonymous.request('POST', '/api/v1/session', {
          email: 'viewer@a.test',
          password: 'not the password',
        });
        expectError(a, 401, 'AUTH_INVALID_CREDENTIALS');
        expectError(b, 401, 'AUTH_INVALID_CREDENTIALS');
        expect((a.json() as { error: { message: string } }).error.message).toBe(
          (b.json() as { error: { message: string } }).error.message,
        );
        expect(a.headers['set-cookie']).toBeUndefined();
      });

      it('refuses bad input with a code and the field', async () => {
        expectError(
          await w.anonymous.request('POST', '/api/v1/session', { email: 'admin@a.test' }),
          400,
          'REQUEST_INVALID',
          'password',
        );
        expectError(
          await w.anonymous.request('POST', '/api/v1/session', {
            email: 'admin@a.test',
            password: 'x',
            extra: 1,
          }),
          400,
          'REQUEST_INVALID',
          'extra',
        );
        expectError(
          await w.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            headers: { 'content-type': 'application/json' },
            payload: '{"email":',
          }),
          400,
          'REQUEST_INVALID',
        );
      });
    });

    describe('DELETE /api/v1/session', () => {
      it('signs out (the token stops working) and needs a session and the CSRF header', async () => {
        const s = await w.client(c.viewer.userId, 'viewer');
        expectError(
          await w.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies: s.cookies }),
          403,
          'AUTH_CSRF',
          'x-csrf-token',
        );
        const res = await s.request('DELETE', '/api/v1/session');
        expect(res.statusCode).toBe(200);
        expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')).toMatch(/civic_session=;/);
        expectError(await s.request('GET', '/api/v1/me'), 401, 'AUTH_REQUIRED');
        expectError(await w.anonymous.request('DELETE', '/api/v1/session'), 401, 'AUTH_REQUIRED');
      });
    });

    describe('GET and PATCH /api/v1/me', () => {
      it('returns the user, memberships and CSRF token', async () => {
        const res = await c.lawyer.request('GET', '/api/v1/me');
        const body = res.json() as {
          user: { email: string; totpEnabled: boolean };
          memberships: { role: string }[];
          csrfToken: string;
        };
        expect(body.user).toMatchObject({ email: 'lawyer@ab.test', totpEnabled: false });
        expect(body.memberships.map((m) => m.role)).toEqual(['lawyer', 'lawyer']);
        expect(body.csrfToken).toBe(c.lawyer.csrf);
        expect(JSON.stringify(body)).not.toMatch(/password|hash|secret/i);
        expectError(await w.anonymous.request('GET', '/api/v1/me'), 401, 'AUTH_REQUIRED');
      });

      it('changes the language, which then picks the language of messages', async () => {
        const s = await w.client(c.monitor.userId, 'monitor');
        const res = await s.request('PATCH', '/api/v1/me', { locale: 'kk' });
        expect(res.json()).toMatchObject({ locale: 'kk' });
        expectError(
          await s.request('PATCH', '/api/v1/me', { locale: 'de' }),
          400,
          'REQUEST_INVALID',
          'locale',
        );
        const bad = await s.request('PUT', `/api/v1/orgs/${orgB}/members`, {
          email: 'x@y.z',
          role: 'viewer',
        });
        expect((bad.json() as { error: { message: string } }).error.message).toBe(
          'Осы ұйымдағы рөліңіз мұны істеуге рұқсат бермейді.',
        );
        const ru = await s.request(
          'PUT',
          `/api/v1/orgs/${orgB}/members`,
          { email: 'x@y.z', role: 'viewer' },
          { 'accept-language': 'ru-RU,ru;q=0.9' },
        );
        expect((ru.json() as { error: { message: string } }).error.message).toBe(
          'Ваша роль в этой организации не даёт такого права.',
        );
        await s.request('PATCH', '/api/v1/me', { locale: 'en' });
        expectError(await s.request('PATCH', '/api/v1/me', {}), 400, 'REQUEST_INVALID');
        expectError(await w.anonymous.request('PATCH', '/api/v1/me', { locale: 'ru' }), 401, 'AUTH_REQUIRED');
        expectError(
          await w.app.inject({
            method: 'PATCH',
            url: '/api/v1/me',
            cookies: s.cookies,
            payload: { locale: 'ru' },
          }),
          403,
          'AUTH_CSRF',
        );
      });
    });

    describe('POST /api/v1/me/password', () => {
      it('changes the password after checking the current one', async () => {
        const id = await w.user('changer@x.test', {});
        const s = await w.client(id, 'changer');
        expectError(
          await s.request('POST', '/api/v1/me/password', {
            currentPassword: 'wrong one',
            newPassword: 'a brand new password',
          }),
          400,
          'USER_PASSWORD_WRONG',
          'currentPassword',
        );
        expectError(
          await s.request('POST', '/api/v1/me/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: 'short',
          }),
          400,
          'USER_PASSWORD_WEAK',
          'newPassword',
        );
        expectError(
          await s.request('POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD }),
          400,
          'REQUEST_INVALID',
          'newPassword',
        );
        expect(
          (
            await s.request('POST', '/api/v1/me/password', {
              currentPassword: TEST_PASSWORD,
              newPassword: 'a brand new password',
            })
          ).statusCode,
        ).toBe(200);
        expect(
          (
            await w.anonymous.request('POST', '/api/v1/session', {
              email: 'changer@x.test',
              password: 'a brand new password',
            })
          ).statusCode,
        ).toBe(200);
        expectError(
          await w.anonymous.request('POST', '/api/v1/me/password', {
            currentPassword: 'a',
            newPassword: 'b',
          }),
          401,
          'AUTH_REQUIRED',
        );
      });
    });

    describe('GET /api/v1/orgs and /api/v1/orgs/:orgId', () => {
      it('lists only your organisations, with your role and permissions', async () => {
        const res = await c.lawyer.request('GET', '/api/v1/orgs');
        const orgs = (res.json() as { organisations: { id: string; role: string; permissions: string[] }[] })
          .organisations;
        expect(orgs.map((o) => o.id).sort()).toEqual([orgA, orgB].sort());
        expect(orgs[0]?.permissions).toContain('cases:write');
        expect((await c.outsider.request('GET', '/api/v1/orgs')).json()).toEqual({ organisations: [] });
        expectError(await w.anonymous.request('GET', '/api/v1/orgs'), 401, 'AUTH_REQUIRED');
      });

      it('shows an organisation to its members only (404 to others, existing or not)', async () => {
        const almatyNow = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
        const before = almatyNow();
        const shown = (await c.viewer.request('GET', `/api/v1/orgs/${orgA}`)).json() as { today: string };
        expect(shown).toMatchObject({ id: orgA, name: 'Alpha Org', role: 'viewer', aliases: [] });
        // Today where the kz pack counts days (Almaty, UTC+5), not the UTC date.
        expect([before, almatyNow()]).toContain(shown.today);
        expectError(await c.viewer.request('GET', `/api/v1/orgs/${orgB}`), 404, 'ORG_NOT_FOUND');
        expectError(await c.viewer.request('GET', '/api/v1/orgs/org_does_not_exist'), 404, 'ORG_NOT_FOUND');
        expectError(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}`), 401, 'AUTH_REQUIRED');
      });
    });

    describe('members: GET, PUT, DELETE /api/v1/orgs/:orgId/members', () => {
      it('lets an admin list, grant, change and remove; refuses others', async () => {
        const list = (await c.admin.request('GET', `/api/v1/orgs/${orgA}/members`)).json() as {
          members: { email: string }[];
        };
        expect(list.members.map((m) => m.email)).toContain('lawyer@ab.test');
        expectError(await c.viewer.request('GET', `/api/v1/orgs/${orgA}/members`), 403, 'AUTH_FORBIDDEN');
        expectError(await c.monitor.request('GET', `/api/v1/orgs/${orgA}/members`), 404, 'ORG_NOT_FOUND');
        expectError(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/members`), 401, 'AUTH_REQUIRED');

        const granted = await c.admin.request('PUT', `/api/v1/orgs/${orgA}/members`, {
          email: 'outsider@x.test',
          role: 'viewer',
        });
        expect(granted.json()).toMatchObject({ email: 'outsider@x.test', role: 'viewer' });
        expectError(
          await c.admin.request('PUT', `/api/v1/orgs/${orgA}/members`, {
            email: 'outsider@x.test',
            role: 'owner',
          }),
          400,
          'REQUEST_INVALID',
          'role',
        );
        expectError(
          await c.admin.request('PUT', `/api/v1/orgs/${orgA}/members`, {
            email: 'ghost@x.test',
            role: 'viewer',
          }),
          404,
          'USER_NOT_FOUND',
          'email',
        );
        expectError(
          await c.accountant.request('PUT', `/api/v1/orgs/${orgA}/members`, {
            email: 'outsider@x.test',
            role: 'admin',
          }),
          403,
          'AUTH_FORBIDDEN',
        );
        expectError(
          await c.monitor.request('PUT', `/api/v1/orgs/${orgA}/members`, {
            email: 'monitor@b.test',
            role: 'admin',
          }),
          404,
          'ORG_NOT_FOUND',
        );

        const outsiderId = c.outsider.userId;
        expect(
          (await c.admin.request('DELETE', `/api/v1/orgs/${orgA}/members/${outsiderId}`)).json(),
        ).toMatchObject({ email: 'outsider@x.test' });
        expectError(
          await c.admin.request('DELETE', `/api/v1/orgs/${orgA}/members/${outsiderId}`),
          404,
          'MEMBER_NOT_FOUND',
          'userId',
        );
        expectError(
          await c.admin.request('DELETE', `/api/v1/orgs/${orgA}/members/${c.admin.userId}`),
          409,
          'MEMBER_LAST_ADMIN',
        );
        expectError(
          await c.viewer.request('DELETE', `/api/v1/orgs/${orgA}/members/${c.admin.userId}`),
          403,
          'AUTH_FORBIDDEN',
        );
        expectError(
          await c.monitor.request('DELETE', `/api/v1/orgs/${orgA}/members/${c.admin.userId}`),
          404,
          'ORG_NOT_FOUND',
        );
        expectError(
          await w.anonymous.request('DELETE', `/api/v1/orgs/${orgA}/members/${c.admin.userId}`),
          401,
          'AUTH_REQUIRED',
        );
      });
    });

    describe('GET /api/v1/orgs/:orgId/audit', () => {
      it('shows an admin who changed what, before and after, in their organisation only', async () => {
        await c.admin.request('PUT', `/api/v1/orgs/${orgA}/members`, {
          email: 'monitor@b.test',
          role: 'viewer',
        });
        await c.admin.request('PUT', `/api/v1/orgs/${orgA}/members`, {
          email: 'monitor@b.test',
          role: 'lawyer',
        });
        const res = await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?limit=2`);
        const entries = (
          res.json() as {
            entries: {
              id: string;
              actor: { label: string };
              entity: string;
              action: string;
              before: { role: string };
              after: { role: string };
            }[];
          }
        ).entries;
        expect(entries).toHaveLength(2);
        expect(entries[0]).toMatchObject({
          actor: { label: 'admin@a.test' },
          entity: 'membership',
          action: 'update',
          before: { role: 'viewer' },
          after: { role: 'lawyer' },
        });
        const older = (
          await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?before=${entries[1]?.id ?? ''}`)
        ).json() as { entries: { id: string }[] };
        expect(older.entries.every((e) => e.id < (entries[1]?.id ?? ''))).toBe(true);
        const allA = JSON.stringify(
          (await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?limit=500`)).json(),
        );
        expect(allA).not.toContain(orgB);
        expectError(
          await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?limit=0`),
          400,
          'REQUEST_INVALID',
          'limit',
        );
        expectError(
          await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?limit=ten`),
          400,
          'REQUEST_INVALID',
          'limit',
        );
        expectError(await c.lawyer.request('GET', `/api/v1/orgs/${orgA}/audit`), 403, 'AUTH_FORBIDDEN');
        expectError(await c.admin.request('GET', `/api/v1/orgs/${orgB}/audit`), 404, 'ORG_NOT_FOUND');
        expectError(await w.anonymous.request('GET', `/api/v1/orgs/${orgA}/audit`), 401, 'AUTH_REQUIRED');
      });
    });

    describe('GET and POST /api/v1/users', () => {
      it('lets the instance admin list and create accounts', async () => {
        const made = await c.root.request('POST', '/api/v1/users', {
          email: 'new@x.test',
          name: 'New Person',
          password: 'long enough password',
          locale: 'ru',
        });
        expect(made.statusCode).toBe(201);
        expect(made.json()).toMatchObject({ email: 'new@x.test', locale: 'ru', instanceAdmin: false });
        expect(
          ((await c.root.request('GET', '/api/v1/users')).json() as { users: { email: string }[] }).users.map(
            (u) => u.email,
          ),
        ).toContain('new@x.test');
        expectError(
          await c.root.request('POST', '/api/v1/users', {
            email: 'new@x.test',
            name: 'Again',
            password: 'long enough password',
          }),
          409,
          'USER_EMAIL_TAKEN',
          'email',
        );
        expectError(
          await c.root.request('POST', '/api/v1/users', {
            email: 'not-an-email',
            name: 'X',
            password: 'long enough password',
          }),
          400,
          'USER_EMAIL_INVALID',
          'email',
        );
        expectError(
          await c.root.request('POST', '/api/v1/users', { name: 'X', password: 'long enough password' }),
          400,
          'REQUEST_INVALID',
          'email',
        );
        expectError(
          await c.admin.request('POST', '/api/v1/users', {
            email: 'z@x.test',
            name: 'Z',
            password: 'long enough password',
          }),
          403,
          'AUTH_FORBIDDEN',
        );
        expectError(await c.admin.request('GET', '/api/v1/users'), 403, 'AUTH_FORBIDDEN');
        expectError(await w.anonymous.request('GET', '/api/v1/users'), 401, 'AUTH_REQUIRED');
      });
    });

    describe('every route', () => {
      it('declares an access rule, and every non-public one answers 401 without a session', async () => {
        expect(w.app.apiRoutes.length).toBeGreaterThan(10);
        for (const r of w.app.apiRoutes.filter((x) => x.access !== 'public')) {
          const url = r.url.replace(':orgId', orgA).replace(/:(\w+)/g, 'x');
          const res = await w.app.inject({
            method: r.method as 'GET',
            url,
            ...(r.method === 'GET' ? {} : { payload: {} }),
          });
          expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 401]);
        }
      });
    });
  });
}
