import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { writeWrappedKey } from './encryption/key-sidecar.ts';
import { NEW_PAGE_CIPHER, openKeyed, selectPageCipher } from './encryption/open-sqlite.ts';
import { resealStoredFiles, sealRestoredFiles } from './encryption/reseal-stored-files.ts';
import type { StoreKeys } from './encryption/store-keys.ts';
import { DEFAULT_KDF_COST, generateDataKey, wrapDataKey, type PageCipher } from './encryption/wrapped-key.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';
import { readSnapshotFacts, type SnapshotFacts } from './snapshot.ts';

/** The throwaway key of an encrypted snapshot copy: it travels inside the (encrypted) backup only. */
export interface SnapshotKey {
  readonly cipher: PageCipher;
  /** 64 hex digits. */
  readonly key: string;
}

/** A consistent copy of a SQLite store in a private folder, read back as a stream and then removed. */
export interface SqliteSnapshotFile {
  readonly file: string;
  /** null when the store is plain (the copy is plain too, in a folder only this user can enter). */
  readonly key: SnapshotKey | null;
  readonly facts: SnapshotFacts;
  remove(): void;
}

/**
 * A snapshot of a SQLite store on disk instead of in memory (issue 15: a backup of a database larger
 * than the heap): `VACUUM INTO` a new file in a 0700 folder made beside `near` (one read
 * transaction: a consistent copy while writers go on). An encrypted store's copy comes encrypted
 * under the store's data key; it is at once rekeyed (every page rewritten in place, no page held)
 * under a random throwaway key, so the backup can carry that key without giving away the store's.
 * Never plain on disk when the store is encrypted. The stored files (sealed under the store's file
 * key, which derives from its data key) are opened in the copy and kept there as they are, inside
 * pages under the throwaway key: the restored store seals them under its own key (see
 * rekeyRestoredSnapshot). The schema version and log heads are read from the copy itself. Throws
 * on an I/O error (and leaves nothing).
 */
export function snapshotSqliteToFile(
  db: Kysely<Database>,
  keys: Pick<StoreKeys, 'databaseEncrypted' | 'fileKey'>,
  near: string,
): SqliteSnapshotFile {
  const encrypted = keys.databaseEncrypted;
  const handle = sqliteHandle(db);
  if (!handle) throw new Error('snapshotSqliteToFile: not a SQLite store');
  const dir = mkdtempSync(join(dirname(near), '.civic-snapshot-'));
  const file = join(dir, 'database.sqlite');
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    handle.prepare('VACUUM INTO ?').run(file);
    let key: SnapshotKey | null = null;
    if (encrypted) {
      const throwaway = randomBytes(32);
      // Attached without a key, the copy is read with the store's own key and cipher.
      handle.prepare('ATTACH ? AS civic_snapshot').run(file);
      try {
        handle.pragma(`civic_snapshot.cipher = '${NEW_PAGE_CIPHER}'`);
        handle.pragma(`civic_snapshot.rekey = "x'${throwaway.toString('hex')}'"`);
      } finally {
        handle.prepare('DETACH civic_snapshot').run();
      }
      key = { cipher: NEW_PAGE_CIPHER, key: throwaway.toString('hex') };
      throwaway.fill(0);
    }
    const copy = key ? openKeyed(file, Buffer.from(key.key, 'hex'), key.cipher) : new SQLite(file);
    let facts: SnapshotFacts;
    try {
      if (key) resealStoredFiles(copy, keys.fileKey(), null);
      facts = readSnapshotFacts(copy);
    } finally {
      copy.close();
    }
    return { file, key, facts, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

/**
 * A restored snapshot copy made a store: under a new data key wrapped with `secret` (AEGIS-256), its
 * stored files sealed under the file key of that data key; or plain when `secret` is null (what the
 * operator asked for), its stored files kept as they are. The throwaway key leaves the file.
 */
export function rekeyRestoredSnapshot(file: string, key: SnapshotKey, secret: Buffer | null): void {
  const db = openKeyed(file, Buffer.from(key.key, 'hex'), key.cipher);
  try {
    db.pragma('journal_mode = DELETE');
    if (!secret) {
      db.pragma(`rekey = ''`);
      return;
    }
    const dataKey = generateDataKey();
    writeWrappedKey(file, wrapDataKey(dataKey, secret, DEFAULT_KDF_COST, NEW_PAGE_CIPHER));
    selectPageCipher(db, NEW_PAGE_CIPHER);
    db.pragma(`rekey = "x'${dataKey.toString('hex')}'"`);
    sealRestoredFiles(db, dataKey);
    dataKey.fill(0);
  } finally {
    db.close();
  }
}
