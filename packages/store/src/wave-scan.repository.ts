import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The `setting` key under which the notification schedule remembers its last wave scan. */
const WAVE_SCAN_KEY = 'notify:wave-scan';

/**
 * What the incidents look like, cheaply (one aggregate over an indexed table): how many there are,
 * the newest sequence number and the newest creation time. It changes when an incident is added or
 * removed, which is when a wave can appear or vanish.
 */
export async function incidentsFingerprint(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('incident')
    .select((eb) => [
      eb.fn.countAll<string | number | bigint>().as('n'),
      eb.fn.max('seq').as('seq'),
      eb.fn.max('created_at').as('at'),
    ])
    .executeTakeFirst();
  return `${String(r?.n ?? 0)}|${String(r?.seq ?? '')}|${String(r?.at ?? '')}`;
}

/** The last wave scan as it was remembered (JSON text), or undefined before the first. */
export async function readWaveScan(db: Kysely<Database>): Promise<string | undefined> {
  const r = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', WAVE_SCAN_KEY)
    .executeTakeFirst();
  return r?.value;
}

/** Remembers the last wave scan (JSON text), replacing the one before. */
export async function writeWaveScan(db: Kysely<Database>, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key: WAVE_SCAN_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
