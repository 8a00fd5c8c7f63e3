import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The `setting` row of the duress password (issue 15): off while the row is absent. */
const DURESS_KEY = 'instance.duress';

export interface DuressRow {
  /** The duress password's argon2id hash, like any account's. */
  readonly passwordHash: string;
  /** The name the decoy organisation shows; null: the signing-in user's first organisation's name. */
  readonly decoyName: string | null;
  /** ISO timestamp of when it was set. */
  readonly setAt: string;
}

/** The duress setting, or undefined when it is off. One primary-key read. */
export async function readDuress(db: Kysely<Database>): Promise<DuressRow | undefined> {
  const r = await db.selectFrom('setting').select('value').where('key', '=', DURESS_KEY).executeTakeFirst();
  if (!r) return undefined;
  try {
    const v = JSON.parse(r.value) as Partial<DuressRow>;
    if (typeof v.passwordHash !== 'string' || v.passwordHash === '') return undefined;
    return {
      passwordHash: v.passwordHash,
      decoyName: typeof v.decoyName === 'string' ? v.decoyName : null,
      setAt: String(v.setAt ?? ''),
    };
  } catch {
    return undefined;
  }
}

/** Sets (or replaces) the duress setting. */
export async function writeDuress(db: Kysely<Database>, row: DuressRow): Promise<void> {
  const value = JSON.stringify(row);
  await db
    .insertInto('setting')
    .values({ key: DURESS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Turns the duress password off. Returns whether it was on. */
export async function clearDuress(db: Kysely<Database>): Promise<boolean> {
  const r = await db.deleteFrom('setting').where('key', '=', DURESS_KEY).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
