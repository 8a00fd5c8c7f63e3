import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Records one failed sign-in under each key (client address, e-mail) at `at` (ms since the epoch). */
export async function insertLoginFailures(
  db: Kysely<Database>,
  keys: readonly string[],
  at: number,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('login_failure')
    .values(keys.map((key) => ({ key, at: BigInt(Math.floor(at)) })))
    .execute();
}

/** The times (ms) of failures under these keys after `since`, oldest first, per key. */
export async function loginFailuresSince(
  db: Kysely<Database>,
  keys: readonly string[],
  since: number,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('login_failure')
    .select(['key', 'at'])
    .where('key', 'in', [...keys])
    .where('at', '>', BigInt(Math.floor(since)))
    .orderBy('at')
    .execute();
  for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), Number(r.at)]);
  return out;
}

/** Forgets failures at or before `before` (ms). */
export async function deleteLoginFailuresBefore(db: Kysely<Database>, before: number): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where('at', '<=', BigInt(Math.floor(before)))
    .execute();
}
