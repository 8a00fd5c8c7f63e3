import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The `setting` row that says the instance is locked (issue 15: "lock now"). */
const LOCK_KEY = 'instance.locked';

/**
 * What another server process needs to open the same decoy as the one a duress sign-in opened
 * (issue 15): the decoy organisation's id and name, its account (not the real one's id) and the
 * sessions opened in it (SHA-256 of the token only, as every session is stored).
 */
export interface DecoySeedRow {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly locale: string;
  readonly instanceAdmin: boolean;
  readonly role: string;
  readonly createdAt: string;
  readonly sessions: readonly {
    readonly id: string;
    readonly createdAt: string;
    readonly expiresAt: string;
    readonly userAgent: string | null;
  }[];
}

export interface InstanceLockRow {
  /** ISO timestamp of the lock. */
  readonly lockedAt: string;
  /** Who locked it (an e-mail or an operating-system user) and from where. */
  readonly lockedBy: string;
  readonly channel: 'web' | 'cli';
  /** Set when a duress sign-in locked it: every server process then answers with this decoy. */
  readonly decoy?: DecoySeedRow;
}

/** The decoy seed of a lock row, when it holds a well-formed one. */
function decoyOf(v: unknown): DecoySeedRow | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const d = v as Partial<DecoySeedRow>;
  const strings = [
    d.organisationId,
    d.organisationName,
    d.userId,
    d.email,
    d.name,
    d.locale,
    d.role,
    d.createdAt,
  ];
  if (!strings.every((x) => typeof x === 'string') || !Array.isArray(d.sessions)) return undefined;
  return d as DecoySeedRow;
}

/** The lock, or undefined when the instance is not locked. One primary-key read: cheap enough per request. */
export async function readInstanceLock(db: Kysely<Database>): Promise<InstanceLockRow | undefined> {
  const r = await db.selectFrom('setting').select('value').where('key', '=', LOCK_KEY).executeTakeFirst();
  if (!r) return undefined;
  try {
    const v = JSON.parse(r.value) as Partial<InstanceLockRow>;
    const decoy = decoyOf(v.decoy);
    return {
      lockedAt: String(v.lockedAt ?? ''),
      lockedBy: String(v.lockedBy ?? ''),
      channel: v.channel === 'cli' ? 'cli' : 'web',
      ...(decoy ? { decoy } : {}),
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
