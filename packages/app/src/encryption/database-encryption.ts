import { err, ok, type DomainError, type Result } from '@civic/core';
import {
  changePostgresFileKey,
  changeSqliteKey,
  openConnection,
  encryptInPlace,
  isPostgresUrl,
  isStoreKeyError,
  resolveDbSecret,
  type StoreConnection,
} from '@civic/store';
import { auditDone } from '../audit/audited.ts';
import type { AuditChange } from '../audit/with-audit.ts';
import { contextActor } from '../context.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface EncryptDatabaseOptions {
  /** The new key's file (`--key-file`); else CIVIC_DB_KEY_FILE, else CIVIC_DB_KEY. */
  readonly keyFile?: string;
  readonly env?: Env;
}

export interface EncryptDatabaseSummary {
  readonly database: string;
  readonly tables: number;
  readonly rows: number;
  readonly logHeads: number;
}

function sqliteFile(url: string): Result<string> {
  if (isPostgresUrl(url))
    return err({
      code: 'CLI_OPTION_INVALID',
      message:
        'only a SQLite file is encrypted by CivicLedger; a PostgreSQL server relies on disk encryption (docs/security.md)',
      field: 'db',
    });
  return ok(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url);
}

function secretFrom(env: Env, keyFile: string | undefined, field: string): Result<Buffer> {
  try {
    const secret = resolveDbSecret(env, keyFile);
    if (secret) return ok(secret);
    return err({ code: 'DB_KEY_REQUIRED', message: `give the key with ${field}`, field });
  } catch (e) {
    if (isStoreKeyError(e)) return err(keyError(e));
    throw e;
  }
}

function keyError(e: {
  code: string;
  message: string;
  file?: string | undefined;
  field?: string | undefined;
}): DomainError {
  return {
    code: e.code,
    message: e.message,
    ...(e.file !== undefined ? { file: e.file } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
  };
}

/**
 * `civic encrypt`: converts a plain SQLite database into an encrypted one in place (see the store's
 * encryptInPlace: a verified copy replaces the original; a crash leaves one good database).
 */
export async function encryptDatabase(
  url: string,
  options: EncryptDatabaseOptions = {},
): Promise<Result<EncryptDatabaseSummary>> {
  const file = sqliteFile(url);
  if (!file.ok) return file;
  const secret = secretFrom(
    options.env ?? process.env,
    options.keyFile,
    'CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file',
  );
  if (!secret.ok) return secret;
  try {
    const r = encryptInPlace(file.value, secret.value);
    if (!r.ok) return err({ code: r.code, message: r.message, file: file.value });
    const summary = { database: file.value, tables: r.tables, rows: r.rows, logHeads: r.logHeads };
    await auditOn(openConnection(file.value, { secret: secret.value }), {
      entity: 'instance',
      entityId: 'database',
      action: 'encrypt',
      organisationId: null,
      after: { tables: r.tables, rows: r.rows },
    });
    return ok(summary);
  } finally {
    secret.value.fill(0);
  }
}

/** Records a change to the whole database (made outside a context) for the driver's actor, then closes `store`. */
async function auditOn(store: StoreConnection, change: AuditChange): Promise<void> {
  try {
    const actor = contextActor();
    if (actor) await auditDone({ store, now: () => new Date(), actor }, change);
  } finally {
    await store.close();
  }
}

export interface ChangeKeyOptions {
  /** The current key: `--key-file`, else CIVIC_DB_KEY_FILE, else CIVIC_DB_KEY (or `oldSecret`, e.g. typed at a prompt). */
  readonly keyFile?: string;
  readonly oldSecret?: Buffer;
  /** The new key: `--new-key-file`, else CIVIC_DB_NEW_KEY_FILE, else CIVIC_DB_NEW_KEY (or `newSecret`). */
  readonly newKeyFile?: string;
  readonly newSecret?: Buffer;
  readonly env?: Env;
}

/** The new key's environment names mapped onto the names resolveDbSecret reads. */
const newKeyEnv = (env: Env): Env => ({
  CIVIC_DB_KEY: env['CIVIC_DB_NEW_KEY'],
  CIVIC_DB_KEY_FILE: env['CIVIC_DB_NEW_KEY_FILE'],
});

const KEY_CHANGED: AuditChange = {
  entity: 'instance',
  entityId: 'database',
  action: 'key-change',
  organisationId: null,
};

/**
 * `civic key change`: rewraps the database's one data key under a new key; the database file is not
 * rewritten. Afterwards only the new key opens it.
 */
export async function changeDatabaseKey(
  url: string,
  options: ChangeKeyOptions = {},
): Promise<Result<{ database: string }>> {
  const env = options.env ?? process.env;
  const oldSecret = options.oldSecret
    ? ok(options.oldSecret)
    : secretFrom(env, options.keyFile, 'CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file');
  if (!oldSecret.ok) return oldSecret;
  const newSecret = options.newSecret
    ? ok(options.newSecret)
    : secretFrom(
        newKeyEnv(env),
        options.newKeyFile,
        'CIVIC_DB_NEW_KEY, CIVIC_DB_NEW_KEY_FILE or --new-key-file',
      );
  if (!newSecret.ok) return newSecret;
  try {
    if (isPostgresUrl(url)) {
      // PostgreSQL: only the stored files' key is CivicLedger's; it lives in table store_key.
      const conn = openConnection(url);
      try {
        await changePostgresFileKey(conn, oldSecret.value, newSecret.value);
      } catch (e) {
        await conn.close();
        throw e;
      }
      await auditOn(conn, KEY_CHANGED);
      return ok({ database: conn.location });
    }
    const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
    // The entry and the rewrap commit together: a wrong old key writes neither; the database's
    // pages are not re-encrypted (only the entry's pages change).
    const actor = contextActor();
    await changeSqliteKey(file, oldSecret.value, newSecret.value, {
      ...(actor
        ? {
            record: (store: StoreConnection) =>
              auditDone({ store, now: () => new Date(), actor }, KEY_CHANGED),
          }
        : {}),
    });
    return ok({ database: file });
  } catch (e) {
    if (isStoreKeyError(e)) return err(keyError(e));
    throw e;
  } finally {
    oldSecret.value.fill(0);
    newSecret.value.fill(0);
  }
}
