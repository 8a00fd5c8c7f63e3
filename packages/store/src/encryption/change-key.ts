import { openConnection, type StoreConnection } from '../database.ts';
import { inTransaction } from '../transaction.ts';
import { readWrappedKey, writeWrappedKey } from './key-sidecar.ts';
import { openKeyed } from './open-sqlite.ts';
import { StoreKeyError } from './store-key-error.ts';
import { DEFAULT_KDF_COST, pageCipherOf, unwrapDataKey, wrapDataKey, type KdfCost } from './wrapped-key.ts';

export interface ChangeSqliteKeyOptions {
  /** scrypt cost of the new wrapping (tests lower it). */
  readonly cost?: KdfCost;
  /**
   * Writes what records the change (the audit entry) in the transaction that the rewrap ends: the
   * new wrapped key is written after `record` and before the commit, and put back if the commit
   * fails, so the entry exists exactly when the key changed.
   */
  readonly record?: (store: StoreConnection) => Promise<void>;
}

/**
 * Rewraps the data key of an encrypted SQLite file under a new secret: the database is not
 * re-encrypted (its pages keep their bytes; only `record`'s entry is written to it), and the small
 * wrapped-key file is replaced atomically. The old secret must unwrap the key and the key must open
 * the database before anything is written. Throws StoreKeyError (`DB_KEY_INVALID` for a plain file
 * or a wrong old secret); nothing is written then.
 */
export async function changeSqliteKey(
  file: string,
  oldSecret: Buffer,
  newSecret: Buffer,
  options: ChangeSqliteKeyOptions = {},
): Promise<void> {
  const wrapped = readWrappedKey(file);
  if (wrapped.kind !== 'present')
    throw new StoreKeyError(
      'DB_KEY_INVALID',
      `${file} has no wrapped key to change (is it encrypted?)`,
      file,
    );
  const dataKey = unwrapDataKey(wrapped.key, oldSecret);
  if (!dataKey) throw new StoreKeyError('DB_KEY_INVALID', `the old key given does not open ${file}`, file);
  try {
    const cipher = pageCipherOf(wrapped.key);
    openKeyed(file, dataKey, cipher).close();
    // The slow part (scrypt) before the database's write lock is taken. The cipher stays: the
    // pages are not rewritten, and a version 1 key stays version 1 (its cipher is implied).
    const rewrapped = wrapDataKey(
      dataKey,
      newSecret,
      options.cost ?? DEFAULT_KDF_COST,
      wrapped.key.version === 1 ? undefined : cipher,
    );
    const record = options.record;
    if (!record) return writeWrappedKey(file, rewrapped);
    const store = openConnection(file, { secret: oldSecret });
    let rewrote = false;
    try {
      await inTransaction(store, async (tx) => {
        await record(tx);
        writeWrappedKey(file, rewrapped);
        rewrote = true;
      });
    } catch (e) {
      // The commit failed after the new key was written: the old one goes back.
      if (rewrote) writeWrappedKey(file, wrapped.key);
      throw e;
    } finally {
      await store.close();
    }
  } finally {
    dataKey.fill(0);
  }
}
