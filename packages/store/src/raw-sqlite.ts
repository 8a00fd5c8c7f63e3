import type SQLite from 'better-sqlite3';
import type { DialectAdapter } from 'kysely';

interface HasExecutor {
  getExecutor(): { readonly adapter: DialectAdapter };
}

/**
 * The better-sqlite3 handle behind a Kysely instance, for the few bulk paths that need prepared
 * statements run row by row (Kysely prepares every query anew, which costs more than the insert
 * itself at a million rows). Keyed by the dialect adapter, which a Kysely instance shares with
 * the transactions it opens, so a bulk writer inside a transaction finds the same connection —
 * and its statements run in that transaction.
 */
const handles = new WeakMap<DialectAdapter, SQLite.Database>();
/** The handles of encrypted files (their pages are decrypted into the page cache: no mmap). */
const encrypted = new WeakSet<SQLite.Database>();
/** The handles whose file is known to be plain (not encrypted): temporary files may hold its data. */
const plain = new WeakSet<SQLite.Database>();

/**
 * `isEncrypted`: whether the file is encrypted. Unknown counts as encrypted for what may leave data
 * in plain temporary files (a staged import), and as plain for cache tuning.
 */
export function registerSqliteHandle(db: HasExecutor, sqlite: SQLite.Database, isEncrypted?: boolean): void {
  handles.set(db.getExecutor().adapter, sqlite);
  if (isEncrypted === true) encrypted.add(sqlite);
  if (isEncrypted === false) plain.add(sqlite);
}

/** The page cache of a long read (a whole journal) on an encrypted file, in KiB. */
export const BULK_READ_CACHE_KIB = 262_144;

/**
 * Raises the page cache of an encrypted SQLite connection for a long read that comes back to the
 * same pages (the journal's receipts in date order, each a lookup into table pages stored in
 * another order), and returns what puts it back. An encrypted connection keeps a small cache
 * otherwise (database.ts: a short cold read pays for every fresh slot); with it, a journal export
 * decrypted the same 16 KiB pages again and again (1.31× the plain CPU; 1.0× with this). Nothing on
 * a plain file (read through mmap) or PostgreSQL.
 */
export function raiseBulkReadCache(db: HasExecutor): () => void {
  const sqlite = sqliteHandle(db);
  if (!sqlite || !encrypted.has(sqlite)) return () => undefined;
  const previous = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma(`cache_size = -${String(BULK_READ_CACHE_KIB)}`);
  return () => {
    if (sqlite.open) sqlite.pragma(`cache_size = ${String(Math.trunc(previous))}`);
  };
}

/**
 * Runs `run` with the connection's page cache at `mib` MiB, and puts the previous size back after
 * (also when it throws): a bulk statement that sweeps a table in order needs little cache, and a
 * sort inside it takes memory in pieces the size of the cache.
 */
export function withPageCache<T>(sqlite: SQLite.Database, mib: number, run: () => T): T {
  const previous = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma(`cache_size = -${String(Math.round(mib * 1024))}`);
  try {
    return run();
  } finally {
    if (sqlite.open) sqlite.pragma(`cache_size = ${String(Math.trunc(previous))}`);
  }
}

/** The raw handle of a SQLite store (or its transaction); undefined on PostgreSQL. */
export function sqliteHandle(db: HasExecutor): SQLite.Database | undefined {
  return handles.get(db.getExecutor().adapter);
}

/**
 * Whether rows of this handle's database may go through a temporary table: SQLite3 Multiple Ciphers
 * does not encrypt temporary files, so only a store opened as plain says yes.
 */
export function sqliteTempAllowed(sqlite: SQLite.Database): boolean {
  return plain.has(sqlite);
}
