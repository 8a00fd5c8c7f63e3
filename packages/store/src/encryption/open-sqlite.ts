import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { readPendingKey, readWrappedKey, writeWrappedKey } from './key-sidecar.ts';
import { openSettlingKeyChange } from './settle-key-change.ts';
import { StoreKeyError } from './store-key-error.ts';
import { storeKeys, type StoreKeys } from './store-keys.ts';
import {
  DEFAULT_KDF_COST,
  generateDataKey,
  pageCipherOf,
  unwrapDataKey,
  wrapDataKey,
  type KdfCost,
  type PageCipher,
} from './wrapped-key.ts';

/** The page cipher of every database encrypted from now on (docs/security.md, "Which cipher"). */
export const NEW_PAGE_CIPHER: PageCipher = 'aegis';

/**
 * The page size of every database encrypted from now on (docs/security.md, "Page size"): 16 KiB,
 * where a plain file keeps SQLite's 4 KiB. sqlite3mc cannot read a cipher's pages through mmap, so
 * each page costs a read call, a decryption and a page-cache slot; a balance over 200,000
 * transactions reads 4,000 index pages at 4 KiB and a quarter as many at 16 KiB, which measured
 * 1.04–1.06× the plain file's CPU against 1.14–1.20× at 4 KiB (both with the small page cache of
 * database.ts). 64 KiB was no faster and grows the file. The size is in the header bytes sqlite3mc
 * leaves unencrypted, so older 4 KiB files open as they are; the cipher, its key and the KDF do not
 * change.
 */
export const ENCRYPTED_PAGE_SIZE = 16384;

/** Sets the page size of a database nothing has been written to yet (a new encrypted file). */
export function setEncryptedPageSize(sqlite: SQLite.Database): void {
  sqlite.pragma(`page_size = ${String(ENCRYPTED_PAGE_SIZE)}`);
}

/**
 * Rewrites a plain SQLite file (not in WAL mode) with the encrypted page size, before it is
 * encrypted by `rekey`: the restore's plain copy. VACUUM rebuilds it in place (a rollback-journal
 * file may change its page size; an encrypted one may not, so this comes first).
 */
export function vacuumToEncryptedPageSize(sqlite: SQLite.Database): void {
  if (Number(sqlite.pragma('page_size', { simple: true })) === ENCRYPTED_PAGE_SIZE) return;
  setEncryptedPageSize(sqlite);
  sqlite.exec('VACUUM');
}

/**
 * Selects `cipher` on a connection before its key or rekey pragma. AEGIS is pinned to AEGIS-256
 * (sqlite3mc's default today) so that a later default cannot change how existing files are read.
 */
export function selectPageCipher(sqlite: SQLite.Database, cipher: PageCipher): void {
  sqlite.pragma(`cipher = '${cipher}'`);
  if (cipher === 'aegis') sqlite.pragma(`algorithm = 'aegis-256'`);
}

export interface SqliteKeyOptions {
  /** The operator's passphrase or key-file bytes (see resolveDbSecret); null or absent for none. */
  readonly secret?: Buffer | null;
  /** Create the file encrypted even if… (a new file with a secret is always encrypted). Refuses without a secret. */
  readonly encrypt?: boolean;
  /** scrypt cost for a newly wrapped key (tests lower it). */
  readonly kdfCost?: KdfCost;
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether `file` starts with SQLite's plain header (an unencrypted database). */
export function isPlainSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

const fileHasContent = (file: string): boolean => existsSync(file) && statSync(file).size > 0;

/**
 * Opens a SQLite file through sqlite3mc: a plain file as it is; a file with a wrapped key beside it
 * (or a new file when a secret is given) keyed with the raw 256-bit data key, with the page cipher
 * the wrapped key records (AEGIS-256 for a new file; ChaCha20-Poly1305 for one wrapped before the
 * cipher was recorded). A wrong or missing key throws StoreKeyError before anything is written: the
 * file, its WAL and the wrapped key keep their bytes.
 */
export function openSqliteFile(
  file: string,
  options: SqliteKeyOptions,
): { sqlite: SQLite.Database; keys: StoreKeys } {
  const secret = options.secret ?? null;
  if (file === ':memory:') return { sqlite: new SQLite(file), keys: storeKeys(false, null) };
  const wrapped = readWrappedKey(file);
  if (wrapped.kind === 'corrupt' && !(fileHasContent(file) && isPlainSqliteFile(file)))
    throw new StoreKeyError('DB_KEY_INVALID', `the wrapped key beside ${file} is damaged`, file);
  // A plain file with a wrapped key beside it: `civic encrypt` stopped between writing the key and
  // renaming the encrypted copy over the file. The plain file is the good database.
  const plain = fileHasContent(file) && isPlainSqliteFile(file);
  if (wrapped.kind === 'present' && !plain) {
    if (!secret) throw keyRequired(file);
    const pending = readPendingKey(file);
    if (pending.kind !== 'absent') {
      const settled = openSettlingKeyChange(file, wrapped.key, pending, secret);
      return { sqlite: settled.sqlite, keys: storeKeys(true, settled.dataKey) };
    }
    const dataKey = unwrapDataKey(wrapped.key, secret);
    if (!dataKey) throw keyInvalid(file);
    return { sqlite: openKeyed(file, dataKey, pageCipherOf(wrapped.key)), keys: storeKeys(true, dataKey) };
  }
  if (fileHasContent(file)) {
    if (!isPlainSqliteFile(file))
      throw new StoreKeyError(
        'DB_KEY_INVALID',
        `${file} is encrypted but its wrapped key file is missing`,
        file,
      );
    return { sqlite: new SQLite(file), keys: storeKeys(false, null) };
  }
  if (!secret) {
    if (options.encrypt)
      throw new StoreKeyError(
        'DB_KEY_REQUIRED',
        `creating ${file} encrypted needs a key: give it with CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file`,
        file,
      );
    return { sqlite: new SQLite(file), keys: storeKeys(false, null) };
  }
  const dataKey = generateDataKey();
  // The wrapped key first: a crash before the database exists leaves a key that opens the new file.
  writeWrappedKey(file, wrapDataKey(dataKey, secret, options.kdfCost ?? DEFAULT_KDF_COST, NEW_PAGE_CIPHER));
  const sqlite = openKeyed(file, dataKey, NEW_PAGE_CIPHER);
  setEncryptedPageSize(sqlite);
  return { sqlite, keys: storeKeys(true, dataKey) };
}

/** Opens `file` keyed with the raw data key; a key (or cipher) that does not decrypt it throws DB_KEY_INVALID. */
export function openKeyed(file: string, dataKey: Uint8Array, cipher: PageCipher): SQLite.Database {
  const sqlite = new SQLite(file);
  try {
    selectPageCipher(sqlite, cipher);
    // x'…' hands sqlite3mc the raw 256-bit key: no second KDF, the data key is the page key.
    sqlite.pragma(`key = "x'${Buffer.from(dataKey).toString('hex')}'"`);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    // sqlite3mc encrypts the database, its journal and its WAL, but not SQLite's temporary files:
    // a temporary table, a sort or index build that spills past the cache, a statement journal.
    // Those would put the ledger's rows in the clear in the temporary directory (unlinked, but on
    // the disk an inspection copies), so a keyed handle keeps them in memory.
    sqlite.pragma('temp_store = memory');
    return sqlite;
  } catch (e) {
    sqlite.close();
    if (e instanceof SQLite.SqliteError && e.code === 'SQLITE_NOTADB') throw keyInvalid(file);
    throw e;
  }
}

function keyRequired(file: string): StoreKeyError {
  return new StoreKeyError(
    'DB_KEY_REQUIRED',
    `${file} is encrypted: give its key with CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file`,
    file,
  );
}

function keyInvalid(file: string): StoreKeyError {
  return new StoreKeyError('DB_KEY_INVALID', `the key given does not open ${file}`, file);
}
