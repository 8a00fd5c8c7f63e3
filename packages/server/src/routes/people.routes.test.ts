import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, TEST_PASSWORD, testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// Members and invitations (issue 13). Real parts: Fastify through inject(), argon2id, the session
// cookies, the audit trail, SQLite and PostgreSQL.
interface Invited {
  status: string;
  link: string;
  mailed: boolean;
  invitation: { id: string; email: string; role: string; expiresAt: string };
}
const codeOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; field?: string } }).error;

for (const dialect of testDialects()) {
  describe(`people routes on ${dialect}`, () => {
    let w: TestWorld;
    let org: string;
    let admin: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      const adminId = await w.user('admin@people.test', { [org]: 'admin' });
      admin = await w.client(adminId, 'admin@people.test');
    });
    afterAll(async () => w.close());

    it('invites by e-mail with a role; the link shows the invitation once and accepting sets the password', async () => {
      const res = await admin.request(
        'POST',
        `/api/v1/orgs/${org}/members`,
        { email: 'Acc@People.test', role: 'accountant' },
        { host: 'ledger.example.kz', 'accept-language': 'ru' },
      );
      expect(res.statusCode, res.body).toBe(201);
      const invited = res.json() as Invited;
      expect(invited).toMatchObject({ status: 'invited', mailed: false, member: null });
      expect(invited.invitation).toMatchObject({ email: 'acc@people.test', role: 'accountant' });
      expect(invited.link).toMatch(/^http:\/\/ledger\.example\.kz\/invitation\/[A-Za-z0-9_-]{40,}$/);
      const days = (Date.parse(invited.invitation.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      const token = invited.link.split('/').pop() ?? '';

      const listed = await admin.request('GET', `/api/v1/orgs/${org}/invitations`);
      expect((listed.json() as { invitations: { id: string }[] }).invitations.map((i) => i.id)).toEqual([
        invited.invitation.id,
      ]);
      const details = await w.anonymous.request('GET', `/api/v1/invitations/${token}`);
      expect([details.statusCode, details.json()]).toEqual([
        200,
        {
          email: 'acc@people.test',
          role: 'accountant',
          organisationName: 'Эхо',
          expiresAt: invited.invitation.expiresAt,
        },
      ]);

      const weak = await w.anonymous.request('POST', `/api/v1/invitations/${token}/accept`, {
        name: 'Айгуль',
        password: 'short',
      });
      expect([weak.statusCode, codeOf(weak)]).toEqual([
        400,
        {
          code: 'USER_PASSWORD_WEAK',
          field: 'password',
          message: expect.any(String),
          requestId: expect.any(String),
        },
      ]);

      const accepted = await w.anonymous.request('POST', `/api/v1/invitations/${token}/accept`, {
        name: 'Айгуль',
        password: 'новый длинный пароль',
        locale: 'ru',
      });
      expect(accepted.statusCode, accepted.body).toBe(201);
      expect((accepted.json() as { organisationId: string }).organisationId).toBe(org);
      const cookies = cookiesOf(accepted);
      const me = await w.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
      expect(me.json()).toMatchObject({
        user: { email: 'acc@people.test', name: 'Айгуль', locale: 'ru' },
        memberships: [{ organisationId: org, role: 'accountant' }],
      });
      const signIn = await w.anonymous.request('POST', '/api/v1/session', {
        email: 'acc@people.test',
        password: 'новый длинный пароль',
      });
      expect(signIn.statusCode).toBe(200);

      const again = await w.anonymous.request('POST', `/api/v1/invitations/${token}/accept`, {
        name: 'Кто-то',
        password: 'ещё один длинный пароль',
      });
      expect([again.statusCode, codeOf(again).code]).toEqual([409, 'INVITATION_USED']);
      const unknown = await w.anonymous.request('GET', `/api/v1/invitations/${'x'.repeat(43)}`);
      expect([unknown.statusCode, codeOf(unknown).code]).toEqual([404, 'INVITATION_NOT_FOUND']);
      expect(
        ((await admin.request('GET', `/api/v1/orgs/${org}/invitations`)).json() as { invitations: [] })
          .invitations,
      ).toEqual([]);

      const audit = (await admin.request('GET', `/api/v1/orgs/${org}/audit?entity=invitation`)).json() as {
        entries: { action: string; before: unknown; after: unknown }[];
      };
      expect(audit.entries.map((e) => e.action)).toEqual(['accept-invitation', 'invite']);
      expect(JSON.stringify(audit)).not.toContain(token);
    });

    it('adds an existing account at once, refuses a member twice, changes roles but never demotes the last admin', async () => {
      const bobId = await w.user('bob@people.test', {});
      const added = await admin.request('POST', `/api/v1/orgs/${org}/members`, {
        email: 'bob@people.test',
        role: 'viewer',
      });
      expect([added.statusCode, added.json()]).toEqual([
        201,
        {
          status: 'added',
          member: expect.objectContaining({ userId: bobId, role: 'viewer' }),
          invitation: null,
          link: null,
          mailed: false,
        },
      ]);
      const twice = await admin.request('POST', `/api/v1/orgs/${org}/members`, {
        email: 'bob@people.test',
        role: 'lawyer',
      });
      expect([twice.statusCode, codeOf(twice).code, codeOf(twice).field]).toEqual([
        409,
        'MEMBER_EXISTS',
        'email',
      ]);

      const changed = await admin.request('PATCH', `/api/v1/orgs/${org}/members/${bobId}`, {
        role: 'lawyer',
        version: 1,
      });
      expect([changed.statusCode, changed.json()]).toEqual([
        200,
        expect.objectContaining({ role: 'lawyer', version: 2 }),
      ]);
      // A change made from the version before that one is refused, naming the field.
      const stale = await admin.request('PATCH', `/api/v1/orgs/${org}/members/${bobId}`, {
        role: 'monitor',
        version: 1,
      });
      expect([stale.statusCode, codeOf(stale).code, codeOf(stale).field]).toEqual([
        409,
        'MEMBER_VERSION_CONFLICT',
        'version',
      ]);
      const listed = (await admin.request('GET', `/api/v1/orgs/${org}/members`)).json() as {
        members: { userId: string; role: string; version: number }[];
      };
      expect(listed.members.find((m) => m.userId === bobId)).toMatchObject({ role: 'lawyer', version: 2 });
      const entries = (
        (await admin.request('GET', `/api/v1/orgs/${org}/audit?entity=membership`)).json() as {
          entries: { action: string; before: { role: string }; after: { role: string } }[];
        }
      ).entries;
      expect(entries[0]).toMatchObject({
        action: 'role-change',
        before: { role: 'viewer' },
        after: { role: 'lawyer' },
      });

      const selfDemote = await admin.request('PATCH', `/api/v1/orgs/${org}/members/${admin.userId}`, {
        role: 'viewer',
      });
      expect([selfDemote.statusCode, codeOf(selfDemote).code]).toEqual([409, 'MEMBER_LAST_ADMIN']);
      const selfRemove = await admin.request('DELETE', `/api/v1/orgs/${org}/members/${admin.userId}`);
      expect([selfRemove.statusCode, codeOf(selfRemove).code]).toEqual([409, 'MEMBER_LAST_ADMIN']);
      const stranger = await admin.request('PATCH', `/api/v1/orgs/${org}/members/usr_nobody`, {
        role: 'viewer',
      });
      expect([stranger.statusCode, codeOf(stranger).code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    });

    it('a removed member loses the organisation at once, and keeps their session for the others', async () => {
      const carolId = await w.user('carol@people.test', { [org]: 'accountant' });
      const signIn = await w.anonymous.request('POST', '/api/v1/session', {
        email: 'carol@people.test',
        password: TEST_PASSWORD,
      });
      const cookies = cookiesOf(signIn);
      const receipts = `/api/v1/orgs/${org}/ledger/receipts`;
      expect((await w.app.inject({ method: 'GET', url: receipts, cookies })).statusCode).toBe(200);
      const removed = await admin.request('DELETE', `/api/v1/orgs/${org}/members/${carolId}`);
      expect(removed.statusCode).toBe(200);
      // The very next request no longer reaches the organisation (memberships are read per request).
      const after = await w.app.inject({ method: 'GET', url: receipts, cookies });
      expect([after.statusCode, (after.json() as { error: { code: string } }).error.code]).toEqual([
        404,
        'ORG_NOT_FOUND',
      ]);
      const me = await w.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
      expect(me.statusCode).toBe(200);
      expect(me.body).not.toContain(org);
    });
  });
}
