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
/** The handles whose file is known to be plain (not encrypted): temporary files may hold its data. */
const plain = new WeakSet<SQLite.Database>();

/** `encrypted`: whether the file is encrypted (its temporary files would not be; unknown counts as yes). */
export function registerSqliteHandle(db: HasExecutor, sqlite: SQLite.Database, encrypted = true): void {
  handles.set(db.getExecutor().adapter, sqlite);
  if (!encrypted) plain.add(sqlite);
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
