import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Filings, submissions and attachments (issue 3). A submitted filing never changes: triggers on
// both dialects refuse UPDATE or DELETE of a submitted filing and any change to a submission or
// attachment once written. Migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('filing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('obligation_id', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'submitted')`))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('receipt_ids', 'text', (c) => c.notNull())
    .addColumn('corrects', 'text', (c) => c.references('filing.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filing_organisation')
    .on('filing')
    .columns(['organisation_id', 'obligation_id'])
    .execute();
  await db.schema
    .createTable('submission')
    .addColumn('filing_id', 'text', (c) => c.primaryKey().references('filing.id'))
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('incoming_number', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filing_id', 'text', (c) => c.notNull().references('filing.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('content', postgres ? 'bytea' : 'blob')
    .execute();
  await db.schema
    .createIndex('attachment_filing')
    .on('attachment')
    .columns(['filing_id', 'seq'])
    .unique()
    .execute();
  if (postgres) {
    await sql`CREATE FUNCTION filing_submitted_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'submitted' THEN RAISE EXCEPTION 'a submitted filing never changes: % on filing refused', TG_OP; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE FUNCTION submission_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a submitted filing never changes: % on % refused', TG_OP, TG_TABLE_NAME; END $$`.execute(
      db,
    );
    await sql`CREATE TRIGGER filing_final BEFORE UPDATE OR DELETE ON filing FOR EACH ROW EXECUTE FUNCTION filing_submitted_is_final()`.execute(
      db,
    );
    for (const table of ['submission', 'attachment']) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_final`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION submission_is_final()`.execute(
        db,
      );
    }
  } else {
    const refuse = (what: string) =>
      sql.raw(`SELECT RAISE(ABORT, 'a submitted filing never changes: ${what} refused');`);
    await sql`CREATE TRIGGER filing_final_update BEFORE UPDATE ON filing WHEN OLD.state = 'submitted' BEGIN ${refuse('UPDATE on filing')} END`.execute(
      db,
    );
    await sql`CREATE TRIGGER filing_final_delete BEFORE DELETE ON filing WHEN OLD.state = 'submitted' BEGIN ${refuse('DELETE on filing')} END`.execute(
      db,
    );
    for (const table of ['submission', 'attachment']) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_final_update`)} BEFORE UPDATE ON ${sql.table(table)} BEGIN ${refuse(`UPDATE on ${table}`)} END`.execute(
        db,
      );
      await sql`CREATE TRIGGER ${sql.raw(`${table}_final_delete`)} BEFORE DELETE ON ${sql.table(table)} BEGIN ${refuse(`DELETE on ${table}`)} END`.execute(
        db,
      );
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment').execute();
  await db.schema.dropTable('submission').execute();
  await db.schema.dropTable('filing').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP FUNCTION IF EXISTS filing_submitted_is_final()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS submission_is_final()`.execute(db);
  }
}
