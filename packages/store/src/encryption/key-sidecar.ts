import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseWrappedDataKey, type WrappedDataKey } from './wrapped-key.ts';

/**
 * Where the wrapped data key of an encrypted SQLite file lives: a small file beside it. The cipher
 * (sqlite3mc ChaCha20-Poly1305) keeps no free header bytes, so the wrapped key cannot sit inside the
 * database; this file holds only the wrapped key (useless without the passphrase or key file).
 */
export function wrappedKeyPath(dbFile: string): string {
  return `${dbFile}.wrapped-key`;
}

/** The wrapped key beside `dbFile`: absent, unreadable as a wrapped key, or the key. */
export function readWrappedKey(
  dbFile: string,
): { kind: 'absent' } | { kind: 'corrupt' } | { kind: 'present'; key: WrappedDataKey } {
  const path = wrappedKeyPath(dbFile);
  if (!existsSync(path)) return { kind: 'absent' };
  const key = parseWrappedDataKey(readFileSync(path, 'utf8'));
  return key ? { kind: 'present', key } : { kind: 'corrupt' };
}

/** Writes a file all at once: a temporary file, fsync, rename over `path`, fsync of the folder. */
export function writeFileAtomically(path: string, bytes: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncFolder(dirname(path));
}

export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeWrappedKey(dbFile: string, key: WrappedDataKey): void {
  writeFileAtomically(wrappedKeyPath(dbFile), `${JSON.stringify(key, null, 2)}\n`);
}

/**
 * The second slot of a key change (`DB.wrapped-key.next`): the new wrapping, written before the
 * change commits, with the generation the commit sets in the database's header (`user_version`).
 * Whichever process opens the database next settles it: promoted over the wrapped key when the
 * database holds that generation (the change committed), removed otherwise. See change-key.ts.
 */
export function pendingKeyPath(dbFile: string): string {
  return `${dbFile}.wrapped-key.next`;
}

export type PendingKey =
  | { readonly kind: 'absent' }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'present'; readonly generation: number; readonly key: WrappedDataKey };

export function readPendingKey(dbFile: string): PendingKey {
  const path = pendingKeyPath(dbFile);
  if (!existsSync(path)) return { kind: 'absent' };
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as { generation?: unknown; key?: unknown };
    const key = parseWrappedDataKey(JSON.stringify(v.key));
    const g = v.generation;
    if (key && typeof g === 'number' && Number.isInteger(g) && g > 0)
      return { kind: 'present', generation: g, key };
  } catch {
    // Not JSON: reported as corrupt below.
  }
  return { kind: 'corrupt' };
}

export function writePendingKey(dbFile: string, generation: number, key: WrappedDataKey): void {
  writeFileAtomically(pendingKeyPath(dbFile), `${JSON.stringify({ generation, key }, null, 2)}\n`);
}

/**
 * The change committed: the new wrapping replaces the old one (written atomically), then the slot
 * goes. A crash in between leaves both holding the new wrapping, and settling again does the same.
 */
export function promotePendingKey(dbFile: string, key: WrappedDataKey): void {
  writeWrappedKey(dbFile, key);
  discardPendingKey(dbFile);
}

/** The change did not commit: the new wrapping goes. */
export function discardPendingKey(dbFile: string): void {
  rmSync(pendingKeyPath(dbFile), { force: true });
  syncFolder(dirname(dbFile));
}
