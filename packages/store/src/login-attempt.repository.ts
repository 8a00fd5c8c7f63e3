import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** One limit of the login throttle: at most `max` attempts under `key` in the window. */
export interface AttemptLimit {
  readonly key: string;
  readonly max: number;
}

/**
 * Reserves one sign-in attempt under every key at once, or none: the reservation is made only if
 * each key has fewer than its `max` attempts after `since` (ms since the epoch). Atomic across
 * processes: on SQLite one INSERT … SELECT statement, which takes the write lock before it reads;
 * on PostgreSQL the same statement in a transaction holding an advisory lock per key (taken in
 * key order, so two reservations never wait on each other in a cycle). Returns whether it was made.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  input: { limits: readonly AttemptLimit[]; attempt: string; at: number; since: number },
): Promise<boolean> {
  if (input.limits.length === 0) return true;
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg && !db.isTransaction) return db.transaction().execute((trx) => reserveLoginAttempt(trx, input));
  if (isPg)
    for (const key of [...input.limits.map((l) => l.key)].sort())
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`civic-login:${key}`}))`.execute(db);
  const at = BigInt(Math.floor(input.at));
  const since = BigInt(Math.floor(input.since));
  const keys = sql.join(
    input.limits.map((l) => sql`SELECT CAST(${l.key} AS TEXT) AS k`),
    sql` UNION ALL `,
  );
  const room = sql.join(
    input.limits.map(
      (l) =>
        sql`(SELECT count(*) FROM login_attempt WHERE key = ${l.key} AND at > ${since}) < ${BigInt(l.max)}`,
    ),
    sql` AND `,
  );
  const r = await sql`INSERT INTO login_attempt (key, at, attempt)
    SELECT v.k, ${at}, ${input.attempt} FROM (${keys}) v WHERE ${room}`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === input.limits.length;
}

/** Deletes a reservation: the attempt did not fail (signed in, or a right password waits for its code). */
export async function releaseLoginAttempt(db: Kysely<Database>, attempt: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('attempt', '=', attempt).execute();
}

/** The times (ms) of attempts under these keys after `since`, oldest first, per key. */
export async function loginAttemptsSince(
  db: Kysely<Database>,
  keys: readonly string[],
  since: number,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('login_attempt')
    .select(['key', 'at'])
    .where('key', 'in', [...keys])
    .where('at', '>', BigInt(Math.floor(since)))
    .orderBy('at')
    .execute();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), Number(r.at)]);
  return out;
}

/** Forgets attempts at or before `before` (ms). */
export async function deleteLoginAttemptsBefore(db: Kysely<Database>, before: number): Promise<void> {
  await db
    .deleteFrom('login_attempt')
    .where('at', '<=', BigInt(Math.floor(before)))
    .execute();
}
