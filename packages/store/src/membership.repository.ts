import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface MembershipRow {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly role: string;
  readonly createdAt: string;
}

export interface MemberRow {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly createdAt: string;
  readonly version: number;
}

/** Gives a user a role in an organisation, replacing the role they had there. */
export async function upsertMembership(
  db: Kysely<Database>,
  m: { userId: string; organisationId: string; role: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('membership')
    .values({ user_id: m.userId, organisation_id: m.organisationId, role: m.role, created_at: m.createdAt })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'organisation_id'])
        .doUpdateSet((eb) => ({ role: m.role, version: eb('membership.version', '+', 1n) })),
    )
    .execute();
}

export async function deleteMembership(
  db: Kysely<Database>,
  userId: string,
  organisationId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('membership')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** A user's organisations with their role, by organisation name. */
export async function listMembershipsOfUser(db: Kysely<Database>, userId: string): Promise<MembershipRow[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([
      'membership.user_id',
      'membership.organisation_id',
      'organisation.name',
      'membership.role',
      'membership.created_at',
    ])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    role: r.role,
    createdAt: r.created_at,
  }));
}

/**
 * Changes a member's role from the version it was read at; false when the membership is gone or
 * was changed since (nothing written). Each change adds one to the version.
 */
export async function changeMembershipRole(
  db: Kysely<Database>,
  m: { userId: string; organisationId: string; role: string; fromVersion: number },
): Promise<boolean> {
  const r = await db
    .updateTable('membership')
    .set((eb) => ({ role: m.role, version: eb('version', '+', 1n) }))
    .where('user_id', '=', m.userId)
    .where('organisation_id', '=', m.organisationId)
    .where('version', '=', BigInt(m.fromVersion))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The members of one organisation, by e-mail. */
export async function listMembersOfOrganisation(
  db: Kysely<Database>,
  organisationId: string,
): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'membership.user_id',
      'app_user.email',
      'app_user.name',
      'membership.role',
      'membership.created_at',
      'membership.version',
    ])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('app_user.email')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    version: Number(r.version),
  }));
}
