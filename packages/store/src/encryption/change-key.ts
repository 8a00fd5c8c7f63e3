import { sql } from 'kysely';
import { openConnection, type StoreConnection } from '../database.ts';
import { sqliteHandle } from '../raw-sqlite.ts';
import { inTransaction } from '../transaction.ts';
import { discardPendingKey, promotePendingKey, readWrappedKey, writePendingKey } from './key-sidecar.ts';
import { StoreKeyError } from './store-key-error.ts';
import {
  DEFAULT_KDF_COST,
  pageCipherOf,
  unwrapDataKey,
  wrapDataKey,
  type KdfCost,
  type WrappedDataKey,
} from './wrapped-key.ts';

/** The marked points of a key change, in order (a test kills the process at each one). */
export type KeyChangeStep = 'pending-written' | 'committed' | 'promoted';

export interface ChangeSqliteKeyOptions {
  /** scrypt cost of the new wrapping (tests lower it). */
  readonly cost?: KdfCost;
  /**
   * Writes what records the change (the audit entry) in the transaction that commits the change:
   * the entry exists exactly when the key changed, whatever moment a crash comes at.
   */
  readonly record?: (store: StoreConnection) => Promise<void>;
  /** Called after each step (fault injection in tests: a crash at a marked point). */
  readonly afterStep?: (step: KeyChangeStep) => void;
}

const notEncrypted = (file: string): StoreKeyError =>
  new StoreKeyError('DB_KEY_INVALID', `${file} has no wrapped key to change (is it encrypted?)`, file);

/**
 * Rewraps the data key of an encrypted SQLite file under a new secret: the database is not
 * re-encrypted (its pages keep their bytes; only `record`'s entry and the header's `user_version`
 * are written to it). Crash-safe, each step durable before the next:
 *   1. one transaction takes the write lock, sets `user_version` to the next generation, writes
 *      `record`'s entry, and puts the new wrapping in a second slot, `DB.wrapped-key.next`, with
 *      that generation; it commits with synchronous = FULL (on disk when it returns);
 *   2. the second slot is renamed over `DB.wrapped-key`.
 * A process that opens the database while a second slot exists settles it under the write lock
 * (settle-key-change.ts): the generation committed → step 2; not → the slot is removed. So the
 * database always opens with the old key or the new one, never neither, and with the new one
 * exactly when the entry committed. The old secret must open the database before anything is
 * written. Throws StoreKeyError (`DB_KEY_INVALID` for a plain file or a wrong old secret).
 */
export async function changeSqliteKey(
  file: string,
  oldSecret: Buffer,
  newSecret: Buffer,
  options: ChangeSqliteKeyOptions = {},
): Promise<void> {
  const step = options.afterStep ?? (() => undefined);
  // Opening checks the old secret and settles a change a crash left half done.
  const store = openConnection(file, { secret: oldSecret });
  let pendingWritten = false;
  let rewrapped: WrappedDataKey;
  try {
    const wrapped = readWrappedKey(file);
    const handle = sqliteHandle(store.db);
    if (wrapped.kind !== 'present' || !store.keys.databaseEncrypted || !handle) throw notEncrypted(file);
    const dataKey = unwrapDataKey(wrapped.key, oldSecret);
    if (!dataKey) throw new StoreKeyError('DB_KEY_INVALID', `the old key given does not open ${file}`, file);
    // The slow part (scrypt) before the write lock is taken. The cipher stays (the pages are not
    // rewritten); a version 1 key stays version 1 (its cipher, ChaCha20, is implied).
    rewrapped = wrapDataKey(
      dataKey,
      newSecret,
      options.cost ?? DEFAULT_KDF_COST,
      wrapped.key.version === 1 ? undefined : pageCipherOf(wrapped.key),
    );
    dataKey.fill(0);
    handle.pragma('synchronous = FULL');
    await inTransaction(store, async (tx) => {
      const now = Number(handle.pragma('user_version', { simple: true }));
      const generation = now + 1;
      await sql.raw(`PRAGMA user_version = ${String(generation)}`).execute(tx.db);
      if (options.record) await options.record(tx);
      writePendingKey(file, generation, rewrapped);
      pendingWritten = true;
      step('pending-written');
    });
  } catch (e) {
    if (pendingWritten) discardPendingKey(file);
    throw e;
  } finally {
    await store.close();
  }
  step('committed');
  promotePendingKey(file, rewrapped);
  step('promoted');
}
