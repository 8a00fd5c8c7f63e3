import { listAudit, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// Pending invitations cancelled and sent again (issue 13). Real parts: Fastify through inject(),
// the invitation tokens (hashed), the audit trail, SQLite and PostgreSQL.
interface Invited {
  link: string;
  invitation: { id: string; email: string; expiresAt: string };
}
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; field?: string; message: string } }).error;
const tokenOf = (link: string) => link.split('/').pop() ?? '';

for (const dialect of testDialects()) {
  describe(`invitations cancelled and resent on ${dialect}`, () => {
    let w: TestWorld;
    let org: string;
    let other: string;
    let admin: TestClient;
    let lawyer: TestClient;
    let otherAdmin: TestClient;
    const invite = async (email: string): Promise<Invited> => {
      const res = await admin.request('POST', `/api/v1/orgs/${org}/members`, { email, role: 'accountant' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Invited;
    };
    const pending = async () =>
      (
        (await admin.request('GET', `/api/v1/orgs/${org}/invitations`)).json() as {
          invitations: { id: string }[];
        }
      ).invitations.map((i) => i.id);
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Эхо');
      other = await w.org('Адил соз');
      admin = await w.client(await w.user('admin@inv.test', { [org]: 'admin' }), 'admin@inv.test');
      lawyer = await w.client(await w.user('lawyer@inv.test', { [org]: 'lawyer' }), 'lawyer@inv.test');
      otherAdmin = await w.client(await w.user('other@inv.test', { [other]: 'admin' }), 'other@inv.test');
    });
    afterAll(async () => w.close());

    it('a cancelled invitation leaves the list, and its link says it was cancelled in the reader’s language', async () => {
      const inv = await invite('cancel@inv.test');
      expect(await pending()).toContain(inv.invitation.id);
      const res = await admin.request('DELETE', `/api/v1/orgs/${org}/invitations/${inv.invitation.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: inv.invitation.id, email: 'cancel@inv.test' });
      expect(await pending()).not.toContain(inv.invitation.id);

      for (const [lang, words] of [
        ['ru', /отменено/],
        ['kk', /тоқтатты/],
        ['en', /cancelled/],
      ] as const) {
        const opened = await w.anonymous.request(
          'GET',
          `/api/v1/invitations/${tokenOf(inv.link)}`,
          undefined,
          {
            'accept-language': lang,
          },
        );
        expect(opened.statusCode).toBe(410);
        expect(errorOf(opened)).toMatchObject({
          code: 'INVITATION_CANCELLED',
          message: expect.stringMatching(words),
        });
      }
      const accept = await w.anonymous.request('POST', `/api/v1/invitations/${tokenOf(inv.link)}/accept`, {
        name: 'X',
        password: 'длинный новый пароль',
      });
      expect([accept.statusCode, errorOf(accept).code]).toEqual([410, 'INVITATION_CANCELLED']);
      const again = await admin.request('DELETE', `/api/v1/orgs/${org}/invitations/${inv.invitation.id}`);
      expect([again.statusCode, errorOf(again).code]).toEqual([410, 'INVITATION_CANCELLED']);

      const [entry] = await listAudit(w.ctx, { entity: 'invitation', entityId: inv.invitation.id, limit: 1 });
      expect(entry).toMatchObject({
        action: 'cancel-invitation',
        actor: { label: 'admin@inv.test' },
        before: { email: 'cancel@inv.test' },
        after: { email: 'cancel@inv.test', cancelledAt: expect.any(String) },
      });
    });

    it('resending gives a new link; the old one stops working and the new one is accepted', async () => {
      const inv = await invite('resend@inv.test');
      const res = await admin.request(
        'POST',
        `/api/v1/orgs/${org}/invitations/${inv.invitation.id}/resend`,
        undefined,
        { host: 'ledger.example.kz' },
      );
      expect(res.statusCode, res.body).toBe(200);
      const resent = res.json() as Invited & { mailed: boolean };
      expect(resent).toMatchObject({ mailed: false, invitation: { id: inv.invitation.id } });
      expect(resent.link).toMatch(/^http:\/\/ledger\.example\.kz\/invitation\/[A-Za-z0-9_-]{40,}$/);
      expect(tokenOf(resent.link)).not.toBe(tokenOf(inv.link));
      const old = await w.anonymous.request('GET', `/api/v1/invitations/${tokenOf(inv.link)}`);
      expect([old.statusCode, errorOf(old).code]).toEqual([404, 'INVITATION_NOT_FOUND']);
      const fresh = await w.anonymous.request('GET', `/api/v1/invitations/${tokenOf(resent.link)}`);
      expect(fresh.json()).toMatchObject({ email: 'resend@inv.test', role: 'accountant' });
      const accepted = await w.anonymous.request(
        'POST',
        `/api/v1/invitations/${tokenOf(resent.link)}/accept`,
        {
          name: 'Resent',
          password: 'длинный новый пароль',
        },
      );
      expect(accepted.statusCode, accepted.body).toBe(201);
      const used = await admin.request('POST', `/api/v1/orgs/${org}/invitations/${inv.invitation.id}/resend`);
      expect([used.statusCode, errorOf(used).code]).toEqual([409, 'INVITATION_USED']);
      const [entry] = await listAudit(w.ctx, {
        entity: 'invitation',
        entityId: inv.invitation.id,
        limit: 5,
      }).then((es) => es.filter((e) => e.action === 'resend-invitation'));
      expect(entry).toMatchObject({ actor: { label: 'admin@inv.test' }, before: { id: inv.invitation.id } });
    });

    it('only the organisation’s admin may: another role is refused, another organisation finds nothing', async () => {
      const inv = await invite('guarded@inv.test');
      const url = `/api/v1/orgs/${org}/invitations/${inv.invitation.id}`;
      const byLawyer = await lawyer.request('DELETE', url);
      expect([byLawyer.statusCode, errorOf(byLawyer).code]).toEqual([403, 'AUTH_FORBIDDEN']);
      const resendByLawyer = await lawyer.request('POST', `${url}/resend`);
      expect(resendByLawyer.statusCode).toBe(403);
      const outsider = await otherAdmin.request('DELETE', url);
      expect([outsider.statusCode, errorOf(outsider).code]).toEqual([404, 'ORG_NOT_FOUND']);
      // Its own organisation in the path, this organisation's invitation id: not found either.
      const crossed = await otherAdmin.request(
        'DELETE',
        `/api/v1/orgs/${other}/invitations/${inv.invitation.id}`,
      );
      expect([crossed.statusCode, errorOf(crossed).code]).toEqual([404, 'INVITATION_NOT_FOUND']);
      const anon = await w.anonymous.request('POST', `${url}/resend`);
      expect([anon.statusCode, errorOf(anon).code]).toEqual([401, 'AUTH_REQUIRED']);
      expect(await pending()).toContain(inv.invitation.id);
    });
  });
}
