import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface SessionRow {
  /** SHA-256 (hex) of the cookie token. */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export async function insertSession(db: Kysely<Database>, s: SessionRow): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ id: s.id, user_id: s.userId, created_at: s.createdAt, last_seen_at: s.lastSeenAt, expires_at: s.expiresAt })
    .execute();
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  const r = await db.selectFrom('user_session').selectAll().where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
}

export async function touchSession(db: Kysely<Database>, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute();
}

/** Ends every session of a user (after a password change, say), but `exceptId` when given. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

/** Removes sessions that expired before `now` (ISO timestamp). */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
