// A bench's seeded database kept between runs (CIVIC_BENCH_SEEDS=DIR): seeding a million receipts
// takes minutes, the figures after it take seconds. The first run seeds as usual and keeps a copy
// of the seeded database: on SQLite a file in DIR, on PostgreSQL a database named after the seed
// (`civic_seed_<bench>_<dialect>_<scale>_v<version>`, usable as a template), with what the run
// needs of it (the organisation's id) in DIR. Every later run starts from a fresh copy of that
// copy, so each run measures the same database. A copy is keyed by the bench, dialect, scale and
// the bench's seed version: change the seeding, bump the version. Drop the kept databases when
// done (`DROP DATABASE civic_seed_…`; remove DIR). CIVIC_BENCH_SEED_PREFIX=p_ names them `civic_seed_p_<bench>_…`
// so that engineers sharing one PostgreSQL server keep their seeds apart.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface SeedKey {
  readonly bench: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly scale: number;
  readonly version: number;
}

/** CIVIC_BENCH_SEED_PREFIX (letters, digits, _) names one engineer's kept seeds apart from another's on a shared server. */
const PREFIX = (process.env['CIVIC_BENCH_SEED_PREFIX'] ?? '').replace(/[^a-z0-9_]/gi, '_');

const seedName = (k: SeedKey): string =>
  `civic_seed_${PREFIX}${k.bench.replace(/[^a-z0-9]/gi, '_')}_${k.dialect}_${String(k.scale)}_v${String(k.version)}`;

/** The PostgreSQL server's admin URL of a database URL (the same server, its `postgres` database). */
function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl(url) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Replaces the (empty, closed) database at `url` with a copy of the kept seed and returns what was
 * kept with it; undefined when no seed is kept for the key (the caller seeds, then keepSeed).
 */
export async function restoreSeed<T>(dir: string, key: SeedKey, url: string): Promise<T | undefined> {
  const name = seedName(key);
  const facts = join(dir, `${name}.json`);
  if (!existsSync(facts)) return undefined;
  if (key.dialect === 'sqlite') {
    const file = join(dir, `${name}.db`);
    if (!existsSync(file)) return undefined;
    for (const suffix of ['-wal', '-shm']) rmSync(`${url}${suffix}`, { force: true });
    copyFileSync(file, url);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${url}-wal`);
  } else {
    const target = new URL(url).pathname.slice(1);
    const kept = await onServer(url, async (c) => {
      const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (r.rowCount === 0) return false;
      await c.query(`DROP DATABASE ${target}`);
      await c.query(`CREATE DATABASE ${target} TEMPLATE ${name}`);
      return true;
    });
    if (!kept) return undefined;
  }
  return JSON.parse(readFileSync(facts, 'utf8')) as T;
}

/** Keeps a copy of the seeded (closed) database at `url` and `facts` with it, for restoreSeed. */
export async function keepSeed(dir: string, key: SeedKey, url: string, facts: unknown): Promise<void> {
  const name = seedName(key);
  mkdirSync(dir, { recursive: true });
  if (key.dialect === 'sqlite') {
    // Closed, the database is whole in its file; a write-ahead log left beside it goes along.
    const file = join(dir, `${name}.db`);
    rmSync(`${file}-wal`, { force: true });
    copyFileSync(url, file);
    if (existsSync(`${url}-wal`)) copyFileSync(`${url}-wal`, `${file}-wal`);
  } else {
    const source = new URL(url).pathname.slice(1);
    await onServer(url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`);
    });
  }
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(facts));
}
