import { err, ok, type DomainError, type Result } from '@civic/core';
import {
  changePostgresFileKey,
  changeSqliteKey,
  openConnection,
  encryptInPlace,
  isPostgresUrl,
  isStoreKeyError,
  resolveDbSecret,
} from '@civic/store';

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
export function encryptDatabase(
  url: string,
  options: EncryptDatabaseOptions = {},
): Result<EncryptDatabaseSummary> {
  const file = sqliteFile(url);
  if (!file.ok) return file;
  const secret = secretFrom(
    options.env ?? process.env,
    options.keyFile,
    'CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file',
  );
  if (!secret.ok) return secret;
  const r = encryptInPlace(file.value, secret.value);
  secret.value.fill(0);
  if (!r.ok) return err({ code: r.code, message: r.message, file: file.value });
  return ok({ database: file.value, tables: r.tables, rows: r.rows, logHeads: r.logHeads });
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
        return ok({ database: conn.location });
      } finally {
        await conn.close();
      }
    }
    const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
    changeSqliteKey(file, oldSecret.value, newSecret.value);
    return ok({ database: file });
  } catch (e) {
    if (isStoreKeyError(e)) return err(keyError(e));
    throw e;
  } finally {
    oldSecret.value.fill(0);
    newSecret.value.fill(0);
  }
}
