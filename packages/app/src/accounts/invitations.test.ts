import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { acceptInvitation, invitationDetails, inviteMember } from './invitations.ts';
import { renderInvitationMail } from './invitation-mail.ts';

// Invitations expire (issue 13). Real parts: SQLite and PostgreSQL, argon2id; the clock is passed in.
for (const dialect of testDialects()) {
  describe(`invitations on ${dialect}`, () => {
    let now = new Date('2026-03-01T09:00:00.000Z');
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let org = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => now);
      const o = await createOrganisation(ctx, { name: 'Echo' });
      if (!o.ok) throw new Error(o.error.message);
      org = o.value.id;
    });
    afterAll(() => ctx.close());

    it('works for seven days, then answers INVITATION_EXPIRED', async () => {
      const r = await inviteMember(ctx, systemActor('test'), {
        organisationId: org,
        email: 'late@x.test',
        role: 'viewer',
      });
      if (!r.ok || r.value.status !== 'invited') throw new Error('not invited');
      const token = r.value.token;
      now = new Date('2026-03-08T08:59:59.000Z');
      expect((await invitationDetails(ctx, token)).ok).toBe(true);
      now = new Date('2026-03-08T09:00:00.000Z');
      const late = await acceptInvitation(ctx, { token, name: 'Late', password: 'a long password here' });
      expect(late.ok ? null : late.error.code).toBe('INVITATION_EXPIRED');
    });

    it('refuses a bad e-mail or role before writing anything', async () => {
      const email = await inviteMember(ctx, systemActor('test'), {
        organisationId: org,
        email: 'x',
        role: 'viewer',
      });
      expect(email.ok ? null : [email.error.code, email.error.field]).toEqual([
        'USER_EMAIL_INVALID',
        'email',
      ]);
      const role = await inviteMember(ctx, systemActor('test'), {
        organisationId: org,
        email: 'a@x.test',
        role: 'owner',
      });
      expect(role.ok ? null : [role.error.code, role.error.field]).toEqual(['MEMBER_ROLE_INVALID', 'role']);
    });
  });
}

describe('the invitation e-mail', () => {
  it('is written in the inviter’s language with the role and the last day in words', () => {
    const m = renderInvitationMail({
      to: 'a@x.test',
      link: 'https://ledger.example.kz/invitation/abc',
      organisationName: 'Эхо',
      role: 'accountant',
      expiresAt: '2026-03-08T09:00:00.000Z',
      locale: 'ru',
    });
    expect(m.subject).toBe('Приглашение в «Эхо» в CivicLedger');
    expect(m.text).toContain('роль: бухгалтер');
    expect(m.text).toContain('до 8 марта 2026 г.');
    expect(m.text).toContain('https://ledger.example.kz/invitation/abc');
    const kk = renderInvitationMail({
      ...{
        to: 'a',
        link: 'l',
        organisationName: 'Эхо',
        role: 'lawyer',
        expiresAt: '2026-03-08T09:00:00Z',
        locale: 'kk',
      },
    });
    expect(kk.text).toContain('рөлі: заңгер');
  });
});
