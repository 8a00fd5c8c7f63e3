import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct statements a connection keeps prepared, and the longest SQL text it keeps. */
const MAX_STATEMENTS = 500;
const MAX_SQL_LENGTH = 4000;

/**
 * The SQLite handle Kysely runs its queries on, with prepared statements reused by SQL text.
 * Kysely's SQLite driver prepares every query anew, and preparing costs as much as running a
 * short query: on a server answering the same few dozen queries over and over, that was an eighth
 * of the CPU. Statements are kept least-recently-used first out; long SQL (multi-row inserts, whose
 * text varies with the row count) is never kept. A statement still being iterated (a stream) is
 * never handed out twice: the caller gets a fresh one. SQLite re-prepares a kept statement by
 * itself when the schema changes under it.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Most recently used last: re-insert so eviction takes the oldest first.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (!hit && sql.length <= MAX_SQL_LENGTH) {
        kept.set(sql, stmt);
        if (kept.size > MAX_STATEMENTS) {
          const oldest = kept.keys().next();
          if (!oldest.done) kept.delete(oldest.value);
        }
      }
      return stmt;
    },
  };
}
