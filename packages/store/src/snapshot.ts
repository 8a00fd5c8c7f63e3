import { spawn } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { writeWrappedKey } from './encryption/key-sidecar.ts';
import { NEW_PAGE_CIPHER, selectPageCipher, vacuumToEncryptedPageSize } from './encryption/open-sqlite.ts';
import { DEFAULT_KDF_COST, generateDataKey, wrapDataKey, type KdfCost } from './encryption/wrapped-key.ts';
import pg from 'pg';
import { sealRestoredFiles } from './encryption/reseal-stored-files.ts';
import type { Database } from './schema.ts';

/** The head of one organisation's hash chain: what a backup promises and a restore must find again. */
export interface LogHead {
  readonly organisation: string;
  readonly seq: number;
  readonly entryHash: string;
}

/** The name of the last migration applied: the schema version a snapshot was taken at. */
export async function schemaVersion(db: Kysely<Database>): Promise<string> {
  const r = await sql<{ name: string | null }>`${sql.raw(SCHEMA_SQL)}`.execute(db);
  return r.rows[0]?.name ?? '';
}

// One text for both dialects and for a snapshot file opened on its own.
const HEADS_SQL = `SELECT e.organisation AS organisation, e.seq AS seq, e.entry_hash AS entry_hash
  FROM log_entry e JOIN (SELECT organisation, max(seq) AS seq FROM log_entry GROUP BY organisation) h
    ON h.organisation = e.organisation AND h.seq = e.seq
  ORDER BY e.organisation`;
const SCHEMA_SQL = 'SELECT max(name) AS name FROM kysely_migration';

interface HeadRow {
  organisation: string;
  seq: bigint | number | string;
  entry_hash: string;
}
const toHeads = (rows: HeadRow[]): LogHead[] =>
  rows.map((r) => ({ organisation: r.organisation, seq: Number(r.seq), entryHash: r.entry_hash }));

/** Every chain's head (organisation '' is the chain tied to none), ordered by organisation. */
export async function listLogHeads(db: Kysely<Database>): Promise<LogHead[]> {
  const r = await sql<HeadRow>`${sql.raw(HEADS_SQL)}`.execute(db);
  return toHeads(r.rows);
}

/** What a snapshot holds, read from the snapshot itself so that it describes exactly that moment. */
export interface SnapshotFacts {
  readonly schemaVersion: string;
  readonly logHeads: LogHead[];
}

/** The schema version and log heads of an open SQLite snapshot. */
export function readSnapshotFacts(db: SQLite.Database): SnapshotFacts {
  db.defaultSafeIntegers(true);
  const name = (db.prepare(SCHEMA_SQL).get() as { name: string | null } | undefined)?.name ?? '';
  return { schemaVersion: name, logHeads: toHeads(db.prepare(HEADS_SQL).all() as HeadRow[]) };
}

/**
 * Encrypts a plain SQLite file in place with a new random data key, wrapped with `secret` beside
 * it (the same layout as a database created encrypted, 16 KiB pages; see encryption/open-sqlite.ts).
 */
export function encryptSqliteFile(file: string, secret: Buffer, cost: KdfCost = DEFAULT_KDF_COST): void {
  const dataKey = generateDataKey();
  writeWrappedKey(file, wrapDataKey(dataKey, secret, cost, NEW_PAGE_CIPHER));
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = DELETE');
    vacuumToEncryptedPageSize(db);
    selectPageCipher(db, NEW_PAGE_CIPHER);
    db.pragma(`rekey = "x'${Buffer.from(dataKey).toString('hex')}'"`);
    sealRestoredFiles(db, dataKey);
  } finally {
    dataKey.fill(0);
    db.close();
  }
}

/** Runs a PostgreSQL client tool; resolves with its stdout, rejects with its stderr (never the URL's password). */
function runTool(tool: string, args: string[], input?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new Error(
            `${tool} exited ${String(code)}: ${Buffer.concat(err)
              .toString('utf8')
              .replace(/:[^:@/\s]*@/g, ':***@')
              .slice(0, 2000)}`,
          ),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * A PostgreSQL database as one pg_dump archive (custom format, restorable with pg_restore), with
 * the schema version and log heads read in the very snapshot pg_dump copies: a REPEATABLE READ
 * transaction exports its snapshot and pg_dump runs inside it (`--snapshot`).
 */
export async function dumpPostgres(url: string): Promise<SnapshotFacts & { readonly archive: Buffer }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snap = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const heads = await client.query<HeadRow>(HEADS_SQL);
    const schema = await client.query<{ name: string | null }>(SCHEMA_SQL);
    const archive = await runTool('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snap.rows[0]?.id ?? ''}`,
      `--dbname=${url}`,
    ]);
    await client.query('COMMIT');
    return { archive, schemaVersion: schema.rows[0]?.name ?? '', logHeads: toHeads(heads.rows) };
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump archive into an empty PostgreSQL database in ONE transaction, read from stdin:
 * if this process dies midway, pg_restore reads an early end of input and rolls everything back.
 */
export async function restorePostgres(url: string, archive: Uint8Array): Promise<void> {
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`],
    archive,
  );
}

/** True when a PostgreSQL database has no table, view or sequence of its own (a restore target). */
export async function isPostgresDatabaseEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
         AND c.relkind IN ('r', 'v', 'm', 'S', 'p')`,
    );
    return r.rows[0]?.n === '0';
  } finally {
    await client.end();
  }
}

/** Empties a PostgreSQL database a failed restore wrote into (it was empty before: nothing of anyone else's is lost). */
export async function emptyPostgresDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * Every table's row count, by table name: with `listLogHeads`, the footprint a refused import or
 * a failed restore must leave exactly as it found it.
 */
export async function tableRowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string | bigint }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(
      db,
    );
    counts[t] = Number(r.rows[0]?.n ?? 0);
  }
  return counts;
}

/** A tool's stderr without the URL's password, for an error message. */
const toolError = (tool: string, code: number | null, stderr: Buffer[]): Error =>
  new Error(
    `${tool} exited ${String(code)}: ${Buffer.concat(stderr)
      .toString('utf8')
      .replace(/:[^:@/\s]*@/g, ':***@')
      .slice(0, 2000)}`,
  );

/**
 * `dumpPostgres` without holding the archive: pg_dump's output goes to `sink` chunk by chunk (each
 * awaited, so a slow sink slows pg_dump down and memory stays flat), from the same exported snapshot
 * as the schema version and log heads returned.
 */
export async function dumpPostgresStreaming(
  url: string,
  sink: (chunk: Buffer) => Promise<void>,
): Promise<SnapshotFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snap = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const heads = await client.query<HeadRow>(HEADS_SQL);
    const schema = await client.query<{ name: string | null }>(SCHEMA_SQL);
    const child = spawn(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snap.rows[0]?.id ?? ''}`,
        `--dbname=${url}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stderr: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    const exit = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    try {
      for await (const chunk of child.stdout) await sink(chunk as Buffer);
    } catch (e) {
      child.kill('SIGKILL');
      await exit.catch(() => undefined);
      throw e;
    }
    const code = await exit;
    if (code !== 0) throw toolError('pg_dump', code, stderr);
    await client.query('COMMIT');
    return { schemaVersion: schema.rows[0]?.name ?? '', logHeads: toHeads(heads.rows) };
  } finally {
    await client.end();
  }
}

/** A pg_restore being fed: `write` each chunk, then `finish` (commits) or `abort` (nothing is kept). */
export interface PostgresRestoreStream {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * `restorePostgres` fed chunk by chunk: one transaction (`--single-transaction`), so an `abort`
 * (pg_restore killed before its input ends) or a crash of this process keeps nothing.
 */
export function openPostgresRestore(url: string): PostgresRestoreStream {
  const child = spawn(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const stderr: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  child.stdin.on('error', () => undefined);
  const exit = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  return {
    async write(chunk) {
      if (child.exitCode !== null) throw toolError('pg_restore', child.exitCode, stderr);
      if (!child.stdin.write(chunk))
        await new Promise<void>((resolve) => {
          const go = (): void => {
            child.stdin.off('drain', go);
            child.off('close', go);
            resolve();
          };
          child.stdin.once('drain', go);
          child.once('close', go);
        });
    },
    async finish() {
      child.stdin.end();
      const code = await exit;
      if (code !== 0) throw toolError('pg_restore', code, stderr);
    },
    async abort() {
      child.kill('SIGKILL');
      await exit;
    },
  };
}
