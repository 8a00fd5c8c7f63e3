import { PostgresAdapter, sql, type Kysely } from 'kysely';

// A stamp of the incident table for caches of searches and summaries on PostgreSQL (issue 17),
// which has no cheap stamp of the database like SQLite's data_version. One row, moved by a
// statement-level trigger on every INSERT, UPDATE, DELETE and TRUNCATE of `incident`, whoever makes
// it (a server, the CLI, SQL by hand) and in the writing transaction, so a reader never sees data
// newer than the stamp it read before it. `revision` moves on every statement (a reader inside the
// writing transaction sees each); `writer` is the writing transaction's id, which no later
// transaction has, so a stamp never comes back with other data (after a restore, say). A bulk load
// pays one trigger per statement, not one per row. Writers of incidents queue on this row until
// they commit; incidents are written by imports and single edits, never in parallel at volume.
// SQLite needs none of it: its data stamp (data-stamp.ts) moves on every write already, and a
// per-row trigger would slow a million-row import; the table is PostgreSQL's alone.
// Migrations take Kysely<any> and never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .createTable('incident_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('writer', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO incident_revision (id, revision, writer) VALUES (1, 0, txid_current())`.execute(db);
  await sql`CREATE FUNCTION bump_incident_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE incident_revision SET revision = revision + 1, writer = txid_current() WHERE id = 1;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER incident_revision_write AFTER INSERT OR UPDATE OR DELETE ON incident FOR EACH STATEMENT EXECUTE FUNCTION bump_incident_revision()`.execute(
    db,
  );
  await sql`CREATE TRIGGER incident_revision_truncate AFTER TRUNCATE ON incident FOR EACH STATEMENT EXECUTE FUNCTION bump_incident_revision()`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP TRIGGER IF EXISTS incident_revision_write ON incident`.execute(db);
  await sql`DROP TRIGGER IF EXISTS incident_revision_truncate ON incident`.execute(db);
  await sql`DROP FUNCTION IF EXISTS bump_incident_revision()`.execute(db);
  await db.schema.dropTable('incident_revision').execute();
}
