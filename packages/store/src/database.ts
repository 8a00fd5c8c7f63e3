import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { openSqliteFile, type SqliteKeyOptions } from './encryption/open-sqlite.ts';
import { storeKeys, type StoreKeys } from './encryption/store-keys.ts';
import { registerSqliteHandle } from './raw-sqlite.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** The page cache of an encrypted SQLite connection, in KiB (see openConnection). */
export const ENCRYPTED_CACHE_KIB = 2048;

/** An open store: the Kysely instance and which dialect it speaks. */
export interface StoreConnection {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The URL or file it was opened from (never logged with a password). */
  readonly location: string;
  /** Whether the database is encrypted, and the key for stored files (see docs/security.md). */
  readonly keys: StoreKeys;
  /** Opens the connections a PostgreSQL store keeps warm (PgPoolOptions.warm); nothing on SQLite. */
  warm?(): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL int8 (oid 20) and numeric sums come back as bigint, the way SQLite does with safe integers.
pg.types.setTypeParser(20, (v) => BigInt(v));

/** A close that may be called again (a lock closes the store; its owner closes it later too). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * A PostgreSQL store's connections (ignored for SQLite): at most `max` at once (default 10, as pg's
 * own pool), and `warm` of them opened at once and kept however long they stay idle (default none:
 * a command opens what it uses). A server process sets both (its PG_POOL_SIZE): with connections
 * opened only when requests pile up, the first busy second of a process opened up to ten new
 * PostgreSQL backends at once, each forking and reading its catalogs on the same cores that serve
 * the requests, and the requests piled up further (issue 17: PostgreSQL's cases list had a p99 of
 * 93–617 ms at 200 req/s, its p50 4–10 ms).
 */
export interface PgPoolOptions {
  readonly max?: number;
  readonly warm?: number;
}

export type OpenConnectionOptions = SqliteKeyOptions & { readonly pool?: PgPoolOptions };

/**
 * Opens a store: a `postgres://` URL opens a pool on PostgreSQL; anything else is a SQLite file
 * (created with its folder if missing, WAL journal, foreign keys on, prepared statements reused).
 * Integers read back as bigint on both dialects.
 *
 * A SQLite file with a wrapped key beside it is encrypted and needs `options.secret`; a new file is
 * created encrypted when a secret is given (or `encrypt` is set). Throws StoreKeyError
 * (`DB_KEY_REQUIRED`, `DB_KEY_INVALID`) without touching the file; see encryption/open-sqlite.ts.
 */
export function openConnection(url: string, options: OpenConnectionOptions = {}): StoreConnection {
  if (isPostgresUrl(url)) {
    const max = options.pool?.max ?? 10;
    const warm = Math.min(max, options.pool?.warm ?? 0);
    // With warm connections (a server), one over them is closed after a minute idle, not pg's 10 s
    // (after each quiet moment the next busy one opened connections again); a command keeps pg's.
    const pool = new pg.Pool({
      connectionString: url,
      max,
      min: warm,
      idleTimeoutMillis: warm > 0 ? 60_000 : 10_000,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const keys = storeKeys(false, null);
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      keys,
      warm: async () => {
        const clients = await Promise.all(Array.from({ length: warm }, () => pool.connect()));
        for (const c of clients) c.release();
      },
      close: once(async () => {
        keys.forget();
        await db.destroy();
      }),
    };
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const { sqlite, keys } = openSqliteFile(file, options);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A server reads the same pages over and over: 64 MiB of page cache, reads through mmap.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  // An encrypted file cannot be read through mmap: every page read is decrypted into the page
  // cache. A small cache (SQLite's default, 2 MiB) that recycles its slots beats a large one: each
  // slot of a large cache is fresh memory the first time (a page fault and a copy per page), which
  // made a cold balance cost 1.37–1.49× the plain file's CPU with 256 MiB against 1.04–1.06× with
  // 2 MiB (16 KiB pages), while reading the same 16 MB again costs 1.08–1.11× (decrypting a page is
  // cheaper than holding it). docs/security.md, "Page size and page cache". Bulk writers (imports)
  // and the journal export (raiseBulkReadCache) raise the cache while they run.
  if (keys.databaseEncrypted) sqlite.pragma(`cache_size = -${String(ENCRYPTED_CACHE_KIB)}`);
  sqlite.defaultSafeIntegers(true);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  registerSqliteHandle(db, sqlite, keys.databaseEncrypted);
  return {
    db,
    dialect: 'sqlite',
    location: file,
    keys,
    close: once(async () => {
      await db.destroy();
      // Kysely closes the handle only if it ever ran a query: close it here whatever happened, so
      // that the cipher's key leaves memory with it (a lock relies on this).
      if (sqlite.open) sqlite.close();
      keys.forget();
    }),
  };
}
