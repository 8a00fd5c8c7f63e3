import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import { dataStamp } from './data-stamp.ts';
import type { Database } from './schema.ts';

/** Compiled once: the stamp is read before every cached search, and Kysely's compile costs more than the read. */
const READ_REVISION = CompiledQuery.raw('SELECT writer, revision FROM incident_revision WHERE id = 1');

/**
 * A stamp of the incidents for caches of their searches and summaries: equal stamps mean no
 * incident was written in between, by any connection or process. On SQLite it is the database's
 * data stamp (dataStamp, no query); on PostgreSQL the `incident_revision` row that a trigger moves
 * on every statement writing `incident` (one primary-key read). Read it before the reads an answer
 * is made of. Undefined when there is none (a busy SQLite connection): read afresh then.
 */
export async function incidentStamp(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return dataStamp(db);
  const { rows } = await db.executeQuery<{ writer: bigint | string; revision: bigint | string }>(
    READ_REVISION,
  );
  const row = rows[0];
  return row === undefined ? undefined : `${String(row.writer)}:${String(row.revision)}`;
}
