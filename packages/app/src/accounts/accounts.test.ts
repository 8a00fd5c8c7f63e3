import { domainError, err, ok } from '@civic/core';
import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log.ts';
import { systemActor, withAudit } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { grantMembership, listMembers, revokeMembership } from './memberships.ts';
import { createNetwork } from './networks.ts';
import { authoriseOrg } from './principal.ts';
import { checkCsrfToken, login, logout, openSession, resolveSession, SESSION_IDLE_MS } from './sessions.ts';
import { base32Decode, totpCode } from './totp.ts';
import { confirmTotp, disableTotp, startTotpEnrolment } from './totp-enrolment.ts';
import { createUser, updateProfile } from './users.ts';

// Real parts: argon2id hashing, a SQLite file and a PostgreSQL database; the clock is a variable.
for (const dialect of testDialects()) {
  describe(`accounts and sessions on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let clock = new Date('2026-03-01T09:00:00Z');
    let ctx: AppContext;
    const seed = systemActor('test');
    let orgA = '';
    let orgB = '';
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => clock };
      const a = await createOrganisation(ctx, { name: 'Alpha' });
      const b = await createOrganisation(ctx, { name: 'Beta' });
      if (!a.ok || !b.ok) throw new Error('setup');
      orgA = a.value.id;
      orgB = b.value.id;
      for (const [email, name] of [
        ['ann@example.org', 'Ann'],
        ['bob@example.org', 'Bob'],
      ] as const) {
        const u = await createUser(ctx, seed, { email, name, password: 'correct horse battery' });
        if (!u.ok) throw new Error(u.error.message);
      }
      await grantMembership(ctx, seed, { organisationId: orgA, email: 'ann@example.org', role: 'admin' });
      await grantMembership(ctx, seed, { organisationId: orgB, email: 'bob@example.org', role: 'viewer' });
    });
    afterAll(async () => store.close());

    it('refuses bad accounts with codes and fields', async () => {
      expect(
        await createUser(ctx, seed, { email: 'nope', name: 'X', password: 'long enough pw' }),
      ).toMatchObject({ ok: false, error: { code: 'USER_EMAIL_INVALID', field: 'email' } });
      expect(
        await createUser(ctx, seed, { email: 'x@example.org', name: 'X', password: 'short' }),
      ).toMatchObject({ ok: false, error: { code: 'USER_PASSWORD_WEAK', field: 'password' } });
      expect(
        await createUser(ctx, seed, { email: 'ANN@example.org', name: 'X', password: 'long enough pw' }),
      ).toMatchObject({ ok: false, error: { code: 'USER_EMAIL_TAKEN' } });
      expect(await updateProfile(ctx, seed, 'nobody', { locale: 'ru' })).toMatchObject({
        ok: false,
        error: { code: 'USER_NOT_FOUND' },
      });
      expect(await updateProfile(ctx, seed, 'nobody', { locale: 'de' })).toMatchObject({
        ok: false,
        error: { code: 'USER_LOCALE_INVALID', field: 'locale' },
      });
    });

    it('answers a wrong e-mail and a wrong password with the same error', async () => {
      const wrongEmail = await login(ctx, { email: 'nobody@example.org', password: 'correct horse battery' });
      const wrongPassword = await login(ctx, { email: 'ann@example.org', password: 'incorrect horse' });
      expect(wrongEmail).toEqual(wrongPassword);
      expect(wrongEmail).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    });

    it('signs in, resolves the session with memberships, slides it, and signs out', async () => {
      const r = await login(ctx, { email: 'Ann@Example.org', password: 'correct horse battery' });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.user).toMatchObject({ email: 'ann@example.org', totpEnabled: false });
      expect(checkCsrfToken(r.value.token, r.value.csrfToken)).toBe(true);
      expect(checkCsrfToken(r.value.token, 'forged')).toBe(false);
      const p = await resolveSession(ctx, r.value.token);
      expect(p?.memberships).toEqual([{ organisationId: orgA, organisationName: 'Alpha', role: 'admin' }]);
      clock = new Date(clock.getTime() + SESSION_IDLE_MS - 1000);
      expect(await resolveSession(ctx, r.value.token)).toBeDefined();
      clock = new Date(clock.getTime() + SESSION_IDLE_MS - 1000);
      expect(await resolveSession(ctx, r.value.token)).toBeDefined();
      await logout(ctx, r.value.token);
      expect(await resolveSession(ctx, r.value.token)).toBeUndefined();
      expect(await resolveSession(ctx, 'garbage')).toBeUndefined();
    });

    it('expires an idle session', async () => {
      const s = await openSession(
        ctx,
        await login(ctx, { email: 'bob@example.org', password: 'correct horse battery' }).then((r) =>
          r.ok ? r.value.user.id : '',
        ),
      );
      clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1);
      expect(await resolveSession(ctx, s.token)).toBeUndefined();
    });

    it('guards organisations: 404 for outsiders, 403 for a role without the right', async () => {
      const r = await login(ctx, { email: 'bob@example.org', password: 'correct horse battery' });
      if (!r.ok) throw new Error('login');
      const bob = await resolveSession(ctx, r.value.token);
      if (!bob) throw new Error('session');
      expect(authoriseOrg(bob, orgA, 'org:read')).toMatchObject({
        ok: false,
        error: { code: 'ORG_NOT_FOUND' },
      });
      expect(authoriseOrg(bob, orgB, 'ledger:write')).toMatchObject({
        ok: false,
        error: { code: 'AUTH_FORBIDDEN' },
      });
      expect(authoriseOrg(bob, orgB, 'ledger:read')).toMatchObject({ ok: true, value: { role: 'viewer' } });
      expect(bob.networkOrganisationIds).toEqual([]);
      await createNetwork(ctx, seed, { name: 'Net', organisationIds: [orgA, orgB] });
      expect((await resolveSession(ctx, r.value.token))?.networkOrganisationIds).toEqual([orgA, orgB].sort());
    });

    it('keeps the last admin and audits membership changes in the organisation trail', async () => {
      expect(
        await grantMembership(ctx, seed, { organisationId: orgA, email: 'ann@example.org', role: 'viewer' }),
      ).toMatchObject({ ok: false, error: { code: 'MEMBER_LAST_ADMIN' } });
      expect(
        await grantMembership(ctx, seed, { organisationId: orgA, email: 'bob@example.org', role: 'boss' }),
      ).toMatchObject({ ok: false, error: { code: 'MEMBER_ROLE_INVALID', field: 'role' } });
      expect(
        await grantMembership(ctx, seed, { organisationId: orgA, email: 'who@example.org', role: 'viewer' }),
      ).toMatchObject({ ok: false, error: { code: 'USER_NOT_FOUND', field: 'email' } });
      expect(
        await grantMembership(ctx, seed, { organisationId: orgA, email: 'bob@example.org', role: 'lawyer' }),
      ).toMatchObject({ ok: true, value: { role: 'lawyer' } });
      const bobId = (await listMembers(ctx, orgA)).find((m) => m.email === 'bob@example.org')?.userId ?? '';
      expect(await revokeMembership(ctx, seed, { organisationId: orgA, userId: bobId })).toMatchObject({
        ok: true,
      });
      const trail = await listAudit(ctx, { organisationId: orgA });
      expect(trail.map((e) => [e.entity, e.action])).toEqual([
        ['membership', 'delete'],
        ['membership', 'create'],
        ['network', 'add-organisation'],
        ['membership', 'create'],
      ]);
      const deletion = trail.find((e) => e.action === 'delete');
      expect(deletion).toMatchObject({
        actor: { userId: null, label: 'test' },
        before: { role: 'lawyer', email: 'bob@example.org' },
        after: null,
      });
    });

    it('writes a change and its audit in one transaction, and rolls both back on a failed result', async () => {
      const before = (await listAudit(ctx, { entity: 'probe' })).length;
      const failed = await withAudit(ctx, seed, async (tx, audit) => {
        await createNetwork(tx, seed, { name: 'Rolled back', organisationIds: [orgA] });
        await audit.record({
          entity: 'probe',
          entityId: 'p1',
          action: 'create',
          organisationId: orgA,
          after: { secretToken: 'x', amount: 12n },
        });
        return err(domainError('PROBE_FAILED', 'no'));
      });
      expect(failed.ok).toBe(false);
      expect(await listAudit(ctx, { entity: 'probe' })).toHaveLength(before);
      expect(
        await listAudit(ctx, { entity: 'network' }).then((l) =>
          l.filter((e) => (e.after as { name?: string }).name === 'Rolled back'),
        ),
      ).toEqual([]);
      await withAudit(ctx, seed, async (_tx, audit) => {
        await audit.record({
          entity: 'probe',
          entityId: 'p2',
          action: 'create',
          organisationId: orgA,
          after: { secretToken: 'x', amount: 12n },
        });
        return ok(null);
      });
      expect((await listAudit(ctx, { entity: 'probe' }))[0]?.after).toEqual({
        secretToken: '[redacted]',
        amount: '12',
      });
    });

    it('turns the TOTP second factor on and requires, then refuses replayed, codes', async () => {
      const ann = (await listMembers(ctx, orgA)).find((m) => m.email === 'ann@example.org');
      if (!ann) throw new Error('ann');
      expect(await confirmTotp(ctx, seed, ann.userId, '123456')).toMatchObject({
        ok: false,
        error: { code: 'TOTP_NOT_ENROLLING' },
      });
      const e = await startTotpEnrolment(ctx, seed, ann.userId);
      if (!e.ok) throw new Error('enrol');
      expect(e.value.otpauthUri).toContain(`secret=${e.value.secret}`);
      const key = base32Decode(e.value.secret) ?? new Uint8Array();
      expect(
        await confirmTotp(ctx, seed, ann.userId, '000000' === totpCode(key, clock) ? '111111' : '000000'),
      ).toMatchObject({ ok: false, error: { code: 'AUTH_TOTP_INVALID' } });
      expect(await confirmTotp(ctx, seed, ann.userId, totpCode(key, clock))).toEqual({
        ok: true,
        value: {
          totpEnabled: true,
          recoveryCodes: expect.arrayContaining([expect.stringMatching(/^\w{4}-\w{4}$/)]),
        },
      });
      clock = new Date(clock.getTime() + 60_000);
      const creds = { email: 'ann@example.org', password: 'correct horse battery' };
      expect(await login(ctx, creds)).toMatchObject({
        ok: false,
        error: { code: 'AUTH_TOTP_REQUIRED', field: 'totp' },
      });
      const code = totpCode(key, clock);
      expect((await login(ctx, { ...creds, totp: code })).ok).toBe(true);
      expect(await login(ctx, { ...creds, totp: code })).toMatchObject({
        ok: false,
        error: { code: 'AUTH_TOTP_INVALID' },
      });
      clock = new Date(clock.getTime() + 30_000);
      expect(await disableTotp(ctx, seed, ann.userId, { code: totpCode(key, clock) })).toEqual({
        ok: true,
        value: { totpEnabled: false },
      });
      expect((await login(ctx, creds)).ok).toBe(true);
    });
  });
}
