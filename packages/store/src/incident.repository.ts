import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import {
  type ActionType,
  type CalendarDate,
  type Incident,
  type IncidentInput,
  type IncidentSource,
  type Visibility,
} from '@civic/core';
import type { IncidentTable } from './incident.tables.ts';
import { IncidentWriter } from './incident-writer.ts';
import { IncidentCountDeltas, removeIncidentCounts } from './incident-counts.repository.ts';
import type { Database } from './schema.ts';

// The bulk writer lives in incident-writer.ts; its exports stay reachable from here.
export { IncidentWriter, SEQ_DAY, seqDayStart } from './incident-writer.ts';
export { organisationAliasesOf, type IncidentStamp } from './incident-row.ts';

/** An incident to store: the input plus its id, when it was recorded, and the case action it came from. */
export interface NewIncident extends IncidentInput {
  readonly id: string;
  readonly createdAt: string;
  readonly sourceActionId?: string | null;
}

/** A stored incident: the core shape plus its owner, origin and when it was recorded. */
export interface IncidentRecord extends Incident {
  readonly ownerOrganisationId: string | null;
  readonly sourceActionId: string | null;
  readonly createdAt: string;
}

function isPostgresDb(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Inserts incidents (any number) and indexes them: inside the caller's transaction if it has one,
 * else in a transaction of its own (the writer's bulk load on PostgreSQL locks the table, which
 * needs one; and a batch goes in whole or not at all).
 */
export async function insertIncidents(
  db: Kysely<Database>,
  incidents: readonly NewIncident[],
): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => insertIncidents(trx, incidents));
  const writer = await IncidentWriter.open(db);
  await writer.add(incidents);
  await writer.finish();
}

/** The columns read back for an incident (everything but the index columns). */
export const INCIDENT_SELECT = [
  'incident.seq',
  'id',
  'date',
  'date_to',
  'organisation',
  'organisation_id',
  'place',
  'latitude',
  'longitude',
  'country',
  'region',
  'authority',
  'office',
  'action',
  'legal_basis',
  'penalty_mci',
  'suspension_months',
  'outcome',
  'sources',
  'notes',
  'visibility',
  'owner_organisation_id',
  'source_action_id',
  'created_at',
] as const;

/** An incident row as read back (INCIDENT_SELECT). */
export type IncidentRow = Pick<
  Selectable<IncidentTable>,
  | 'seq'
  | 'id'
  | 'date'
  | 'date_to'
  | 'organisation'
  | 'organisation_id'
  | 'place'
  | 'latitude'
  | 'longitude'
  | 'country'
  | 'region'
  | 'authority'
  | 'office'
  | 'action'
  | 'legal_basis'
  | 'penalty_mci'
  | 'suspension_months'
  | 'outcome'
  | 'sources'
  | 'notes'
  | 'visibility'
  | 'owner_organisation_id'
  | 'source_action_id'
  | 'created_at'
>;

export function incidentFromRow(r: IncidentRow): IncidentRecord {
  return {
    id: r.id,
    date: r.date as CalendarDate,
    dateTo: r.date_to as CalendarDate,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    place: r.place,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    country: r.country,
    region: r.region,
    authority: r.authority,
    office: r.office,
    action: r.action as ActionType,
    legalBasis: r.legal_basis,
    penaltyMci: r.penalty_mci === null ? null : Number(r.penalty_mci),
    suspensionMonths: r.suspension_months === null ? null : Number(r.suspension_months),
    outcome: r.outcome,
    sources: JSON.parse(r.sources) as IncidentSource[],
    notes: r.notes,
    visibility: r.visibility as Visibility,
    ownerOrganisationId: r.owner_organisation_id,
    sourceActionId: r.source_action_id,
    createdAt: r.created_at,
  };
}

export async function getIncident(db: Kysely<Database>, id: string): Promise<IncidentRecord | undefined> {
  const row = await db.selectFrom('incident').select(INCIDENT_SELECT).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : incidentFromRow(row);
}

export async function findIncidentByAction(
  db: Kysely<Database>,
  actionId: string,
): Promise<IncidentRecord | undefined> {
  const row = await db
    .selectFrom('incident')
    .select(INCIDENT_SELECT)
    .where('source_action_id', '=', actionId)
    .executeTakeFirst();
  return row === undefined ? undefined : incidentFromRow(row);
}

export async function countIncidents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('incident')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0n);
}

/** The columns the summary's counts of an incident depend on (incident-counts.repository.ts). */
const COUNTED = [
  'seq',
  'date',
  'place',
  'latitude',
  'longitude',
  'visibility',
  'owner_organisation_id as ownerOrganisationId',
] as const;

/** Deletes an incident, its full-text entry and its part of the summary's counts (call it in a transaction). True when it existed. */
export async function deleteIncident(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('incident')
    .select([...COUNTED, 'search_text'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return false;
  if (!isPostgresDb(db)) {
    await sql`insert into incident_fts (incident_fts, rowid, search_text) values ('delete', ${row.seq}, ${row.search_text})`.execute(
      db,
    );
  }
  await db.deleteFrom('incident').where('id', '=', id).execute();
  await removeIncidentCounts(db, row);
  return true;
}

/** Changes who may see an incident (the indexed text is unchanged) and moves it between the summary's counts (call it in a transaction). */
export async function setIncidentVisibility(
  db: Kysely<Database>,
  id: string,
  visibility: Visibility,
  ownerOrganisationId: string | null,
): Promise<void> {
  const before = await db.selectFrom('incident').select(COUNTED).where('id', '=', id).executeTakeFirst();
  if (before === undefined) return;
  await db
    .updateTable('incident')
    .set({ visibility, owner_organisation_id: ownerOrganisationId })
    .where('id', '=', id)
    .execute();
  await removeIncidentCounts(db, before);
  const counts = new IncidentCountDeltas(db);
  counts.add({ ...before, visibility, ownerOrganisationId }, before.seq);
  await counts.flush();
}

/** The case an authority action belongs to (for promoting the action to an incident), or undefined. */
export async function caseIdOfAction(db: Kysely<Database>, actionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_action')
    .select('case_id')
    .where('id', '=', actionId)
    .executeTakeFirst();
  return row?.case_id;
}
