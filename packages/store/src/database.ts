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

/** An open store: the Kysely instance and which dialect it speaks. */
export interface StoreConnection {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The URL or file it was opened from (never logged with a password). */
  readonly location: string;
  /** Whether the database is encrypted, and the key for stored files (see docs/security.md). */
  readonly keys: StoreKeys;
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

export type OpenConnectionOptions = SqliteKeyOptions;

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
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const keys = storeKeys(false, null);
    return {
      db,
      dialect: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      keys,
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
  // An encrypted file cannot be read through mmap (pages are decrypted into the page cache): give
  // it a page cache as large as the mmap window, so that warm reads are not decrypted again.
  if (keys.databaseEncrypted) sqlite.pragma('cache_size = -262144');
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
