import type { ColumnType } from 'kysely';

/**
 * One incident (issue 5, monitoring). `seq` is the integer key the full-text index refers to
 * (SQLite FTS5 external content needs an integer rowid that VACUUM cannot renumber); `id` is the
 * public identifier. The `*_key` columns hold normalised text for filters, `search_text` the
 * normalised words that both full-text indexes are built from (so both dialects find the same).
 * On PostgreSQL a `search` tsvector column (not declared here: never read or written through
 * Kysely), kept equal to to_tsvector('simple', search_text) by a trigger (migration 730), indexes
 * `search_text`.
 */
export interface IncidentTable {
  /** Date-ordered key (see SEQ_DAY in incident.repository.ts); written by IncidentWriter only. */
  seq: ColumnType<bigint, bigint, never>;
  id: string;
  date: string;
  date_to: string;
  organisation: string;
  organisation_key: string;
  organisation_id: string | null;
  place: string;
  latitude: number | null;
  longitude: number | null;
  country: string;
  region: string | null;
  authority: string | null;
  office: string | null;
  action: string;
  legal_basis: string | null;
  legal_basis_key: string | null;
  penalty_mci: number | null;
  suspension_months: number | null;
  outcome: string | null;
  /** JSON array of {url, title?, date?}. */
  sources: string;
  notes: string | null;
  visibility: string;
  owner_organisation_id: string | null;
  /** The case action this incident was promoted from, if any (one incident per action). */
  source_action_id: string | null;
  search_text: string;
  created_at: string;
  /** Moves on by one with each accepted change (optimistic concurrency); starts at 1. */
  version: ColumnType<bigint, bigint | undefined, bigint>;
}

/** SQLite only: the FTS5 index over incident.search_text (rowid = incident.seq). */
export interface IncidentFtsTable {
  rowid: bigint;
  search_text: string;
}

/** SQLite only: every word of the indexed text, for prefix queries. */
export interface IncidentTermTable {
  term: string;
}

/** Incidents per first day, by who may see them (migration 720; owner '' for none). */
export interface IncidentDayCountTable {
  visibility: string;
  owner: string;
  day: string;
  n: ColumnType<bigint, bigint | number, bigint | number>;
}

/** Incidents with both coordinates per place name and coordinates, by who may see them; `latest`: the newest one's seq. */
export interface IncidentPlaceCountTable {
  visibility: string;
  owner: string;
  place: string;
  latitude: number;
  longitude: number;
  n: ColumnType<bigint, bigint | number, bigint | number>;
  latest: ColumnType<bigint, bigint | number, bigint | number>;
}

/** PostgreSQL only: one row (id 1) that every write of `incident` moves (migration 2026-12-10-720, by trigger). */
export interface IncidentRevisionTable {
  id: number;
  revision: ColumnType<bigint, bigint | number, bigint | number>;
  writer: ColumnType<bigint, bigint | number, bigint | number>;
}

export interface IncidentTables {
  incident: IncidentTable;
  incident_day_count: IncidentDayCountTable;
  incident_place_count: IncidentPlaceCountTable;
  incident_fts: IncidentFtsTable;
  incident_term: IncidentTermTable;
  incident_revision: IncidentRevisionTable;
}
