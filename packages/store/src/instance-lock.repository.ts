import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The `setting` row that says the instance is locked (issue 15: "lock now"). */
const LOCK_KEY = 'instance.locked';

export interface InstanceLockRow {
  /** ISO timestamp of the lock. */
  readonly lockedAt: string;
  /** Who locked it (an e-mail or an operating-system user) and from where. */
  readonly lockedBy: string;
  readonly channel: 'web' | 'cli';
}

/** The lock, or undefined when the instance is not locked. One primary-key read: cheap enough per request. */
export async function readInstanceLock(db: Kysely<Database>): Promise<InstanceLockRow | undefined> {
  const r = await db.selectFrom('setting').select('value').where('key', '=', LOCK_KEY).executeTakeFirst();
  if (!r) return undefined;
  try {
    const v = JSON.parse(r.value) as Partial<InstanceLockRow>;
    return {
      lockedAt: String(v.lockedAt ?? ''),
      lockedBy: String(v.lockedBy ?? ''),
      channel: v.channel === 'cli' ? 'cli' : 'web',
    };
  } catch {
    // A damaged row still means "locked": refusing service is the safe reading.
    return { lockedAt: '', lockedBy: '', channel: 'web' };
  }
}

/** Sets the lock (a second lock keeps the first one's row). */
export async function writeInstanceLock(db: Kysely<Database>, lock: InstanceLockRow): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: LOCK_KEY, value: JSON.stringify(lock) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** Clears the lock (a server started with the key). Returns whether there was one. */
export async function clearInstanceLock(db: Kysely<Database>): Promise<boolean> {
  const r = await db.deleteFrom('setting').where('key', '=', LOCK_KEY).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
