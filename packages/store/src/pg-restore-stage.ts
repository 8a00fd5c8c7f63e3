import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Where a PostgreSQL restore is written before it becomes the target (issue 15): a database of its
 * own beside the target, `<target>_restoring`. The target stays empty until the restored copy has
 * been checked; then two renames swap them (the emptied original goes to `<target>_replaced`,
 * dropped at once). A restore killed at any moment leaves the target empty (or, for the instant
 * between the two renames, absent), never half-written; the next restore tidies what was left.
 * Needs the CREATEDB privilege and no one else connected to the target while it runs.
 */
export interface PostgresRestoreStage {
  /** The URL of the staging database (pg_restore writes here). */
  readonly url: string;
  /** Swaps the checked staging database in as the target, under the target's owner. */
  publish(): Promise<void>;
  /** Drops the staging database (a failed restore); the target is untouched. */
  discard(): Promise<void>;
}

const q = (name: string): string => pg.escapeIdentifier(name);

/** PostgreSQL names hold at most 63 bytes: a long target name is shortened, with a hash to keep it apart. */
function sideName(target: string, suffix: string): string {
  const base =
    Buffer.byteLength(target) + suffix.length <= 63
      ? target
      : `${target.slice(0, 30)}_${createHash('sha256').update(target).digest('hex').slice(0, 12)}`;
  return `${base}${suffix}`;
}

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
};

async function run<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const exists = async (c: pg.Client, name: string): Promise<boolean> =>
  (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;

/** The names a restore into `url` uses beside it. */
export function postgresRestoreNames(url: string): { target: string; staging: string; replaced: string } {
  const target = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return { target, staging: sideName(target, '_restoring'), replaced: sideName(target, '_replaced') };
}

/**
 * Puts back what a killed restore into `url` left: the emptied original renamed away (the kill
 * fell between the two renames) gets its name back; a staging or replaced database is dropped.
 */
export async function tidyPostgresRestore(url: string): Promise<void> {
  const n = postgresRestoreNames(url);
  const dropSides = async (c: pg.Client): Promise<void> => {
    await c.query(`DROP DATABASE IF EXISTS ${q(n.staging)} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${q(n.replaced)} WITH (FORCE)`);
  };
  // The usual case: the target is there (connecting to it works); drop whatever stands beside it.
  if (
    await run(url, dropSides).then(
      () => true,
      () => false,
    )
  )
    return;
  // The target is missing: a kill between the two renames. A database cannot be renamed from inside
  // itself, so ask through the staging copy (which exists in that window), else `postgres`.
  for (const through of [n.staging, 'postgres']) {
    const done = await run(withDatabase(url, through), async (c) => {
      if (!(await exists(c, n.target)) && (await exists(c, n.replaced)))
        await c.query(`ALTER DATABASE ${q(n.replaced)} RENAME TO ${q(n.target)}`);
    }).then(
      () => true,
      () => false,
    );
    if (done) break;
  }
  await run(url, dropSides);
}

/** Makes a new, empty staging database beside the (empty) target, with the target's encoding and locale. */
export async function stagePostgresRestore(url: string): Promise<PostgresRestoreStage> {
  const n = postgresRestoreNames(url);
  const owner = await run(url, async (c) => {
    const r = await c.query<{ enc: string; coll: string; ctype: string; owner: string }>(
      `SELECT pg_encoding_to_char(d.encoding) AS enc, d.datcollate AS coll, d.datctype AS ctype,
              pg_get_userbyid(d.datdba) AS owner
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    const d = r.rows[0];
    if (!d) throw new Error('the target database is not in pg_database');
    await c.query(
      `CREATE DATABASE ${q(n.staging)} TEMPLATE template0 ENCODING ${pg.escapeLiteral(d.enc)}
         LC_COLLATE ${pg.escapeLiteral(d.coll)} LC_CTYPE ${pg.escapeLiteral(d.ctype)}`,
    );
    return d.owner;
  });
  const stagingUrl = withDatabase(url, n.staging);
  return {
    url: stagingUrl,
    async publish() {
      // Each rename from a database other than the one renamed (PostgreSQL refuses the current one).
      await run(stagingUrl, async (c) => {
        const me = await c.query<{ u: string }>('SELECT current_user AS u');
        if (me.rows[0]?.u !== owner) await c.query(`ALTER DATABASE ${q(n.staging)} OWNER TO ${q(owner)}`);
        await c.query(`ALTER DATABASE ${q(n.target)} RENAME TO ${q(n.replaced)}`);
      });
      await run(withDatabase(url, n.replaced), (c) =>
        c.query(`ALTER DATABASE ${q(n.staging)} RENAME TO ${q(n.target)}`),
      );
      await run(url, (c) => c.query(`DROP DATABASE IF EXISTS ${q(n.replaced)} WITH (FORCE)`));
    },
    async discard() {
      await run(url, (c) => c.query(`DROP DATABASE IF EXISTS ${q(n.staging)} WITH (FORCE)`));
    },
  };
}
