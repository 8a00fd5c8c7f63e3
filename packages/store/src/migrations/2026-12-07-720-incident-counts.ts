import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The incident summary's counts kept up to date (issue 17): the whole-database summary (the
// Monitor page's chart and map) reads these instead of counting a million incidents per request.
// `incident_day_count`: incidents per first day; `incident_place_count`: incidents with both
// coordinates per stored place name and coordinates, with the seq of the newest. Both are split by
// who may see them (visibility and owner, '' for none), so every viewer's summary sums its rows.
// The store keeps them in the transaction of every insert (once per bulk batch), delete and change
// of visibility (incident-counts.repository.ts); this migration counts the existing incidents.
// Migrations take Kysely<any> and never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const integer = postgres ? 'bigint' : 'integer';
  await db.schema
    .createTable('incident_day_count')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_day_count_pk', ['visibility', 'owner', 'day'])
    .execute();
  await db.schema
    .createTable('incident_place_count')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('n', integer, (c) => c.notNull())
    .addColumn('latest', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_place_count_pk', [
      'visibility',
      'owner',
      'place',
      'latitude',
      'longitude',
    ])
    .execute();
  await sql`insert into incident_day_count (visibility, owner, day, n)
    select visibility, coalesce(owner_organisation_id, ''), date, count(*)
    from incident group by visibility, coalesce(owner_organisation_id, ''), date`.execute(db);
  await sql`insert into incident_place_count (visibility, owner, place, latitude, longitude, n, latest)
    select visibility, coalesce(owner_organisation_id, ''), place, latitude, longitude, count(*), max(seq)
    from incident where latitude is not null and longitude is not null
    group by visibility, coalesce(owner_organisation_id, ''), place, latitude, longitude`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_place_count').execute();
  await db.schema.dropTable('incident_day_count').execute();
}
