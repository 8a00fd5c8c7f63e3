import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * A bulk incident load on SQLite (IncidentWriter.open): a larger page cache, and for an empty
 * table its secondary indexes dropped (the writer's finish() builds them again from the rows);
 * for a table with rows, the temporary list of new rows the full-text index is filled from.
 * Returns the cache size to restore and the dropped indexes' definitions.
 */
export async function prepareSqliteLoad(
  db: Kysely<Database>,
  empty: boolean,
): Promise<{ cacheSize: number; droppedIndexes: { name: string; sql: string }[] }> {
  // A large import touches the whole table and its indexes: give SQLite room (restored at
  // finish), but not so much that the cache alone takes the import's memory bound (issue 14:
  // 300k incidents took the same CPU time with 160 MiB as with 512 MiB, and 53 MB less RSS;
  // on an encrypted store the rows go in directly, at a few thousand places at once, one per
  // day; a plain store's are staged and moved in seq order, and an empty table's indexes are
  // built, each with a small cache of its own: incident-sqlite-stage.ts, IncidentWriter.finish;
  // 64 MiB keeps a million-row import under 500 MB).
  const current = await sql<{ cache_size: bigint | number }>`pragma cache_size`.execute(db);
  const cacheSize = Number(current.rows[0]?.cache_size ?? -2000);
  await sql`pragma cache_size = -65536`.execute(db);
  if (!empty) {
    await sql`create temp table if not exists incident_new (seq integer primary key)`.execute(db);
    return { cacheSize, droppedIndexes: [] };
  }
  // Loading an empty table: building each index once from sorted keys at the end is about
  // twice as fast as maintaining it row by row. In the same transaction, so a failed import
  // gets its indexes back with everything else.
  const indexes = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'incident' and sql is not null`.execute(
    db,
  );
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return { cacheSize, droppedIndexes: indexes.rows };
}
