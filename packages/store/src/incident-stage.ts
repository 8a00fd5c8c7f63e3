import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The temporary table a load into an empty incident table goes to first, on either dialect. */
export const INCIDENT_STAGE = 'incident_load';

/**
 * Moves the rows of a load staged in INCIDENT_STAGE (stageIncidentLoadPg, prepareSqliteLoad) into
 * the incident table in seq order, and drops the stage: each row goes in after the one before
 * it, so the table is written front to back and stored in date order.
 */
export async function moveStagedIncidents(db: Kysely<Database>, columns: readonly string[]): Promise<void> {
  const list = columns.join(',');
  await sql
    .raw(`insert into incident (${list}) select ${list} from ${INCIDENT_STAGE} order by seq`)
    .execute(db);
  await sql.raw(`drop table ${INCIDENT_STAGE}`).execute(db);
}
