import { PostgresAdapter, sql, type Kysely } from 'kysely';

// A revision number per organisation that moves on every change to what its obligations are
// derived from (sources, receipts, expenditures, filings), whoever makes the change (the server,
// the CLI in another process, SQL by hand). Readers that cache derived results compare it instead
// of reading the ledger again. SQLite counts per row; PostgreSQL once per statement (transition
// tables), so a bulk import adds one upsert, not one per row.
// Migrations take Kysely<any> and never import app code.
const TABLES = ['foreign_source', 'ledger_receipt', 'ledger_expenditure', 'filing'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('ledger_revision')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  if (postgres) {
    await sql`CREATE FUNCTION bump_ledger_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO ledger_revision (organisation_id, revision) SELECT DISTINCT organisation_id, 1 FROM old_rows
            ON CONFLICT (organisation_id) DO UPDATE SET revision = ledger_revision.revision + 1;
        ELSE
          INSERT INTO ledger_revision (organisation_id, revision) SELECT DISTINCT organisation_id, 1 FROM new_rows
            ON CONFLICT (organisation_id) DO UPDATE SET revision = ledger_revision.revision + 1;
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    for (const table of TABLES) {
      const t = sql.table(table);
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_insert`)} AFTER INSERT ON ${t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_revision()`.execute(
        db,
      );
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_update`)} AFTER UPDATE ON ${t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_revision()`.execute(
        db,
      );
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_delete`)} AFTER DELETE ON ${t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_revision()`.execute(
        db,
      );
    }
  } else {
    const bump = (row: 'NEW' | 'OLD') =>
      sql.raw(
        `INSERT INTO ledger_revision (organisation_id, revision) VALUES (${row}.organisation_id, 1) ON CONFLICT (organisation_id) DO UPDATE SET revision = revision + 1;`,
      );
    for (const table of TABLES) {
      const t = sql.table(table);
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_insert`)} AFTER INSERT ON ${t} BEGIN ${bump('NEW')} END`.execute(
        db,
      );
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_update`)} AFTER UPDATE ON ${t} BEGIN ${bump('NEW')} END`.execute(
        db,
      );
      await sql`CREATE TRIGGER ${sql.raw(`${table}_revision_delete`)} AFTER DELETE ON ${t} BEGIN ${bump('OLD')} END`.execute(
        db,
      );
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of TABLES) {
    for (const op of ['insert', 'update', 'delete']) {
      if (postgres)
        await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_revision_${op}`)} ON ${sql.table(table)}`.execute(
          db,
        );
      else await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_revision_${op}`)}`.execute(db);
    }
  }
  if (postgres) await sql`DROP FUNCTION IF EXISTS bump_ledger_revision()`.execute(db);
  await db.schema.dropTable('ledger_revision').execute();
}
