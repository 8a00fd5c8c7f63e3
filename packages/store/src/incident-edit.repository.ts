import type { Kysely } from 'kysely';
import { deleteIncident, getIncident, insertIncidents, type NewIncident } from './incident.repository.ts';
import type { Database } from './schema.ts';

/** An incident's version (1 for a new one), or undefined when there is no such incident. */
export async function incidentVersion(db: Kysely<Database>, id: string): Promise<number | undefined> {
  const row = await db.selectFrom('incident').select('version').where('id', '=', id).executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/**
 * Moves an incident to its next version if it is still at `expected` (one conditional UPDATE, so
 * two concurrent edits from the same version cannot both pass). Call it in the transaction that
 * then changes the incident. `stale`: someone changed it since; `not-found`: no such incident.
 */
export async function claimIncidentVersion(
  db: Kysely<Database>,
  id: string,
  expected: number,
): Promise<'done' | 'stale' | 'not-found'> {
  const r = await db
    .updateTable('incident')
    .set((eb) => ({ version: eb('version', '+', 1n) }))
    .where('id', '=', id)
    .where('version', '=', BigInt(expected))
    .executeTakeFirst();
  if (r.numUpdatedRows > 0n) return 'done';
  return (await incidentVersion(db, id)) === undefined ? 'not-found' : 'stale';
}

/**
 * Writes an incident over the stored one with the same id, keeping its version: the row and its
 * full-text entry are removed and written again, so every derived column (the normalised keys, the
 * indexed words, the date order) is computed by the one writer that imports use. Call it inside a
 * transaction. False when there is no such incident.
 */
export async function replaceIncident(db: Kysely<Database>, next: NewIncident): Promise<boolean> {
  const version = await incidentVersion(db, next.id);
  if (version === undefined || !(await deleteIncident(db, next.id))) return false;
  await insertIncidents(db, [next]);
  await db
    .updateTable('incident')
    .set({ version: BigInt(version) })
    .where('id', '=', next.id)
    .execute();
  return (await getIncident(db, next.id)) !== undefined;
}
