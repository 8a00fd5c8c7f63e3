import { readWrappedKey, writeWrappedKey } from './key-sidecar.ts';
import { openKeyed } from './open-sqlite.ts';
import { StoreKeyError } from './store-key-error.ts';
import { DEFAULT_KDF_COST, unwrapDataKey, wrapDataKey, type KdfCost } from './wrapped-key.ts';

/**
 * Rewraps the data key of an encrypted SQLite file under a new secret: the database's bytes are not
 * rewritten, only the small wrapped-key file (atomically). The old secret must unwrap the key and
 * the key must open the database before anything is written. Throws StoreKeyError
 * (`DB_KEY_REQUIRED` for a plain file, `DB_KEY_INVALID` for a wrong old secret).
 */
export function changeSqliteKey(
  file: string,
  oldSecret: Buffer,
  newSecret: Buffer,
  cost: KdfCost = DEFAULT_KDF_COST,
): void {
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
    openKeyed(file, dataKey).close();
    writeWrappedKey(file, wrapDataKey(dataKey, newSecret, cost));
  } finally {
    dataKey.fill(0);
  }
}
