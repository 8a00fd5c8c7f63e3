import { sql } from 'kysely';
import type { StoreConnection } from '../database.ts';
import { StoreKeyError } from './store-key-error.ts';
import {
  DEFAULT_KDF_COST,
  generateDataKey,
  parseWrappedDataKey,
  unwrapDataKey,
  wrapDataKey,
  type KdfCost,
} from './wrapped-key.ts';

const PURPOSE = 'files';

async function hasStoreKeyTable(conn: StoreConnection): Promise<boolean> {
  const r = await sql<{ t: string | null }>`SELECT to_regclass('store_key')::text AS t`.execute(conn.db);
  return (r.rows[0]?.t ?? null) !== null;
}

async function readWrapped(conn: StoreConnection): Promise<string | undefined> {
  const row = await conn.db
    .selectFrom('store_key')
    .select('wrapped')
    .where('purpose', '=', PURPOSE)
    .executeTakeFirst();
  return row?.wrapped;
}

/**
 * On PostgreSQL (whose files are the operator's to encrypt), gives the open store its file key: the
 * data key wrapped in table `store_key`, unwrapped with `secret`; made on first use when a secret is
 * given. A set-up with no wrapped key and no secret keeps storing files as they are. Throws
 * StoreKeyError: `DB_KEY_REQUIRED` when a wrapped key exists and no secret is given, `DB_KEY_INVALID`
 * when the secret does not unwrap it. A SQLite store is left as it is (its keys come with the file).
 */
export async function unlockPostgresFiles(
  conn: StoreConnection,
  secret: Buffer | null,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<void> {
  if (conn.dialect !== 'postgres' || !(await hasStoreKeyTable(conn))) return;
  let text = await readWrapped(conn);
  if (text === undefined) {
    if (!secret) return;
    const wrapped = wrapDataKey(generateDataKey(), secret, cost);
    await conn.db
      .insertInto('store_key')
      .values({ purpose: PURPOSE, wrapped: JSON.stringify(wrapped), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .execute();
    // Another process may have made one first: use whichever is stored.
    text = await readWrapped(conn);
  }
  if (!secret)
    throw new StoreKeyError(
      'DB_KEY_REQUIRED',
      `${conn.location} keeps encrypted files: give its key with CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file`,
    );
  const wrapped = text === undefined ? null : parseWrappedDataKey(text);
  const dataKey = wrapped ? unwrapDataKey(wrapped, secret) : null;
  if (!dataKey)
    throw new StoreKeyError('DB_KEY_INVALID', `the key given does not open the files of ${conn.location}`);
  conn.keys.useDataKey(dataKey);
  dataKey.fill(0);
}

/** Rewraps the PostgreSQL file key under a new secret (one row; no file is rewritten). */
export async function changePostgresFileKey(
  conn: StoreConnection,
  oldSecret: Buffer,
  newSecret: Buffer,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<void> {
  const text = await readWrapped(conn);
  const wrapped = text === undefined ? null : parseWrappedDataKey(text);
  if (!wrapped) throw new StoreKeyError('DB_KEY_INVALID', `${conn.location} has no wrapped key to change`);
  const dataKey = unwrapDataKey(wrapped, oldSecret);
  if (!dataKey)
    throw new StoreKeyError(
      'DB_KEY_INVALID',
      `the old key given does not open the files of ${conn.location}`,
    );
  await conn.db
    .updateTable('store_key')
    .set({ wrapped: JSON.stringify(wrapDataKey(dataKey, newSecret, cost)) })
    .where('purpose', '=', PURPOSE)
    .execute();
  dataKey.fill(0);
}
