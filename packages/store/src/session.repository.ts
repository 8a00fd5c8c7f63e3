import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { toUserRow, type UserRow } from './user.repository.ts';

export interface SessionRow {
  /** SHA-256 (hex) of the cookie token. */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** The User-Agent header it was opened with, when known. */
  readonly userAgent?: string | null;
}

export async function insertSession(db: Kysely<Database>, s: SessionRow): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: s.id,
      user_id: s.userId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
      user_agent: s.userAgent ?? null,
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  const r = await db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      userId: r.user_id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
    }
  );
}

/** The query of a session joined with its user (the session's own columns prefixed `session_`). */
function sessionWithUserQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .selectAll('app_user')
    .select([
      'user_session.created_at as session_created_at',
      'user_session.last_seen_at as session_last_seen_at',
      'user_session.expires_at as session_expires_at',
    ])
    .where('user_session.id', '=', id);
}

/** The session and user of a row of `sessionWithUserQuery`. */
function sessionWithUserOf(
  id: string,
  r: Parameters<typeof toUserRow>[0] & {
    readonly session_created_at: string;
    readonly session_last_seen_at: string;
    readonly session_expires_at: string;
  },
): { session: SessionRow; user: UserRow } {
  return {
    session: {
      id,
      userId: r.id,
      createdAt: r.session_created_at,
      lastSeenAt: r.session_last_seen_at,
      expiresAt: r.session_expires_at,
    },
    user: toUserRow(r),
  };
}

/** A session with its user, in one query (what every signed-in request reads). */
export async function findSessionWithUser(
  db: Kysely<Database>,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const r = await sessionWithUserQuery(db, id).executeTakeFirst();
  return r && sessionWithUserOf(id, r);
}

/** A session with all a signed-in request needs to know of its user's access. */
export interface SessionAccessRows {
  readonly session: SessionRow;
  readonly user: UserRow;
  /** The user's organisations with their role, by organisation name (as `listMembershipsOfUser`). */
  readonly memberships: readonly {
    readonly organisationId: string;
    readonly organisationName: string;
    readonly role: string;
  }[];
  /** [an organisation of the user's, an organisation sharing a network with it], in no order. */
  readonly networkLinks: readonly (readonly [string, string])[];
}

/**
 * PostgreSQL: `findSessionWithUser`, `listMembershipsOfUser` and the network links of the user's
 * organisations in ONE round trip (two json_agg subqueries beside the session's row). PostgreSQL has
 * no cheap change stamp, so nothing is cached there and every signed-in request reads this: three
 * queries cost a server process several milliseconds of its own CPU a request, one costs a third.
 */
export async function findSessionAccessPg(
  db: Kysely<Database>,
  id: string,
): Promise<SessionAccessRows | undefined> {
  const r = await sessionWithUserQuery(db, id)
    .select([
      sql<unknown>`(select coalesce(json_agg(json_build_array(m.organisation_id, o.name, m.role) order by o.name), '[]'::json)
        from membership m join organisation o on o.id = m.organisation_id
        where m.user_id = app_user.id)`.as('access_memberships'),
      sql<unknown>`(select coalesce(json_agg(json_build_array(mine.organisation_id, peer.organisation_id)), '[]'::json)
        from membership m
        join network_organisation mine on mine.organisation_id = m.organisation_id
        join network_organisation peer on peer.network_id = mine.network_id
        where m.user_id = app_user.id)`.as('access_links'),
    ])
    .executeTakeFirst();
  if (!r) return undefined;
  const memberships = (r.access_memberships as [string, string, string][]).map(
    ([organisationId, organisationName, role]) => ({ organisationId, organisationName, role }),
  );
  return {
    ...sessionWithUserOf(id, r),
    memberships,
    networkLinks: r.access_links as [string, string][],
  };
}

export async function touchSession(
  db: Kysely<Database>,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

/** Ends every session of a user (after a password change, say), but `exceptId` when given. */
export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  exceptId?: string,
): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

/** Removes sessions that expired before `now` (ISO timestamp). */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of every user (locking the instance). Returns how many there were. */
export async function deleteAllSessions(db: Kysely<Database>): Promise<number> {
  const r = await db.deleteFrom('user_session').executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The sessions of a user that have not expired at `now` (ISO), oldest first. */
export async function listSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  now: string,
): Promise<SessionRow[]> {
  const rows = await db
    .selectFrom('user_session')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
  }));
}
