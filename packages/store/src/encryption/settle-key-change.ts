import type SQLite from 'better-sqlite3-multiple-ciphers';
import { discardPendingKey, promotePendingKey, type PendingKey } from './key-sidecar.ts';
import { openKeyed } from './open-sqlite.ts';
import { StoreKeyError } from './store-key-error.ts';
import { pageCipherOf, unwrapDataKey, type WrappedDataKey } from './wrapped-key.ts';

/**
 * Opens a database whose key change was cut off (a second slot `DB.wrapped-key.next` exists; see
 * change-key.ts) and settles it under the database's write lock, so that it cannot race the change
 * itself: the database holds the slot's generation (the change committed) → the slot replaces the
 * wrapped key; otherwise the slot is removed. Then only the key in force opens it: the old secret
 * before a committed change is DB_KEY_INVALID, the new one after an uncommitted change too. A secret
 * that unwraps neither slot changes no byte.
 */
export function openSettlingKeyChange(
  file: string,
  current: WrappedDataKey,
  pending: PendingKey,
  secret: Buffer,
): { sqlite: SQLite.Database; dataKey: Buffer } {
  const fromCurrent = unwrapDataKey(current, secret);
  const fromPending = pending.kind === 'present' ? unwrapDataKey(pending.key, secret) : null;
  const dataKey = fromCurrent ?? fromPending;
  if (!dataKey) throw new StoreKeyError('DB_KEY_INVALID', `the key given does not open ${file}`, file);
  const sqlite = openKeyed(file, dataKey, pageCipherOf(current));
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.prepare('BEGIN IMMEDIATE').run();
    let committed: boolean;
    try {
      const inForce = Number(sqlite.pragma('user_version', { simple: true }));
      committed = pending.kind === 'present' && inForce >= pending.generation;
      if (pending.kind === 'present' && committed) promotePendingKey(file, pending.key);
      else discardPendingKey(file);
    } finally {
      sqlite.prepare('COMMIT').run();
    }
    if (!(committed ? fromPending : fromCurrent))
      throw new StoreKeyError('DB_KEY_INVALID', `the key given does not open ${file}`, file);
    return { sqlite, dataKey };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
