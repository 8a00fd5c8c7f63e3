import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
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
