import pg from 'pg';
import { postgresRestoreNames } from './pg-restore-stage.ts';

// Test support (tests only) for a restore killed midway on PostgreSQL: what the database server
// says about a restore in flight and what a killed one left behind.

async function query<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Whether pg_restore, restoring into `url`, is writing rows right now: its backend, connected to
 * the target or its staging database, is inside its transaction running a COPY. `through` is any database of the
 * same server to ask from.
 */
export async function isPostgresRestoreWriting(url: string, through: string): Promise<boolean> {
  const rows = await query(
    through,
    `SELECT 1 FROM pg_stat_activity
      WHERE datname = ANY($1) AND application_name = 'pg_restore' AND xact_start IS NOT NULL
        AND query ILIKE 'COPY %'`,
    [[postgresRestoreNames(url).target, postgresRestoreNames(url).staging]],
  );
  return rows.length > 0;
}

/** The databases a restore into `url` uses beside the target that exist now (staging, replaced). */
export async function postgresRestoreLeftovers(url: string, through: string): Promise<string[]> {
  const n = postgresRestoreNames(url);
  const rows = await query<{ datname: string }>(
    through,
    'SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY datname',
    [[n.staging, n.replaced]],
  );
  return rows.map((r) => r.datname);
}

/** The tables of the database at `url` outside PostgreSQL's own schemas. */
export async function postgresTableNames(url: string): Promise<string[]> {
  const rows = await query<{ t: string }>(
    url,
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [],
  );
  return rows.map((r) => r.t);
}

/**
 * Adds `rows` throttle rows (table login_attempt, outside every log chain) to a test database, so
 * that its dump takes pg_restore long enough to be caught writing; returns the table's row count.
 */
export async function padPostgresForTest(url: string, rows: number): Promise<number> {
  await query(
    url,
    `INSERT INTO login_attempt (key, at, attempt)
     SELECT 'addr:padding-' || g, 0, md5(g::text) || md5((g + 1)::text) FROM generate_series(1, $1::int) g`,
    [rows],
  );
  const n = await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM login_attempt', []);
  return Number(n[0]?.n ?? 0);
}

/** The row count of login_attempt (see padPostgresForTest). */
export async function postgresPaddingRows(url: string): Promise<number> {
  const n = await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM login_attempt', []);
  return Number(n[0]?.n ?? 0);
}

/** A watch on a restore into `url` over one held connection to `through` (never the target's, which would stop its rename): cheap to ask every millisecond. */
export interface PostgresRestoreWatch {
  /** pg_restore's transaction is open on the target or its staging database, copying rows. */
  writing(): Promise<boolean>;
  /**
   * The restored tables are committed but not yet swapped in: pg_restore, seen before, has left the
   * staging database, which is still there (the restore is being checked).
   */
  committed(): Promise<boolean>;
  close(): Promise<void>;
}

export async function watchPostgresRestore(url: string, through: string): Promise<PostgresRestoreWatch> {
  const n = postgresRestoreNames(url);
  const admin = new pg.Client({ connectionString: through });
  await admin.connect();
  let seen = false;
  const restoring = async (copying: boolean): Promise<boolean> => {
    const r = await admin.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = ANY($1) AND application_name = 'pg_restore'
          AND xact_start IS NOT NULL ${copying ? "AND query ILIKE 'COPY %'" : ''}`,
      [[n.target, n.staging]],
    );
    if ((r.rowCount ?? 0) > 0) seen = true;
    return (r.rowCount ?? 0) > 0;
  };
  return {
    writing: () => restoring(true),
    async committed() {
      if (await restoring(false)) return false;
      const staging = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [n.staging]);
      return seen && (staging.rowCount ?? 0) > 0;
    },
    close: () => admin.end(),
  };
}
