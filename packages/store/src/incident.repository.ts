import { CompiledQuery, PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import {
  incidentSearchText, legalBasisFilterKey, organisationFilterKey, placeSearchNames,
  type ActionType, type CalendarDate, type Incident, type IncidentInput, type IncidentSource, type Visibility,
} from '@civic/core';
import type { IncidentTable } from './incident.tables.ts';
import type { Database } from './schema.ts';

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

const COLUMNS = [
  'id', 'date', 'date_to', 'organisation', 'organisation_key', 'organisation_id', 'place', 'latitude', 'longitude',
  'country', 'region', 'authority', 'office', 'action', 'legal_basis', 'legal_basis_key', 'penalty_mci',
  'suspension_months', 'outcome', 'sources', 'notes', 'visibility', 'owner_organisation_id', 'source_action_id',
  'search_text', 'created_at',
] as const;

function rowValues(i: NewIncident, placeNames: (place: string) => readonly string[]): unknown[] {
  return [
    i.id, i.date, i.dateTo, i.organisation, organisationFilterKey(i.organisation), i.organisationId, i.place, i.latitude, i.longitude,
    i.country, i.region, i.authority, i.office, i.action, i.legalBasis, i.legalBasis === null ? null : legalBasisFilterKey(i.legalBasis), i.penaltyMci,
    i.suspensionMonths, i.outcome, JSON.stringify(i.sources), i.notes, i.visibility, i.ownerOrganisationId ?? null, i.sourceActionId ?? null,
    incidentSearchText(i, placeNames), i.createdAt,
  ];
}

function isPostgresDb(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function insertSql(rows: number, postgres: boolean): string {
  const n = COLUMNS.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let c = 1; c <= n; c++) ps.push(postgres ? `$${r * n + c}` : '?');
    tuples.push(`(${ps.join(',')})`);
  }
  return `insert into incident (${COLUMNS.join(',')}) values ${tuples.join(',')}`;
}

/**
 * Writes incidents in bulk inside the caller's transaction: multi-row prepared inserts below
 * both dialects' parameter limits (one SQL text per batch size), and on SQLite the full-text
 * index filled once at `finish()` by `INSERT INTO incident_fts SELECT` over the new rows — far
 * cheaper than a trigger per row. Call `finish()` before the transaction commits.
 */
export class IncidentWriter {
  private readonly postgres: boolean;
  private readonly batch: number;
  private readonly fullSql: string;
  private readonly placeNames = new Map<string, readonly string[]>();
  private written = 0;

  private constructor(private readonly db: Kysely<Database>, private readonly seqBefore: bigint, private readonly names: (place: string) => readonly string[]) {
    this.postgres = isPostgresDb(db);
    this.batch = Math.floor((this.postgres ? 60_000 : 30_000) / COLUMNS.length);
    this.fullSql = insertSql(this.batch, this.postgres);
  }

  /** Opens a writer on a connection that is inside a transaction. `placeNames` gives other names of a place to index (default: the gazetteer's). */
  static async open(db: Kysely<Database>, placeNames?: (place: string) => readonly string[]): Promise<IncidentWriter> {
    const row = await db.selectFrom('incident').select(sql<bigint | null>`max(seq)`.as('max')).executeTakeFirst();
    return new IncidentWriter(db, BigInt(row?.max ?? 0n), placeNames ?? placeSearchNames);
  }

  get count(): number {
    return this.written;
  }

  async add(incidents: readonly NewIncident[]): Promise<void> {
    const cached = (place: string): readonly string[] => {
      let names = this.placeNames.get(place);
      if (names === undefined) {
        names = this.names(place);
        this.placeNames.set(place, names);
      }
      return names;
    };
    for (let start = 0; start < incidents.length; start += this.batch) {
      const part = incidents.slice(start, start + this.batch);
      const params: unknown[] = [];
      for (const incident of part) for (const v of rowValues(incident, cached)) params.push(v);
      const text = part.length === this.batch ? this.fullSql : insertSql(part.length, this.postgres);
      await this.db.executeQuery(CompiledQuery.raw(text, params));
      this.written += part.length;
    }
  }

  /** Brings the full-text index up to date with the rows written (SQLite; PostgreSQL's column is generated). */
  async finish(): Promise<void> {
    if (this.postgres || this.written === 0) return;
    await sql`insert into incident_fts (rowid, search_text) select seq, search_text from incident where seq > ${this.seqBefore}`.execute(this.db);
  }
}

/** Inserts incidents (any number) and indexes them; inside the caller's transaction if it has one. */
export async function insertIncidents(db: Kysely<Database>, incidents: readonly NewIncident[]): Promise<void> {
  const writer = await IncidentWriter.open(db);
  await writer.add(incidents);
  await writer.finish();
}

export function incidentFromRow(r: Selectable<IncidentTable>): IncidentRecord {
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

/** The columns read back for an incident (everything but the index columns). */
export const INCIDENT_SELECT = [
  'id', 'date', 'date_to', 'organisation', 'organisation_key', 'organisation_id', 'place', 'latitude', 'longitude', 'country', 'region',
  'authority', 'office', 'action', 'legal_basis', 'legal_basis_key', 'penalty_mci', 'suspension_months', 'outcome', 'sources', 'notes',
  'visibility', 'owner_organisation_id', 'source_action_id', 'search_text', 'created_at', 'seq',
] as const;

export async function getIncident(db: Kysely<Database>, id: string): Promise<IncidentRecord | undefined> {
  const row = await db.selectFrom('incident').select(INCIDENT_SELECT).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : incidentFromRow(row);
}

export async function findIncidentByAction(db: Kysely<Database>, actionId: string): Promise<IncidentRecord | undefined> {
  const row = await db.selectFrom('incident').select(INCIDENT_SELECT).where('source_action_id', '=', actionId).executeTakeFirst();
  return row === undefined ? undefined : incidentFromRow(row);
}

export async function countIncidents(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('incident').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0n);
}

/** Deletes an incident and its full-text entry. True when it existed. */
export async function deleteIncident(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('incident').select(['seq', 'search_text']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) return false;
  if (!isPostgresDb(db)) {
    await sql`insert into incident_fts (incident_fts, rowid, search_text) values ('delete', ${row.seq}, ${row.search_text})`.execute(db);
  }
  await db.deleteFrom('incident').where('id', '=', id).execute();
  return true;
}

/** Changes who may see an incident (the indexed text is unchanged). */
export async function setIncidentVisibility(db: Kysely<Database>, id: string, visibility: Visibility, ownerOrganisationId: string | null): Promise<void> {
  await db.updateTable('incident').set({ visibility, owner_organisation_id: ownerOrganisationId }).where('id', '=', id).execute();
}
