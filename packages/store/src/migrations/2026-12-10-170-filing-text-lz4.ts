import { PostgresAdapter, sql, type Kysely } from 'kysely';

// A filing's texts compressed by lz4 instead of pglz on PostgreSQL (issue 17). A half-year's
// report at a million receipts is ~42 MB of canonical JSON (with an ~8.6 MB lint view and its
// receipt ids), which the server compresses at every prepare before storing it out of line.
// Writing the content alone took the server 580-660 CPU-ms with pglz, 220-260 with lz4 (330-410
// uncompressed, five times larger on disk), about the same size as pglz's. The texts read back
// are the same bytes; values stored before stay pglz and are read as they are. Only where the
// server was built with lz4 (PostgreSQL 14 and later offer it as a setting's value): elsewhere
// nothing changes. SQLite stores the texts as they are. Migrations never import app code.

const COLUMNS = ['content', 'lint_view', 'receipt_ids'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function lz4Offered(db: Kysely<any>): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return false;
  const r = await sql<{ offered: boolean }>`SELECT 'lz4' = ANY(enumvals) AS offered FROM pg_settings
    WHERE name = 'default_toast_compression'`.execute(db);
  return r.rows[0]?.offered === true;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await lz4Offered(db))) return;
  for (const c of COLUMNS)
    await sql`ALTER TABLE filing ALTER COLUMN ${sql.ref(c)} SET COMPRESSION lz4`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!(await lz4Offered(db))) return;
  for (const c of COLUMNS)
    await sql`ALTER TABLE filing ALTER COLUMN ${sql.ref(c)} SET COMPRESSION DEFAULT`.execute(db);
}
