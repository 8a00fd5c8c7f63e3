import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isPostgresUrl, wrappedKeyPath } from '@civic/store';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `npm start` on a fresh machine: when the SQLite file does not exist yet and no key is configured,
 * a random key (256 bits, base64url) for the new database. The caller prints it once and passes it
 * on in memory; it is never written anywhere. Null for PostgreSQL, an existing file, or when
 * CIVIC_DB_KEY / CIVIC_DB_KEY_FILE is set.
 */
export function firstStartKey(databaseUrl: string, env: Env): string | null {
  if (isPostgresUrl(databaseUrl)) return null;
  if ((env['CIVIC_DB_KEY'] ?? '') !== '' || (env['CIVIC_DB_KEY_FILE'] ?? '') !== '') return null;
  const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : databaseUrl;
  if (file === ':memory:' || existsSync(file) || existsSync(wrappedKeyPath(file))) return null;
  return randomBytes(32).toString('base64url');
}
