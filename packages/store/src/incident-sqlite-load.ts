import { sql, type Kysely } from 'kysely';
import { COLUMNS } from './incident-row.ts';
import { INCIDENT_STAGE } from './incident-stage.ts';
import type { Database } from './schema.ts';

/**
 * A bulk incident load on SQLite (IncidentWriter.open): a larger page cache, and for an empty
 * table its secondary indexes dropped (the writer's finish() builds them again from the rows);
 * for a table with rows, the temporary list of new rows the full-text index is filled from.
 * Returns the cache size to restore, the dropped indexes' definitions and whether the rows go to
 * the stage (INCIDENT_STAGE) first.
 */
export async function prepareSqliteLoad(
  db: Kysely<Database>,
  empty: boolean,
): Promise<{ cacheSize: number; droppedIndexes: { name: string; sql: string }[]; staged: boolean }> {
  // A large import touches the whole table and its indexes: give SQLite room (restored at
  // finish), but not so much that the cache alone takes the import's memory bound (issue 14:
  // 300k incidents took the same CPU time with 160 MiB as with 512 MiB, and 53 MB less RSS;
  // the rows go in at a few thousand places at once, one per day, and the index builds sort
  // in the cache and spill beyond it, so 64 MiB keeps a million-row import under 500 MB).
  const current = await sql<{ cache_size: bigint | number }>`pragma cache_size`.execute(db);
  const cacheSize = Number(current.rows[0]?.cache_size ?? -2000);
  await sql`pragma cache_size = -65536`.execute(db);
  if (!empty) {
    await sql`create temp table if not exists incident_new (seq integer primary key)`.execute(db);
    return { cacheSize, droppedIndexes: [], staged: false };
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
  // The rows go first to a temporary table (appended in file order) and into the table in seq
  // order by moveStagedIncidents: the file's dates come in no order, so rows inserted straight
  // into the table (stored by seq, its rowid) land all over it and split its pages half-full
  // (issue 14: 1M incidents, the writing thread 42.4 → 38.2 CPU-s, peak RSS 392 → 358 MB; at
  // 200k it costs more than it saves, 6.9 → 7.7). Dropped by the move, or with the transaction.
  await sql
    .raw(`create temp table ${INCIDENT_STAGE} as select seq,${COLUMNS.join(',')} from incident where 0`)
    .execute(db);
  return { cacheSize, droppedIndexes: indexes.rows, staged: true };
}
