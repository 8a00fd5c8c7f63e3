import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The append-only, hash-chained log (issue 3). Triggers on both dialects reject UPDATE and
// DELETE (and TRUNCATE on PostgreSQL), so the log cannot be rewritten through SQL either.
// Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('log_entry')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('previous_hash', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    // The primary key makes two concurrent appends to one chain collide instead of forking it.
    .addPrimaryKeyConstraint('log_entry_pk', ['organisation', 'seq'])
    .execute();
  await db.schema.createIndex('log_entry_subject').on('log_entry').columns(['subject_id']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION log_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'log_entry is append-only: % is not allowed', TG_OP; END $$`.execute(db);
    await sql`CREATE TRIGGER log_entry_no_change BEFORE UPDATE OR DELETE ON log_entry FOR EACH ROW EXECUTE FUNCTION log_entry_append_only()`.execute(
      db,
    );
    await sql`CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry FOR EACH STATEMENT EXECUTE FUNCTION log_entry_append_only()`.execute(
      db,
    );
  } else {
    await sql`CREATE TRIGGER log_entry_no_update BEFORE UPDATE ON log_entry BEGIN SELECT RAISE(ABORT, 'log_entry is append-only: UPDATE is not allowed'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER log_entry_no_delete BEFORE DELETE ON log_entry BEGIN SELECT RAISE(ABORT, 'log_entry is append-only: DELETE is not allowed'); END`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('log_entry').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`DROP FUNCTION IF EXISTS log_entry_append_only()`.execute(db);
}
