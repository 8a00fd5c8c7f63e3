import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * A cheap stamp of the database's state for caches that must never serve stale data: on SQLite,
 * it changes whenever this connection changes a row (`total_changes()`, counted even inside a
 * transaction not yet committed) and whenever any other connection or process commits
 * (`PRAGMA data_version`). Equal stamps mean nothing was written in between. Undefined where there
 * is no cheap stamp (PostgreSQL), the connection is busy or inside a transaction (a rollback would
 * leave the stamp where the rolled-back writes put it): the caller must then read afresh.
 */
export function dataStamp(db: Kysely<Database>): string | undefined {
  const sqlite = sqliteHandle(db);
  // Inside a transaction (this request's or another's on the shared connection) what is read may
  // yet be rolled back, and a rollback does not move total_changes(): no stamp, nothing kept.
  if (!sqlite || sqlite.inTransaction) return undefined;
  let stmt = statements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare('SELECT total_changes(), data_version FROM pragma_data_version()').raw(true);
    statements.set(sqlite, stmt);
  }
  try {
    const row = stmt.get() as readonly unknown[] | undefined;
    return row ? `${String(row[0])}:${String(row[1])}` : undefined;
  } catch {
    // e.g. the connection is busy iterating a statement: no stamp, so no cached answer.
    return undefined;
  }
}
