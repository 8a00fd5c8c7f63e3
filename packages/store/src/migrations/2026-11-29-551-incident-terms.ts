import { PostgresAdapter, sql, type Kysely } from 'kysely';

// SQLite only: the words of the incidents' full text, kept by the incident writer. A prefix query
// (`repor*`) is answered from it as an OR of whole words, which FTS5 reads lazily in rowid order,
// instead of FTS5's own prefix scan, which gathers every match first. And the FTS5 table gets the
// `ascii` tokenizer: search_text is already folded words separated by single spaces (core's
// searchWords), so splitting on spaces is all it needs, and it indexes a quarter faster than
// unicode61 (non-ASCII letters are word characters to it). PostgreSQL needs nothing.
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema
    .createTable('incident_term')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`DROP TABLE incident_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(search_text, content='incident', content_rowid='seq', tokenize='ascii', detail='full')`.execute(
    db,
  );
  await sql`INSERT INTO incident_fts (incident_fts) VALUES ('rebuild')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropTable('incident_term').execute();
  await sql`DROP TABLE incident_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE incident_fts USING fts5(search_text, content='incident', content_rowid='seq', tokenize='unicode61 remove_diacritics 0', detail='full')`.execute(
    db,
  );
  await sql`INSERT INTO incident_fts (incident_fts) VALUES ('rebuild')`.execute(db);
}
