import { PostgresAdapter, sql, type Kysely } from 'kysely';

// PostgreSQL's incident `search` tsvector (issue 14): a plain column kept equal to
// to_tsvector('simple', search_text) by a trigger, instead of a generated column. A generated
// column is computed by whatever statement writes the row and can never be given, so a bulk load
// into an empty table paid for every row's tsvector in its serial move from the staging table to
// the table (about 19 µs per row, half the load's server time at 1M). Now the staging table
// computes it while the rows are copied in (on the server's core while the client parses) and the
// move copies it with the trigger switched off (incident-pg-load.ts). Every other write goes
// through the trigger: an insert without a vector gets one, and an update of the text or of the
// vector gets it computed again, so `search` always follows `search_text`. SQLite: nothing (its
// FTS5 index is filled by the writer). Migrations take Kysely<any> and never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`ALTER TABLE incident ALTER COLUMN search DROP EXPRESSION`.execute(db);
  await sql`CREATE FUNCTION incident_keep_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR NEW.search IS NULL THEN
    NEW.search := to_tsvector('simple', NEW.search_text);
  END IF;
  RETURN NEW;
END $$`.execute(db);
  await sql`CREATE TRIGGER incident_keep_search BEFORE INSERT OR UPDATE OF search_text, search ON incident
FOR EACH ROW EXECUTE FUNCTION incident_keep_search()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP TRIGGER incident_keep_search ON incident`.execute(db);
  await sql`DROP FUNCTION incident_keep_search()`.execute(db);
  await sql`ALTER TABLE incident DROP COLUMN search`.execute(db);
  await sql`ALTER TABLE incident ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX incident_search ON incident USING gin (search)`.execute(db);
}
