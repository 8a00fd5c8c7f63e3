import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findInvitationByTokenHash,
  insertInvitation,
  listOpenInvitations,
  markInvitationAccepted,
} from './invitation.repository.ts';
import {
  changeMembershipRole,
  listMembersOfOrganisation,
  upsertMembership,
} from './membership.repository.ts';
import { insertOrganisation } from './organisation.repository.ts';
import {
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
  useRecoveryCode,
} from './recovery-code.repository.ts';
import { freshStore, testDialects } from './test-support.ts';
import { insertUser } from './user.repository.ts';

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`invitations and recovery codes on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const at = '2026-01-01T00:00:00.000Z';
    beforeAll(async () => {
      store = await freshStore(dialect);
      await insertOrganisation(store.db, { id: 'org-a', name: 'Alpha', createdAt: at });
      await insertUser(store.db, {
        id: 'u1',
        email: 'ann@example.org',
        name: 'Ann',
        passwordHash: 'h',
        locale: 'ru',
        createdAt: at,
      });
      const base = { organisationId: 'org-a', role: 'accountant', invitedBy: 'u1', createdAt: at };
      await insertInvitation(store.db, {
        ...base,
        id: 'inv-1',
        tokenHash: 'hash-1',
        email: ' Bob@Example.org ',
        expiresAt: '2026-01-08T00:00:00.000Z',
      });
      await insertInvitation(store.db, {
        ...base,
        id: 'inv-2',
        tokenHash: 'hash-2',
        email: 'carol@example.org',
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
    });
    afterAll(() => store.close());

    it('finds an invitation by its token hash, the e-mail lower-cased, and lists the open ones', async () => {
      expect(await findInvitationByTokenHash(store.db, 'hash-1')).toMatchObject({
        id: 'inv-1',
        email: 'bob@example.org',
        role: 'accountant',
        acceptedAt: null,
      });
      expect(await findInvitationByTokenHash(store.db, 'nope')).toBeUndefined();
      const open = await listOpenInvitations(store.db, 'org-a', '2026-01-03T00:00:00.000Z');
      expect(open.map((i) => i.id)).toEqual(['inv-1']);
    });

    it('accepts an invitation once only', async () => {
      expect(await markInvitationAccepted(store.db, 'inv-1', 'u1', '2026-01-02T00:00:00.000Z')).toBe(true);
      expect(await markInvitationAccepted(store.db, 'inv-1', 'u1', '2026-01-02T00:00:01.000Z')).toBe(false);
      expect(await findInvitationByTokenHash(store.db, 'hash-1')).toMatchObject({
        acceptedAt: '2026-01-02T00:00:00.000Z',
        acceptedUserId: 'u1',
      });
      expect(await listOpenInvitations(store.db, 'org-a', at)).toHaveLength(1);
    });

    it('versions a membership: each role change from the current version adds one, a stale one writes nothing', async () => {
      await upsertMembership(store.db, {
        userId: 'u1',
        organisationId: 'org-a',
        role: 'viewer',
        createdAt: at,
      });
      const version = async () =>
        (await listMembersOfOrganisation(store.db, 'org-a')).find((m) => m.userId === 'u1')?.version;
      expect(await version()).toBe(1);
      await upsertMembership(store.db, {
        userId: 'u1',
        organisationId: 'org-a',
        role: 'lawyer',
        createdAt: at,
      });
      expect(await version()).toBe(2);
      const change = (role: string, fromVersion: number) =>
        changeMembershipRole(store.db, { userId: 'u1', organisationId: 'org-a', role, fromVersion });
      expect(await change('monitor', 2)).toBe(true);
      expect(await change('admin', 2)).toBe(false);
      const [member] = await listMembersOfOrganisation(store.db, 'org-a');
      expect([member?.role, member?.version]).toEqual(['monitor', 3]);
    });

    it('spends each recovery code once and replaces the set', async () => {
      await replaceRecoveryCodes(store.db, 'u1', ['a', 'b', 'c']);
      expect(await countUnusedRecoveryCodes(store.db, 'u1')).toBe(3);
      expect(await useRecoveryCode(store.db, 'u1', 'b', at)).toBe(true);
      expect(await useRecoveryCode(store.db, 'u1', 'b', at)).toBe(false);
      expect(await useRecoveryCode(store.db, 'u1', 'zz', at)).toBe(false);
      expect(await countUnusedRecoveryCodes(store.db, 'u1')).toBe(2);
      await replaceRecoveryCodes(store.db, 'u1', ['d']);
      expect(await countUnusedRecoveryCodes(store.db, 'u1')).toBe(1);
      expect(await useRecoveryCode(store.db, 'u1', 'a', at)).toBe(false);
    });
  });
}
