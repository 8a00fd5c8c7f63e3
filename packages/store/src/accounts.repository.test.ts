import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEvent, listAuditEvents } from './audit.repository.ts';
import {
  deleteMembership,
  listMembersOfOrganisation,
  listMembershipsOfUser,
  upsertMembership,
} from './membership.repository.ts';
import {
  addOrganisationToNetwork,
  insertNetwork,
  listNetworkPeers,
  listNetworks,
} from './network.repository.ts';
import { insertOrganisation } from './organisation.repository.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './session.repository.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';
import { findUserByEmail, findUserById, insertUser, listUsers, updateUser } from './user.repository.ts';

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`accounts, sessions, networks and audit on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const at = '2026-01-01T00:00:00.000Z';
    beforeAll(async () => {
      store = await freshStore(dialect);
      for (const [id, name] of [
        ['org-a', 'Alpha'],
        ['org-b', 'Beta'],
        ['org-c', 'Gamma'],
      ] as const)
        await insertOrganisation(store.db, { id, name, createdAt: at });
      await insertUser(store.db, {
        id: 'u1',
        email: 'Ann@Example.org',
        name: 'Ann',
        passwordHash: 'h1',
        locale: 'ru',
        createdAt: at,
      });
      await insertUser(store.db, {
        id: 'u2',
        email: 'bob@example.org',
        name: 'Bob',
        passwordHash: 'h2',
        locale: 'en',
        instanceAdmin: true,
        createdAt: at,
      });
    });
    afterAll(async () => store.close());

    it('stores users with a lower-cased, unique e-mail and finds them case-insensitively', async () => {
      expect((await findUserByEmail(store.db, ' ANN@example.ORG '))?.id).toBe('u1');
      expect((await findUserById(store.db, 'u2'))?.instanceAdmin).toBe(true);
      await expect(
        insertUser(store.db, {
          id: 'u3',
          email: 'ann@example.org',
          name: 'Dup',
          passwordHash: 'x',
          locale: 'en',
          createdAt: at,
        }),
      ).rejects.toThrow();
      expect((await listUsers(store.db)).map((u) => u.email)).toEqual(['ann@example.org', 'bob@example.org']);
    });

    it('updates only the fields given, TOTP step as bigint', async () => {
      await updateUser(store.db, 'u1', {
        totpSecret: 'JBSWY3DPEHPK3PXP',
        totpLastStep: 56_000_000n,
        locale: 'kk',
      });
      const u = await findUserById(store.db, 'u1');
      expect(u).toMatchObject({
        name: 'Ann',
        totpSecret: 'JBSWY3DPEHPK3PXP',
        totpLastStep: 56_000_000n,
        locale: 'kk',
        disabled: false,
      });
      await updateUser(store.db, 'u1', { totpSecret: null, totpLastStep: null });
      expect((await findUserById(store.db, 'u1'))?.totpSecret).toBeNull();
    });

    it('keeps one role per user and organisation', async () => {
      await upsertMembership(store.db, {
        userId: 'u1',
        organisationId: 'org-a',
        role: 'viewer',
        createdAt: at,
      });
      await upsertMembership(store.db, {
        userId: 'u1',
        organisationId: 'org-a',
        role: 'accountant',
        createdAt: at,
      });
      await upsertMembership(store.db, {
        userId: 'u1',
        organisationId: 'org-b',
        role: 'lawyer',
        createdAt: at,
      });
      expect((await listMembershipsOfUser(store.db, 'u1')).map((m) => [m.organisationName, m.role])).toEqual([
        ['Alpha', 'accountant'],
        ['Beta', 'lawyer'],
      ]);
      expect((await listMembersOfOrganisation(store.db, 'org-a')).map((m) => m.email)).toEqual([
        'ann@example.org',
      ]);
      expect(await deleteMembership(store.db, 'u1', 'org-b')).toBe(true);
      expect(await deleteMembership(store.db, 'u1', 'org-b')).toBe(false);
    });

    it('stores, slides and removes sessions', async () => {
      await insertSession(store.db, {
        id: 's1',
        userId: 'u1',
        createdAt: at,
        lastSeenAt: at,
        expiresAt: '2026-01-01T12:00:00.000Z',
      });
      await insertSession(store.db, {
        id: 's2',
        userId: 'u1',
        createdAt: at,
        lastSeenAt: at,
        expiresAt: '2026-01-01T01:00:00.000Z',
      });
      await touchSession(store.db, 's1', '2026-01-01T06:00:00.000Z', '2026-01-01T18:00:00.000Z');
      expect((await findSession(store.db, 's1'))?.expiresAt).toBe('2026-01-01T18:00:00.000Z');
      expect(await deleteExpiredSessions(store.db, '2026-01-01T02:00:00.000Z')).toBe(1);
      expect(await findSession(store.db, 's2')).toBeUndefined();
      await insertSession(store.db, {
        id: 's3',
        userId: 'u1',
        createdAt: at,
        lastSeenAt: at,
        expiresAt: '2026-01-02T00:00:00.000Z',
      });
      await deleteSessionsOfUser(store.db, 'u1', 's3');
      expect(await findSession(store.db, 's1')).toBeUndefined();
      expect(await findSession(store.db, 's3')).toBeDefined();
      await deleteSession(store.db, 's3');
      expect(await findSession(store.db, 's3')).toBeUndefined();
    });

    it('finds the organisations that share a network', async () => {
      await insertNetwork(store.db, { id: 'n1', name: 'Net', createdAt: at });
      await addOrganisationToNetwork(store.db, 'n1', 'org-a');
      await addOrganisationToNetwork(store.db, 'n1', 'org-b');
      await addOrganisationToNetwork(store.db, 'n1', 'org-b');
      expect(await listNetworkPeers(store.db, ['org-a'])).toEqual(['org-a', 'org-b']);
      expect(await listNetworkPeers(store.db, ['org-c'])).toEqual([]);
      expect(await listNetworkPeers(store.db, [])).toEqual([]);
      expect((await listNetworks(store.db))[0]?.organisationIds).toEqual(['org-a', 'org-b']);
    });

    it('reads a session with its user in one query', async () => {
      await insertSession(store.db, {
        id: 's9',
        userId: 'u2',
        createdAt: at,
        lastSeenAt: '2026-01-01T01:00:00.000Z',
        expiresAt: '2026-01-01T13:00:00.000Z',
      });
      expect(await findSessionWithUser(store.db, 's9')).toEqual({
        session: {
          id: 's9',
          userId: 'u2',
          createdAt: at,
          lastSeenAt: '2026-01-01T01:00:00.000Z',
          expiresAt: '2026-01-01T13:00:00.000Z',
        },
        user: await findUserById(store.db, 'u2'),
      });
      expect(await findSessionWithUser(store.db, 'nope')).toBeUndefined();
    });

    it('appends audit events and lists them newest first by organisation, with a cursor', async () => {
      const base = {
        actorUserId: 'u1',
        actorLabel: 'ann@example.org',
        entity: 'grant',
        action: 'create',
        beforeJson: null,
        afterJson: '{"a":1}',
        requestId: null,
        channel: 'web' as const,
      };
      await insertAuditEvent(store.db, {
        ...base,
        id: 'aud_1',
        occurredAt: at,
        organisationId: 'org-a',
        entityId: 'g1',
      });
      await insertAuditEvent(store.db, {
        ...base,
        id: 'aud_2',
        occurredAt: at,
        organisationId: 'org-b',
        entityId: 'g2',
      });
      await insertAuditEvent(store.db, {
        ...base,
        id: 'aud_3',
        occurredAt: at,
        organisationId: 'org-a',
        entityId: 'g3',
      });
      expect(
        (await listAuditEvents(store.db, { organisationId: 'org-a', limit: 10 })).map((e) => e.id),
      ).toEqual(['aud_3', 'aud_1']);
      expect(
        (await listAuditEvents(store.db, { organisationId: 'org-a', before: 'aud_3', limit: 10 })).map(
          (e) => e.id,
        ),
      ).toEqual(['aud_1']);
      expect(
        (await listAuditEvents(store.db, { entity: 'grant', entityId: 'g2', limit: 10 }))[0]?.organisationId,
      ).toBe('org-b');
    });

    it('rolls back everything written in a failed transaction', async () => {
      await expect(
        inTransaction(store, async (tx) => {
          await insertNetwork(tx.db, { id: 'n-rolled-back', name: 'Gone', createdAt: at });
          await inTransaction(tx, async (inner) =>
            insertNetwork(inner.db, { id: 'n-inner', name: 'Gone too', createdAt: at }),
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await listNetworks(store.db)).map((n) => n.id)).toEqual(['n1']);
    });
  });
}
