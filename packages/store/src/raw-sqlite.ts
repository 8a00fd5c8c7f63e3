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

export function registerSqliteHandle(db: HasExecutor, sqlite: SQLite.Database): void {
  handles.set(db.getExecutor().adapter, sqlite);
}

/** The raw handle of a SQLite store (or its transaction); undefined on PostgreSQL. */
export function sqliteHandle(db: HasExecutor): SQLite.Database | undefined {
  return handles.get(db.getExecutor().adapter);
}
