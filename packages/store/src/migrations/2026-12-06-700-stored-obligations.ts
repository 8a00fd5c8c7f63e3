import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Stored obligations (issue 17): the derived obligations of an organisation kept in the database
// so a new server process answers the first request from an index instead of deriving a million
// receipts again. `obligation_row` holds one row per obligation without its status (the status is
// computed in SQL from the due day, the first submission and the day asked about);
// `obligation_text` the words many rows share (title, form title, citation, notes) once;
// `obligation_state` which pack (by content hash) and which filings the rows were derived with.
// `obligation_dirty` lists the months whose records changed since: database triggers add them in
// the same transaction as the change, whoever makes it (the server, the CLI, an import, SQL by
// hand), and the next refresh derives only those months and the reporting periods around them.
// Migrations take Kysely<any> and never import app code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Rows are paged in the order core sorts them (due day, then id, as JS compares strings): byte
  // order, which PostgreSQL gives only under the "C" collation.
  const c = postgres ? sql`collate "C"` : sql``;
  await db.schema
    .createTable('obligation_row')
    .addColumn('organisation_id', 'text', (x) => x.notNull())
    .addColumn('id', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('obligation_id', 'text', (x) => x.notNull())
    .addColumn('trigger_kind', 'text', (x) => x.notNull())
    .addColumn('form', 'text', (x) => x.notNull())
    .addColumn('period_from', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('period_to', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('period_label', 'text', (x) => x.notNull())
    .addColumn('due_on', 'text', (x) => x.notNull().modifyEnd(c))
    .addColumn('verified', 'bigint', (x) => x.notNull())
    .addColumn('text_key', 'text', (x) => x.notNull())
    .addColumn('receipt_id', 'text')
    .addColumn('receipt_ids', 'text')
    .addColumn('submitted_id', 'text')
    .addColumn('submitted_on', 'text', (x) => x.modifyEnd(c))
    .addColumn('draft_id', 'text')
    .addPrimaryKeyConstraint('obligation_row_pk', ['organisation_id', 'id'])
    .execute();
  await db.schema
    .createIndex('obligation_row_due')
    .on('obligation_row')
    .columns(['organisation_id', 'due_on', 'id'])
    .execute();
  await db.schema
    .createIndex('obligation_row_period')
    .on('obligation_row')
    .columns(['organisation_id', 'period_from'])
    .execute();
  await db.schema
    .createIndex('obligation_row_receipt')
    .on('obligation_row')
    .columns(['organisation_id', 'receipt_id'])
    .execute();
  await db.schema
    .createTable('obligation_text')
    .addColumn('organisation_id', 'text', (x) => x.notNull())
    .addColumn('key', 'text', (x) => x.notNull())
    .addColumn('body', 'text', (x) => x.notNull())
    .addPrimaryKeyConstraint('obligation_text_pk', ['organisation_id', 'key'])
    .execute();
  await db.schema
    .createTable('obligation_state')
    .addColumn('organisation_id', 'text', (x) => x.primaryKey())
    .addColumn('pack_key', 'text', (x) => x.notNull())
    .addColumn('filings_key', 'text', (x) => x.notNull())
    .execute();
  await db.schema
    .createTable('obligation_dirty')
    .addColumn('organisation_id', 'text', (x) => x.notNull())
    .addColumn('month', 'text', (x) => x.notNull())
    .addPrimaryKeyConstraint('obligation_dirty_pk', ['organisation_id', 'month'])
    .execute();
  if (postgres) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

const MARK = 'INSERT INTO obligation_dirty (organisation_id, month)';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const month = (row: string, column: string) =>
    `VALUES (${row}.organisation_id, substr(${row}.${column}, 1, 7))`;
  const bySource = (row: string) =>
    `SELECT organisation_id, substr(received_on, 1, 7) FROM ledger_receipt WHERE source_id = ${row}.id`;
  const triggers: [string, string, string][] = [];
  for (const [table, column] of [
    ['ledger_receipt', 'received_on'],
    ['ledger_expenditure', 'spent_on'],
  ] as const) {
    triggers.push([
      `${table}_obligations_insert`,
      `AFTER INSERT ON ${table}`,
      `${MARK} ${month('NEW', column)} ON CONFLICT DO NOTHING;`,
    ]);
    triggers.push([
      `${table}_obligations_update`,
      `AFTER UPDATE ON ${table}`,
      `${MARK} ${month('OLD', column)} ON CONFLICT DO NOTHING; ${MARK} ${month('NEW', column)} ON CONFLICT DO NOTHING;`,
    ]);
    triggers.push([
      `${table}_obligations_delete`,
      `AFTER DELETE ON ${table}`,
      `${MARK} ${month('OLD', column)} ON CONFLICT DO NOTHING;`,
    ]);
  }
  // A source's category decides whether its receipts are covered.
  triggers.push([
    'foreign_source_obligations_update',
    'AFTER UPDATE OF category ON foreign_source',
    `${MARK} ${bySource('NEW')} ON CONFLICT DO NOTHING;`,
  ]);
  for (const [name, on, body] of triggers)
    await sql.raw(`CREATE TRIGGER ${name} ${on} BEGIN ${body} END`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  // Once per statement (transition tables): an import of a million rows adds its months once.
  for (const [table, column] of [
    ['ledger_receipt', 'received_on'],
    ['ledger_expenditure', 'spent_on'],
  ] as const) {
    const from = (rows: string) =>
      `SELECT DISTINCT organisation_id, substr(${column}, 1, 7) FROM ${rows} ON CONFLICT DO NOTHING;`;
    await sql
      .raw(
        `CREATE FUNCTION ${table}_obligation_months() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN ${MARK} ${from('new_rows')} END IF;
        IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN ${MARK} ${from('old_rows')} END IF;
        RETURN NULL;
      END $$`,
      )
      .execute(db);
    const fn = `EXECUTE FUNCTION ${table}_obligation_months()`;
    await sql
      .raw(
        `CREATE TRIGGER ${table}_obligations_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${fn}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_obligations_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${fn}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_obligations_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${fn}`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `CREATE FUNCTION foreign_source_obligation_months() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.category IS DISTINCT FROM OLD.category THEN
          ${MARK} SELECT DISTINCT organisation_id, substr(received_on, 1, 7) FROM ledger_receipt
            WHERE source_id = NEW.id ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER foreign_source_obligations_update AFTER UPDATE ON foreign_source FOR EACH ROW EXECUTE FUNCTION foreign_source_obligation_months()',
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of ['ledger_receipt', 'ledger_expenditure', 'foreign_source'])
    for (const op of ['insert', 'update', 'delete'])
      await sql
        .raw(`DROP TRIGGER IF EXISTS ${table}_obligations_${op}${postgres ? ` ON ${table}` : ''}`)
        .execute(db);
  if (postgres)
    for (const table of ['ledger_receipt', 'ledger_expenditure', 'foreign_source'])
      await sql.raw(`DROP FUNCTION IF EXISTS ${table}_obligation_months()`).execute(db);
  for (const t of ['obligation_dirty', 'obligation_state', 'obligation_text', 'obligation_row'])
    await db.schema.dropTable(t).execute();
}
