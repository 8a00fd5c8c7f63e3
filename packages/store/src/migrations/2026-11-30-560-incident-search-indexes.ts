import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Incident search (issue 6 performance): the action filter gets an index like the other filters
// (place, region, organisation, legal basis), so a search by action type, alone or with words,
// walks that index newest first instead of the whole table. SQLite appends the rowid (= seq, the
// date order) to the index entry; PostgreSQL is given seq as a second column.
// SQLite also gets the table's statistics (sqlite_stat1; the incident writer refreshes them after
// a bulk load): without them its planner cannot tell a place (1 in 60) from an action type (1 in
// 20) and may walk the less selective index. PostgreSQL keeps its own (autovacuum).
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createIndex('incident_action')
    .ifNotExists()
    .on('incident')
    .columns(postgres ? ['action', 'seq'] : ['action'])
    .execute();
  if (!postgres) await sql`analyze incident`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incident_action').ifExists().execute();
}
