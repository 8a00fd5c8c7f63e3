import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Incidents (issue 5) and their full-text index, on both dialects:
// - SQLite: an FTS5 external-content table over incident.search_text, keyed by incident.seq
//   (an INTEGER PRIMARY KEY, so VACUUM keeps it); the repository keeps it in step (one bulk
//   `INSERT INTO incident_fts SELECT … ORDER BY seq` or `rebuild` per import, 'delete' before a delete).
// - PostgreSQL: a generated tsvector column (config `simple`, so Cyrillic is indexed as is) with
//   a GIN index; legal_basis_key uses the "C" collation so a prefix is a range on its index.
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('incident')
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('organisation_key', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('authority', 'text')
    .addColumn('office', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('legal_basis_key', postgres ? sql`text collate "C"` : 'text')
    .addColumn('penalty_mci', 'double precision')
    .addColumn('suspension_months', 'double precision')
    .addColumn('outcome', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text')
    .addColumn('source_action_id', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // seq encodes the date (see incident.repository.ts), so the primary key is the date order and a
  // date range is a seq range. SQLite appends the rowid (= seq) to every index entry; PostgreSQL
  // is given seq as a second column, so each filter index also yields its rows newest first.
  const bySeq = postgres ? ['seq'] : [];
  await db.schema
    .createIndex('incident_organisation')
    .on('incident')
    .columns(['organisation_key', ...bySeq])
    .execute();
  await db.schema
    .createIndex('incident_place')
    .on('incident')
    .columns(['place', ...bySeq])
    .execute();
  await db.schema
    .createIndex('incident_region')
    .on('incident')
    .columns(['region', ...bySeq])
    .execute();
  await db.schema
    .createIndex('incident_legal_basis')
    .on('incident')
    .columns(['legal_basis_key', ...bySeq])
    .execute();
  await db.schema
    .createIndex('incident_source_action')
    .on('incident')
    .column('source_action_id')
    .unique()
    .where(sql.ref('source_action_id'), 'is not', null)
    .execute();
  if (postgres) {
    await sql`ALTER TABLE incident ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX incident_search ON incident USING gin (search)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(search_text, content='incident', content_rowid='seq', tokenize='unicode61 remove_diacritics 0', detail='full')`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    await sql`DROP TABLE IF EXISTS incident_fts`.execute(db);
  await db.schema.dropTable('incident').execute();
}
