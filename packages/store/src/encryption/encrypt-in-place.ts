import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { syncFolder, writeWrappedKey } from './key-sidecar.ts';
import { sealRestoredFiles } from './reseal-stored-files.ts';
import {
  isPlainSqliteFile,
  NEW_PAGE_CIPHER,
  openKeyed,
  selectPageCipher,
  setEncryptedPageSize,
} from './open-sqlite.ts';
import { DEFAULT_KDF_COST, generateDataKey, wrapDataKey, type KdfCost } from './wrapped-key.ts';

export type EncryptInPlaceResult =
  | { readonly ok: true; readonly tables: number; readonly rows: number; readonly logHeads: number }
  | {
      readonly ok: false;
      readonly code: 'DB_ALREADY_ENCRYPTED' | 'DB_NOT_FOUND' | 'DB_ENCRYPT_VERIFY_FAILED';
      readonly message: string;
    };

/** Every table's row count and each log chain's head: what must be equal before and after. */
export function databaseFingerprint(db: SQLite.Database): { counts: Map<string, bigint>; heads: string[] } {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts = new Map<string, bigint>();
  for (const t of tables)
    counts.set(
      t,
      BigInt(
        db
          .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number | bigint,
      ),
    );
  const heads = tables.includes('log_entry')
    ? (db
        .prepare(
          `SELECT organisation || ':' || seq || ':' || entry_hash FROM log_entry e
           WHERE seq = (SELECT max(seq) FROM log_entry WHERE organisation = e.organisation) ORDER BY organisation`,
        )
        .pluck()
        .all() as string[])
    : [];
  return { counts, heads };
}

const sameFingerprint = (
  a: ReturnType<typeof databaseFingerprint>,
  b: ReturnType<typeof databaseFingerprint>,
): boolean =>
  a.counts.size === b.counts.size &&
  [...a.counts].every(([t, n]) => b.counts.get(t) === n) &&
  a.heads.join('\n') === b.heads.join('\n');

/**
 * Converts a plain SQLite file into an encrypted one in place, so that a crash at any moment leaves
 * one good database: a plain copy (`VACUUM INTO`, in 16 KiB pages) beside it is encrypted
 * (`PRAGMA rekey`), its stored files sealed under the new file key, verified (every table's row
 * count and every log head equal the original's), its wrapped key written beside
 * the original (a plain file with a wrapped key still opens as plain), and only then renamed over the
 * original. Nothing else may have the database open meanwhile (stop the server first).
 */
export function encryptInPlace(
  file: string,
  secret: Buffer,
  cost: KdfCost = DEFAULT_KDF_COST,
): EncryptInPlaceResult {
  if (!existsSync(file)) return { ok: false, code: 'DB_NOT_FOUND', message: `${file} does not exist` };
  if (!isPlainSqliteFile(file))
    return { ok: false, code: 'DB_ALREADY_ENCRYPTED', message: `${file} is already encrypted` };
  const tmp = `${file}.encrypting`;
  removeLeftovers(tmp);
  const source = new SQLite(file);
  let before: ReturnType<typeof databaseFingerprint>;
  try {
    source.defaultSafeIntegers(true);
    // Fold the WAL into the file and leave WAL mode: no plain -wal may outlive the plain file.
    source.pragma('journal_mode = DELETE');
    before = databaseFingerprint(source);
    // The copy is written with the encrypted page size (VACUUM INTO takes the requested size; the
    // source keeps its own), since `rekey` keeps whatever page size it finds.
    setEncryptedPageSize(source);
    source.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    source.close();
  }
  const dataKey = generateDataKey();
  const copy = new SQLite(tmp);
  try {
    selectPageCipher(copy, NEW_PAGE_CIPHER);
    copy.pragma(`rekey = "x'${dataKey.toString('hex')}'"`);
    // The stored files (kept as they are in a plain store) sealed under the new file key, as a
    // store created encrypted keeps them: the same rewrite as a restore's (resealStoredFiles), on
    // the copy's encrypted pages, before it is verified and put in place.
    sealRestoredFiles(copy, dataKey);
  } finally {
    copy.close();
  }
  const check = openKeyed(tmp, dataKey, NEW_PAGE_CIPHER);
  let after: ReturnType<typeof databaseFingerprint>;
  try {
    check.defaultSafeIntegers(true);
    after = databaseFingerprint(check);
  } finally {
    check.close();
  }
  if (!isPlainSqliteFile(tmp) && sameFingerprint(before, after)) {
    writeWrappedKey(file, wrapDataKey(dataKey, secret, cost, NEW_PAGE_CIPHER));
    renameSync(tmp, file);
    syncFolder(dirname(file));
    dataKey.fill(0);
    return {
      ok: true,
      tables: after.counts.size,
      rows: Number([...after.counts.values()].reduce((a, b) => a + b, 0n)),
      logHeads: after.heads.length,
    };
  }
  dataKey.fill(0);
  removeLeftovers(tmp);
  return {
    ok: false,
    code: 'DB_ENCRYPT_VERIFY_FAILED',
    message: `the encrypted copy of ${file} did not match it; ${file} is unchanged`,
  };
}

function removeLeftovers(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
}
