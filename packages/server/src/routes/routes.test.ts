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

    describe('ledger records: /api/v1/orgs/{orgId}/ledger/{kind} and …/{kind}/{id}', () => {
      // The coverage table of the ledger's record routes (issue 13): each kind's create body, a
      // change, and a bad body with the field its error names.
      type Body = Record<string, unknown>;
      const fixture = { source: '', grant: '' };
      const rows: {
        kind: string;
        create: () => Body;
        change: Body;
        expect: Body;
        bad: () => Body;
        field: string;
        notFound: string;
      }[] = [
        {
          kind: 'sources',
          create: () => ({ name: 'Freedom House', category: 'foreign-organisation', country: null }),
          change: { country: 'us' },
          expect: { country: 'US' },
          bad: () => ({ name: 'X', category: 'bank' }),
          field: 'category',
          notFound: 'LEDGER_SOURCE_NOT_FOUND',
        },
        {
          kind: 'grants',
          create: () => ({
            sourceId: fixture.source,
            agreementNumber: 'G-1',
            currency: 'USD',
            amount: '1000.00',
          }),
          change: { periodFrom: '2021-01-01', periodTo: '2021-12-31' },
          expect: { periodTo: '2021-12-31' },
          bad: () => ({ sourceId: fixture.source, agreementNumber: 'G-2', currency: 'USD', amount: '-5' }),
          field: 'amount',
          notFound: 'LEDGER_GRANT_NOT_FOUND',
        },
        {
          kind: 'accounts',
          create: () => ({ number: 'KZ12 3456', currency: 'KZT' }),
          change: { label: 'Main' },
          expect: { label: 'Main', number: 'KZ123456' },
          bad: () => ({ number: 'KZ99', currency: 'XXQ' }),
          field: 'currency',
          notFound: 'LEDGER_ACCOUNT_NOT_FOUND',
        },
        {
          kind: 'receipts',
          create: () => ({
            sourceId: fixture.source,
            receivedOn: '2021-03-17',
            currency: 'USD',
            amount: '500.00',
          }),
          change: { amount: '600.00' },
          expect: { amount: '600.00' },
          bad: () => ({ sourceId: fixture.source, receivedOn: '2021-02-30', currency: 'USD', amount: '1' }),
          field: 'receivedOn',
          notFound: 'LEDGER_RECEIPT_NOT_FOUND',
        },
        {
          kind: 'expenditures',
          create: () => ({
            spentOn: '2021-04-10',
            currency: 'KZT',
            amount: '1000.00',
            allocations: [{ grantId: fixture.grant }],
          }),
          change: { description: 'Rent' },
          expect: { description: 'Rent', amount: '1000.00' },
          bad: () => ({
            spentOn: '2021-04-10',
            currency: 'KZT',
            amount: '1000.00',
            allocations: [{ grantId: fixture.grant, amount: '999.00' }],
          }),
          field: 'allocations',
          notFound: 'LEDGER_EXPENDITURE_NOT_FOUND',
        },
      ];
      const url = (org: string, kind: string, id?: string) =>
        `/api/v1/orgs/${org}/ledger/${kind}${id === undefined ? '' : `/${id}`}`;

      beforeAll(async () => {
        const s = await c.accountant.request('POST', url(orgA, 'sources'), {
          name: 'Fixture Source',
          category: 'foreign-organisation',
          country: 'US',
        });
        fixture.source = (s.json() as { id: string }).id;
        const g = await c.accountant.request('POST', url(orgA, 'grants'), {
          sourceId: fixture.source,
          agreementNumber: 'FIX-1',
          currency: 'KZT',
          amount: '5000000.00',
        });
        fixture.grant = (g.json() as { id: string }).id;
      });

      for (const row of rows) {
        it(`${row.kind}: create, read, list, change from its version, refuse a stale one, remove; audited`, async () => {
          const made = await c.accountant.request('POST', url(orgA, row.kind), row.create());
          expect(made.statusCode, made.body).toBe(201);
          const rec = made.json() as { id: string; version: number };
          expect(rec.version).toBe(1);
          expect((await c.viewer.request('GET', url(orgA, row.kind, rec.id))).json()).toMatchObject({
            id: rec.id,
          });
          const listed = (await c.viewer.request('GET', url(orgA, row.kind))).json() as Record<
            string,
            Body[]
          >;
          expect(listed[row.kind]?.find((x) => x['id'] === rec.id)).toMatchObject({ version: 1 });
          const changed = await c.admin.request('PATCH', url(orgA, row.kind, rec.id), {
            ...row.change,
            version: 1,
          });
          expect(changed.statusCode, changed.body).toBe(200);
          expect(changed.json()).toMatchObject({ ...row.expect, version: 2 });
          expectError(
            await c.accountant.request('PATCH', url(orgA, row.kind, rec.id), { ...row.change, version: 1 }),
            409,
            'LEDGER_VERSION_CONFLICT',
            'version',
          );
          const audit = (await c.admin.request('GET', `/api/v1/orgs/${orgA}/audit?limit=5`)).json() as {
            entries: { entityId: string; action: string; before: Body; after: Body }[];
          };
          expect(audit.entries.find((e) => e.entityId === rec.id && e.action === 'update')).toMatchObject({
            before: { version: 1 },
            after: { ...row.expect, version: 2 },
          });
          const removed = await c.accountant.request('DELETE', url(orgA, row.kind, rec.id));
          expect(removed.json()).toEqual({ id: rec.id, deleted: true });
          expectError(await c.viewer.request('GET', url(orgA, row.kind, rec.id)), 404, row.notFound);
        });

        it(`${row.kind}: bad input names the field, in the request's language`, async () => {
          const res = await c.accountant.request('POST', url(orgA, row.kind), row.bad(), {
            'accept-language': 'ru',
          });
          expect(res.statusCode, res.body).toBe(400);
          const body = res.json() as { error: { field: string; message: string } };
          expect(body.error.field.startsWith(row.field)).toBe(true);
          expect(body.error.message).toMatch(/[а-яё]/i);
          expectError(
            await c.accountant.request('PATCH', url(orgA, row.kind, 'x'), { version: 0 }),
            400,
            'REQUEST_INVALID',
            'version',
          );
          expectError(
            await c.accountant.request('POST', url(orgA, row.kind), { ...row.create(), extra: 1 }),
            400,
            'REQUEST_INVALID',
            'extra',
          );
        });

        if (row.kind === 'sources')
          it('sources: a BIN/IIN with a wrong control digit is refused beside taxId, create and change', async () => {
            const typo = {
              name: 'OSCE Programme Office',
              category: 'international-organisation',
              country: 'KZ',
            };
            const res = await c.accountant.request(
              'POST',
              url(orgA, 'sources'),
              { ...typo, taxId: '070940000011' },
              { 'accept-language': 'kk' },
            );
            expectError(res, 400, 'BIN_CHECK_DIGIT_INVALID', 'taxId');
            expect((res.json() as { error: { message: string } }).error.message).toMatch(/бақылау цифры/);
            const made = await c.accountant.request('POST', url(orgA, 'sources'), {
              ...typo,
              taxId: '070940000014',
            });
            expect(made.statusCode, made.body).toBe(201);
            const id = (made.json() as { id: string }).id;
            expectError(
              await c.accountant.request('PATCH', url(orgA, 'sources', id), {
                taxId: '070940000015',
                version: 1,
              }),
              400,
              'BIN_CHECK_DIGIT_INVALID',
              'taxId',
            );
            await c.accountant.request('DELETE', url(orgA, 'sources', id));
          });

        it(`${row.kind}: no session 401, wrong role 403, other tenant 404`, async () => {
          const made = (await c.accountant.request('POST', url(orgA, row.kind), row.create())).json() as {
            id: string;
          };
          for (const [method, u] of [
            ['GET', url(orgA, row.kind)],
            ['POST', url(orgA, row.kind)],
            ['GET', url(orgA, row.kind, made.id)],
            ['PATCH', url(orgA, row.kind, made.id)],
            ['DELETE', url(orgA, row.kind, made.id)],
          ] as const) {
            expectError(
              await w.anonymous.request(method, u, method === 'GET' || method === 'DELETE' ? undefined : {}),
              401,
              'AUTH_REQUIRED',
            );
            expectError(
              await c.monitor.request(
                method,
                u.replace(orgA, orgB),
                method === 'GET' || method === 'DELETE' ? undefined : { version: 1 },
              ),
              403,
              'AUTH_FORBIDDEN',
            );
            expectError(
              await c.admin.request(
                method,
                u.replace(orgA, orgB),
                method === 'GET' || method === 'DELETE' ? undefined : { version: 1 },
              ),
              404,
              'ORG_NOT_FOUND',
            );
          }
          for (const method of ['POST', 'PATCH', 'DELETE'] as const)
            expectError(
              await c.viewer.request(
                method,
                method === 'POST' ? url(orgA, row.kind) : url(orgA, row.kind, made.id),
                method === 'DELETE' ? undefined : { ...row.create(), version: 1 },
              ),
              403,
              'AUTH_FORBIDDEN',
            );
          // A record of one organisation is not found under another the caller belongs to.
          expectError(await c.lawyer.request('GET', url(orgB, row.kind, made.id)), 404, row.notFound);
        });
      }

      it('the OpenAPI document carries the same shapes (a change needs `version`)', async () => {
        const doc = (await w.anonymous.request('GET', '/api/v1/openapi.json')).json() as {
          paths: Record<
            string,
            Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>
          >;
        };
        for (const kind of rows.map((r) => r.kind)) {
          const one = doc.paths[`/api/v1/orgs/{orgId}/ledger/${kind}/{id}`];
          expect(Object.keys(one ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
          expect(one?.['patch']?.requestBody?.content['application/json']?.schema.required).toEqual([
            'version',
          ]);
          expect(Object.keys(doc.paths[`/api/v1/orgs/{orgId}/ledger/${kind}`] ?? {}).sort()).toEqual([
            'get',
            'post',
          ]);
        }
      });

      it('POST …/ledger/rates enters one official rate by hand; bad input, no session, wrong role, other tenant', async () => {
        const made = await c.accountant.request('POST', url(orgA, 'rates'), {
          date: '2021-03-18',
          currency: 'usd',
          rate: '421,10',
        });
        expect(made.statusCode, made.body).toBe(201);
        expect(made.json()).toEqual({
          date: '2021-03-18',
          currency: 'USD',
          rate: '421.10',
          units: 1,
          source: 'NBK',
        });
        const rates = (
          await c.viewer.request('GET', '/api/v1/rates?currency=USD&to=2021-03-18&limit=1')
        ).json() as { rates: { rate: string }[] };
        expect(rates.rates[0]?.rate).toBe('421.10');
        expectError(
          await c.accountant.request('POST', url(orgA, 'rates'), {
            date: '2021-03-18',
            currency: 'KZT',
            rate: '1',
          }),
          400,
          'RATE_INVALID',
        );
        expectError(
          await c.accountant.request('POST', url(orgA, 'rates'), { currency: 'USD', rate: '1' }),
          400,
          'REQUEST_INVALID',
          'date',
        );
        expectError(await w.anonymous.request('POST', url(orgA, 'rates'), {}), 401, 'AUTH_REQUIRED');
        expectError(
          await c.viewer.request('POST', url(orgA, 'rates'), {
            date: '2021-03-18',
            currency: 'USD',
            rate: '1',
          }),
          403,
          'AUTH_FORBIDDEN',
        );
        expectError(
          await c.admin.request('POST', url(orgB, 'rates'), {
            date: '2021-03-18',
            currency: 'USD',
            rate: '1',
          }),
          404,
          'ORG_NOT_FOUND',
        );
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
