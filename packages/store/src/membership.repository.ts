import { sql, type Kysely } from 'kysely';
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
}

/** Gives a user a role in an organisation, replacing the role they had there. */
export async function upsertMembership(db: Kysely<Database>, m: { userId: string; organisationId: string; role: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('membership')
    .values({ user_id: m.userId, organisation_id: m.organisationId, role: m.role, created_at: m.createdAt })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role: m.role }))
    .execute();
}

export async function deleteMembership(db: Kysely<Database>, userId: string, organisationId: string): Promise<boolean> {
  const r = await db.deleteFrom('membership').where('user_id', '=', userId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** A user's organisations with their role, by organisation name. */
export async function listMembershipsOfUser(db: Kysely<Database>, userId: string): Promise<MembershipRow[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select(['membership.user_id', 'membership.organisation_id', 'organisation.name', 'membership.role', 'membership.created_at'])
    .where('membership.user_id', '=', userId)
    .orderBy('organisation.name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id, organisationName: r.name, role: r.role, createdAt: r.created_at }));
}

/** The members of one organisation, by e-mail. */
export async function listMembersOfOrganisation(db: Kysely<Database>, organisationId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['membership.user_id', 'app_user.email', 'app_user.name', 'membership.role', 'membership.created_at'])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('app_user.email')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at }));
}

/** A user's memberships and the organisations that share a network with them (see `findAccessOfUser`). */
export interface UserAccessRows {
  /** By organisation name, as `listMembershipsOfUser`. */
  readonly memberships: MembershipRow[];
  /** Each organisation in a network with one of the user's organisations, and that organisation. */
  readonly networkPeers: { readonly organisationId: string; readonly viaOrganisationId: string }[];
}

/**
 * What a signed-in user may reach, in ONE query (it runs on every request that misses the
 * session cache): their memberships and, through the networks of those organisations, the peer
 * organisations that share records with them.
 */
export async function findAccessOfUser(db: Kysely<Database>, userId: string): Promise<UserAccessRows> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([sql<string>`'m'`.as('kind'), 'membership.organisation_id as organisation_id', 'organisation.name as name', 'membership.role as role', 'membership.created_at as created_at'])
    .where('membership.user_id', '=', userId)
    .unionAll(
      db
        .selectFrom('membership')
        .innerJoin('network_organisation as mine', 'mine.organisation_id', 'membership.organisation_id')
        .innerJoin('network_organisation as peer', 'peer.network_id', 'mine.network_id')
        .select([sql<string>`'p'`.as('kind'), 'peer.organisation_id as organisation_id', 'mine.organisation_id as name', sql<string>`''`.as('role'), sql<string>`''`.as('created_at')])
        .where('membership.user_id', '=', userId),
    )
    .orderBy('kind')
    .orderBy('name')
    .orderBy('organisation_id')
    .execute();
  const memberships: MembershipRow[] = [];
  const networkPeers: { organisationId: string; viaOrganisationId: string }[] = [];
  for (const r of rows) {
    if (r.kind === 'm') memberships.push({ userId, organisationId: r.organisation_id, organisationName: r.name, role: r.role, createdAt: r.created_at });
    else networkPeers.push({ organisationId: r.organisation_id, viaOrganisationId: r.name });
  }
  return { memberships, networkPeers };
}
