import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../database.ts';
import { changeSqliteKey } from './change-key.ts';
import { encryptInPlace } from './encrypt-in-place.ts';
import { readWrappedKey, wrappedKeyPath, writeWrappedKey } from './key-sidecar.ts';
import { openKeyed } from './open-sqlite.ts';
import { StoreKeyError } from './store-key-error.ts';
import { generateDataKey, parseWrappedDataKey, unwrapDataKey, wrapDataKey } from './wrapped-key.ts';

// Real parts: SQLite files on disk through sqlite3mc, with the AEGIS-256 cipher new files get and
// the ChaCha20-Poly1305 files made before it (a version 1 wrapped key, written here the old way).
const dir = mkdtempSync(join(tmpdir(), 'civic-page-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const secret = Buffer.from('correct horse battery staple');
const DONOR = 'Фонд Открытых Горизонтов';

const pageCipher = (db: string): string | undefined => {
  const w = readWrappedKey(db);
  return w.kind === 'present' ? (w.key.pageCipher ?? 'chacha20 (version 1)') : undefined;
};

/** A database encrypted as the project did before the cipher was recorded: ChaCha20, a version 1 key. */
function oldChachaDatabase(file: string): void {
  const plain = new SQLite(file);
  plain.exec('CREATE TABLE donor (name TEXT); ');
  plain.prepare('INSERT INTO donor VALUES (?)').run(DONOR);
  const dataKey = generateDataKey();
  plain.pragma(`cipher = 'chacha20'`);
  plain.pragma(`rekey = "x'${dataKey.toString('hex')}'"`);
  plain.close();
  writeWrappedKey(file, wrapDataKey(dataKey, secret, cheap));
}

async function donors(file: string, key: Buffer): Promise<string[]> {
  const conn = openConnection(file, { secret: key });
  try {
    const r = await sql<{ name: string }>`SELECT name FROM donor`.execute(conn.db);
    return r.rows.map((x) => x.name);
  } finally {
    await conn.close();
  }
}

describe('page cipher', () => {
  it('a new encrypted database is AEGIS-256, recorded in its wrapped key and bound into its tag', async () => {
    const db = join(dir, 'new.db');
    const conn = openConnection(db, { secret, kdfCost: cheap });
    await sql`CREATE TABLE donor (name TEXT)`.execute(conn.db);
    await sql`INSERT INTO donor VALUES (${DONOR})`.execute(conn.db);
    await conn.close();
    const w = parseWrappedDataKey(readFileSync(wrappedKeyPath(db), 'utf8'));
    expect(w?.version).toBe(2);
    expect(w?.pageCipher).toBe('aegis');
    if (!w) return;
    const dataKey = unwrapDataKey(w, secret);
    expect(dataKey?.length).toBe(32);
    // The cipher named is the one the pages are in: ChaCha20 with the same key reads nothing.
    expect(() => openKeyed(db, dataKey ?? Buffer.alloc(32), 'chacha20')).toThrow(StoreKeyError);
    openKeyed(db, dataKey ?? Buffer.alloc(32), 'aegis').close();
    // A changed cipher field is refused before any page is read (it is additional data of the tag).
    expect(unwrapDataKey({ ...w, pageCipher: 'chacha20' }, secret)).toBeNull();
    expect(readFileSync(db).includes(Buffer.from(DONOR))).toBe(false);
    expect(await donors(db, secret)).toEqual([DONOR]);
  });

  it('a ChaCha20 database with a version 1 key (made before) still opens, reads and changes its key', async () => {
    const db = join(dir, 'old.db');
    oldChachaDatabase(db);
    expect(readFileSync(wrappedKeyPath(db), 'utf8')).not.toContain('pageCipher');
    expect(await donors(db, secret)).toEqual([DONOR]);
    const next = Buffer.from('a new passphrase');
    await changeSqliteKey(db, secret, next, { cost: cheap });
    // Still ChaCha20 (the pages were not rewritten), now under the new passphrase only.
    expect(pageCipher(db)).toBe('chacha20 (version 1)');
    expect(await donors(db, next)).toEqual([DONOR]);
    expect(() => openConnection(db, { secret })).toThrow(StoreKeyError);
  });

  it('`civic encrypt` writes AEGIS-256, and a new key keeps it', async () => {
    const db = join(dir, 'convert.db');
    const plain = new SQLite(db);
    plain.exec('CREATE TABLE donor (name TEXT)');
    plain.prepare('INSERT INTO donor VALUES (?)').run(DONOR);
    plain.close();
    const r = encryptInPlace(db, secret, cheap);
    expect(r.ok).toBe(true);
    expect(pageCipher(db)).toBe('aegis');
    expect(readFileSync(db).includes(Buffer.from(DONOR))).toBe(false);
    const next = Buffer.from('another passphrase');
    await changeSqliteKey(db, secret, next, { cost: cheap });
    expect(pageCipher(db)).toBe('aegis');
    expect(await donors(db, next)).toEqual([DONOR]);
  });

  it('a version 1 key that claims a cipher, or a version 2 key without one, is not a wrapped key', () => {
    const db = join(dir, 'shape.db');
    oldChachaDatabase(db);
    const v1 = JSON.parse(readFileSync(wrappedKeyPath(db), 'utf8')) as Record<string, unknown>;
    expect(parseWrappedDataKey(JSON.stringify(v1))).not.toBeNull();
    expect(parseWrappedDataKey(JSON.stringify({ ...v1, pageCipher: 'aegis' }))).toBeNull();
    expect(parseWrappedDataKey(JSON.stringify({ ...v1, version: 2 }))).toBeNull();
    expect(parseWrappedDataKey(JSON.stringify({ ...v1, version: 2, pageCipher: 'rc4' }))).toBeNull();
    copyFileSync(wrappedKeyPath(db), join(dir, 'kept.json'));
  });
});
