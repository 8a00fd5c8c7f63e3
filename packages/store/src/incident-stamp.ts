import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import { dataStamp } from './data-stamp.ts';
import type { Database } from './schema.ts';

/** PostgreSQL: the stamp as text, in a statement of its own or as a column of a page's read. */
export const PG_INCIDENT_STAMP =
  "(SELECT writer::text || ':' || revision::text FROM incident_revision WHERE id = 1)";
/** Compiled once: Kysely's compile would cost more than the read. */
const READ_STAMP = CompiledQuery.raw(`SELECT ${PG_INCIDENT_STAMP} AS stamp`);

/**
 * A stamp of the incidents for caches of their searches and summaries: equal stamps mean no
 * incident was written in between, by any connection or process. On SQLite it is the database's
 * data stamp (dataStamp, no query); on PostgreSQL the `incident_revision` row that a trigger moves
 * on every statement writing `incident` (one primary-key read). Read it before the reads an answer
 * is made of, or in the same statement. Undefined when there is none (a SQLite connection busy or
 * in a transaction): read afresh then.
 */
export async function incidentStamp(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return dataStamp(db);
  const { rows } = await db.executeQuery<{ stamp: string | null }>(READ_STAMP);
  return rows[0]?.stamp ?? undefined;
}
