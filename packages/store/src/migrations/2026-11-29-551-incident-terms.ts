import { PostgresAdapter, sql, type Kysely } from 'kysely';

// SQLite only: the words of the incidents' full text, kept by the incident writer. A prefix query
// (`repor*`) is answered from it as an OR of whole words, which FTS5 reads lazily in rowid order,
// instead of FTS5's own prefix scan, which gathers every match first. PostgreSQL needs nothing.
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.createTable('incident_term').addColumn('term', 'text', (c) => c.primaryKey()).modifyEnd(sql`without rowid`).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropTable('incident_term').execute();
}
