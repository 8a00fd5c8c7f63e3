import {
  isStoreKeyError,
  migrateToLatest,
  openConnection,
  resolveDbSecret,
  unlockPostgresFiles,
  type PgPoolOptions,
  type StoreConnection,
} from '@civic/store';
import type { DomainError } from '@civic/core';
import type { SessionPolicy } from './accounts/session-policy.ts';
import type { Actor } from './audit/with-audit.ts';

/**
 * What every use case runs against: an open, migrated store. Drivers (server, CLI) make one with
 * `openContext` and pass it to use cases; they never touch the store themselves.
 */
export interface AppContext {
  readonly store: StoreConnection;
  /** The clock, passed in so that use cases and tests agree on "now". */
  readonly now: () => Date;
  /** Session idle timeout and lifetime (default 30 min and 12 h: accounts/session-policy.ts). */
  readonly sessions?: SessionPolicy;
  /**
   * Who acts through this context, when every change it makes is theirs (the CLI: `--actor NAME`
   * or the operating-system user, `channel: cli`). Use cases that change stored data then write
   * their audit entry themselves (audit/audited.ts). The server leaves it out: its routes record
   * each change with the signed-in user.
   */
  readonly actor?: Actor | undefined;
}

export interface OpenContextOptions {
  readonly now?: () => Date;
  /** Run migrations on open (default true). */
  readonly migrate?: boolean;
  /** A key file for an encrypted database (the CLI's `--key-file`); else `CIVIC_DB_KEY_FILE`, else `CIVIC_DB_KEY`. */
  readonly keyFile?: string;
  /** Where CIVIC_DB_KEY / CIVIC_DB_KEY_FILE are read (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Create a new SQLite file encrypted; refused (DB_KEY_REQUIRED) without a key. */
  readonly encrypt?: boolean;
  /** Session idle timeout and lifetime (the server's SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
  readonly sessions?: SessionPolicy;
  /** Who acts through the context (default: the driver's, see `setContextActor`). */
  readonly actor?: Actor;
  /** A PostgreSQL store's connections (a server process's PG_POOL_SIZE); opened before the context is returned. */
  readonly pool?: PgPoolOptions;
}

/**
 * An encrypted database could not be opened: `DB_KEY_REQUIRED` (no key given) or `DB_KEY_INVALID`
 * (a key that does not open it). Drivers show `error` (it names the file, never the key) and exit
 * with the table's code; nothing was written.
 */
export class OpenContextError extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'OpenContextError';
  }
}

/** The key file of the CLI's global `--key-file`, set once by the CLI before a command runs. */
let defaultKeyFile: string | undefined;
export function setDefaultKeyFile(file: string | undefined): void {
  defaultKeyFile = file;
}

/** The actor of every context `openContext` opens, set once by a driver (the CLI) that acts as one. */
let defaultActor: (() => Actor) | undefined;
export function setContextActor(actor: (() => Actor) | undefined): void {
  defaultActor = actor;
}

/** The actor `setContextActor` set, if any (for changes made outside a context: encrypt, key change). */
export function contextActor(): Actor | undefined {
  return defaultActor?.();
}

/**
 * Opens a SQLite file or a `postgres://` URL and brings its schema up to date. An encrypted SQLite
 * file is opened with the key from `options.keyFile`, `CIVIC_DB_KEY_FILE` or `CIVIC_DB_KEY`; a
 * missing or wrong key throws OpenContextError.
 */
export async function openContext(
  databaseUrl: string,
  options: OpenContextOptions = {},
): Promise<AppContext> {
  const { store, secret } = asOpenError(() => {
    const secret = resolveDbSecret(options.env ?? process.env, options.keyFile ?? defaultKeyFile);
    const store = openConnection(databaseUrl, {
      secret,
      encrypt: options.encrypt ?? false,
      ...(options.pool ? { pool: options.pool } : {}),
    });
    return { store, secret };
  });
  try {
    if (options.migrate ?? true) await migrateToLatest(store.db);
    await store.warm?.();
    await unlockPostgresFiles(store, secret);
  } catch (e) {
    await store.close();
    asOpenError(() => {
      throw e;
    });
  } finally {
    secret?.fill(0);
  }
  return {
    store,
    now: options.now ?? (() => new Date()),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...actorOption(options.actor ?? contextActor()),
  };
}

const actorOption = (actor: Actor | undefined): { actor?: Actor } => (actor ? { actor } : {});

/** Runs `fn`, turning a StoreKeyError into an OpenContextError (anything else passes through). */
function asOpenError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isStoreKeyError(e)) throw e;
    throw new OpenContextError({
      code: e.code,
      message: e.message,
      ...(e.file !== undefined ? { file: e.file } : {}),
      ...(e.field !== undefined ? { field: e.field } : {}),
    });
  }
}

/** Whether the context's database file is encrypted (a PostgreSQL store never is: that is the operator's disk encryption). */
export function isStoreEncrypted(ctx: AppContext): boolean {
  return ctx.store.keys.databaseEncrypted;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.store.close();
}

/**
 * The operator's database secret as every command would use it (`--key-file`, `CIVIC_DB_KEY_FILE`,
 * `CIVIC_DB_KEY`), or null; an unreadable key file throws OpenContextError. For a restore that
 * encrypts the database it writes.
 */
export function currentDbSecret(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Buffer | null {
  try {
    return resolveDbSecret(env, defaultKeyFile);
  } catch (e) {
    if (!isStoreKeyError(e)) throw e;
    throw new OpenContextError({
      code: e.code,
      message: e.message,
      ...(e.file !== undefined ? { file: e.file } : {}),
    });
  }
}

/** What the instance admin is told about encryption at rest (the `instance` field of GET /api/v1/me). */
export interface AtRestStatus {
  readonly dialect: 'sqlite' | 'postgres';
  /** The SQLite database file (and its WAL) is encrypted; always false on PostgreSQL (the operator's disk encryption). */
  readonly databaseEncrypted: boolean;
  /** Stored files (case documents, filing attachments) are sealed under a file key. */
  readonly filesEncrypted: boolean;
  /** Show the admin a warning: a plain SQLite file, or PostgreSQL with no file key. */
  readonly encryptionWarning: boolean;
}

export function atRestStatus(ctx: AppContext): AtRestStatus {
  const { dialect, keys } = ctx.store;
  const filesEncrypted = keys.fileKey() !== null;
  return {
    dialect,
    databaseEncrypted: keys.databaseEncrypted,
    filesEncrypted,
    encryptionWarning: dialect === 'sqlite' ? !keys.databaseEncrypted : !filesEncrypted,
  };
}
