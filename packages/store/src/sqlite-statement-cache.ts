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
  const kept = new StatementLru((sql) => sqlite.prepare(sql));
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare: (sql: string): SqliteStatement => kept.get(sql),
  };
}

const rawKept = new WeakMap<SQLite.Database, StatementLru>();

/**
 * A statement that returns its rows as arrays with integers as bigint (the read paths that bypass
 * Kysely's row objects: ledger and obligation pages), reused by SQL text on this connection as
 * Kysely's are above; kept apart from those, whose statements must return objects.
 */
export function rawStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let kept = rawKept.get(sqlite);
  if (!kept) {
    kept = new StatementLru((text) => sqlite.prepare(text).safeIntegers(true).raw(true));
    rawKept.set(sqlite, kept);
  }
  return kept.get(sql);
}

/** Prepared statements by SQL text, least recently used first out (the rules above). */
class StatementLru {
  private readonly kept = new Map<string, SQLite.Statement>();

  constructor(private readonly prepare: (sql: string) => SQLite.Statement) {}

  get(sql: string): SQLite.Statement {
    const hit = this.kept.get(sql);
    if (hit && !hit.busy) {
      // Most recently used last: re-insert so eviction takes the oldest first.
      this.kept.delete(sql);
      this.kept.set(sql, hit);
      return hit;
    }
    const stmt = this.prepare(sql);
    if (!hit && sql.length <= MAX_SQL_LENGTH) {
      this.kept.set(sql, stmt);
      if (this.kept.size > MAX_STATEMENTS) {
        const oldest = this.kept.keys().next();
        if (!oldest.done) this.kept.delete(oldest.value);
      }
    }
    return stmt;
  }

  clear(): void {
    this.kept.clear();
  }
}
