import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection, type StoreConnection } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { resolveDbSecret } from './db-secret.ts';
import { wrappedKeyPath } from './key-sidecar.ts';
import { StoreKeyError } from './store-key-error.ts';
import { DEFAULT_KDF_COST, parseWrappedDataKey, unwrapDataKey, wrapDataKey } from './wrapped-key.ts';

// Real parts: SQLite files on disk through sqlite3mc (ChaCha20-Poly1305), scrypt and AES-GCM from
// node:crypto. A low scrypt cost keeps the suite quick; one test runs the default cost.
const dir = mkdtempSync(join(tmpdir(), 'civic-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const secret = Buffer.from('correct horse battery staple');
const DONOR = 'Фонд Открытых Горизонтов';

const sha = (f: string): string | null =>
  existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : null;
const fingerprint = (db: string): (string | null)[] =>
  [db, `${db}-wal`, `${db}-shm`, wrappedKeyPath(db)].map(sha);

function keyError(fn: () => unknown): StoreKeyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreKeyError) return e;
    throw e;
  }
  throw new Error('expected a StoreKeyError');
}

async function writeDonor(conn: StoreConnection): Promise<void> {
  await sql`CREATE TABLE donor (name TEXT, bin TEXT)`.execute(conn.db);
  await sql`INSERT INTO donor VALUES (${DONOR}, '990140000126')`.execute(conn.db);
}

describe('wrapped data key', () => {
  it('unwraps with the secret it was wrapped with, at the default scrypt cost', () => {
    const dataKey = Buffer.alloc(32, 9);
    const w = wrapDataKey(dataKey, secret, DEFAULT_KDF_COST);
    expect(w.kdf.N).toBe(2 ** 17);
    expect(unwrapDataKey(w, secret)).toEqual(dataKey);
  });

  it('does not unwrap with another secret', () => {
    const w = wrapDataKey(Buffer.alloc(32, 9), secret, cheap);
    expect(unwrapDataKey(w, Buffer.from('wrong'))).toBeNull();
  });

  it('refuses altered parameters, ciphertext or tag (they are bound into the GCM tag)', () => {
    const w = wrapDataKey(Buffer.alloc(32, 1), secret, cheap);
    expect(unwrapDataKey({ ...w, kdf: { ...w.kdf, r: 7 } }, secret)).toBeNull();
    const flipped = Buffer.from(w.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(unwrapDataKey({ ...w, ciphertext: flipped.toString('base64') }, secret)).toBeNull();
    expect(parseWrappedDataKey(JSON.stringify(w))).toEqual(w);
    expect(parseWrappedDataKey('{"format":"other"}')).toBeNull();
    expect(parseWrappedDataKey('not json')).toBeNull();
  });
});

describe('encrypted SQLite file', () => {
  it('keeps the donor out of the file, its WAL and the wrapped key, and reads it back with the key', async () => {
    const db = join(dir, 'a.db');
    const conn = openConnection(db, { secret, kdfCost: cheap });
    expect(conn.keys.databaseEncrypted).toBe(true);
    await writeDonor(conn);
    // While open, the rows sit in the WAL: it must be ciphertext too.
    for (const f of [db, `${db}-wal`, wrappedKeyPath(db)]) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(DONOR)), f).toBe(false);
      expect(bytes.includes(Buffer.from('990140000126')), f).toBe(false);
    }
    expect(readFileSync(`${db}-wal`).length).toBeGreaterThan(0);
    await conn.close();
    expect(readFileSync(db).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const again = openConnection(db, { secret });
    const rows = await sql<{ name: string }>`SELECT name FROM donor`.execute(again.db);
    expect(rows.rows).toEqual([{ name: DONOR }]);
    await again.close();
  });

  it('keeps temporary tables, spilled sorts and statement journals in memory: sqlite3mc leaves temporary files in the clear', async () => {
    // SQLite's temporary files (named etilqs_…) are unlinked at once but stay open while used:
    // this process's open files show them. A plain store, for contrast, shows that the check sees one.
    const temporaryFiles = (): string[] =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((target) => target.includes('etilqs_'));
    const spill = async (conn: StoreConnection): Promise<string[]> => {
      await sql`CREATE TEMP TABLE donor_scratch (name TEXT)`.execute(conn.db);
      // A tiny cache, so that the table and the sort below must leave it.
      await sql`PRAGMA temp.cache_size = 5`.execute(conn.db);
      await sql`PRAGMA cache_size = 5`.execute(conn.db);
      await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
        INSERT INTO donor_scratch SELECT ${DONOR} || ' ' || i FROM n`.execute(conn.db);
      const rows = await sql<{ name: string }>`SELECT name FROM donor_scratch ORDER BY name DESC`.execute(
        conn.db,
      );
      expect(rows.rows).toHaveLength(20000);
      const open = temporaryFiles();
      await sql`DROP TABLE donor_scratch`.execute(conn.db);
      return open;
    };
    const plain = openConnection(join(dir, 'temp-plain.db'), {});
    expect(plain.keys.databaseEncrypted).toBe(false);
    expect((await spill(plain)).length).toBeGreaterThan(0);
    await plain.close();
    const encrypted = openConnection(join(dir, 'temp-encrypted.db'), { secret, kdfCost: cheap });
    expect(encrypted.keys.databaseEncrypted).toBe(true);
    expect(await spill(encrypted)).toEqual([]);
    await encrypted.close();
  });

  it('a missing key is DB_KEY_REQUIRED and a wrong one DB_KEY_INVALID; neither changes a byte nor names the content', async () => {
    const db = join(dir, 'b.db');
    const conn = openConnection(db, { secret, kdfCost: cheap });
    await writeDonor(conn);
    await conn.close();
    const before = fingerprint(db);
    const missing = keyError(() => openConnection(db, {}));
    expect(missing.code).toBe('DB_KEY_REQUIRED');
    const wrong = keyError(() => openConnection(db, { secret: Buffer.from('guess') }));
    expect(wrong.code).toBe('DB_KEY_INVALID');
    for (const e of [missing, wrong]) {
      expect(e.message).not.toContain(DONOR);
      expect(e.message).not.toContain('guess');
      expect(e.message).toContain(db);
    }
    expect(fingerprint(db)).toEqual(before);
  });

  it('a wrapped key file that does not match the database is DB_KEY_INVALID, and its absence too', async () => {
    const db = join(dir, 'c.db');
    await openConnection(db, { secret, kdfCost: cheap }).close();
    const other = join(dir, 'd.db');
    await openConnection(other, { secret, kdfCost: cheap }).close();
    const own = readFileSync(wrappedKeyPath(db));
    writeFileSync(wrappedKeyPath(db), readFileSync(wrappedKeyPath(other)));
    expect(keyError(() => openConnection(db, { secret })).code).toBe('DB_KEY_INVALID');
    rmSync(wrappedKeyPath(db));
    expect(keyError(() => openConnection(db, { secret })).code).toBe('DB_KEY_INVALID');
    writeFileSync(wrappedKeyPath(db), own);
    await openConnection(db, { secret }).close();
  });

  it('a plain file stays plain and opens with or without a key; encrypt on a new file needs one', async () => {
    const db = join(dir, 'plain.db');
    const conn = openConnection(db);
    expect(conn.keys.databaseEncrypted).toBe(false);
    expect(conn.keys.fileKey()).toBeNull();
    await migrateToLatest(conn.db);
    await conn.close();
    expect(readFileSync(db).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const keyed = openConnection(db, { secret });
    expect(keyed.keys.databaseEncrypted).toBe(false);
    await keyed.close();
    expect(keyError(() => openConnection(join(dir, 'new.db'), { encrypt: true })).code).toBe(
      'DB_KEY_REQUIRED',
    );
    expect(existsSync(join(dir, 'new.db'))).toBe(false);
  });

  it('derives a file key from the data key, and drops it on close', async () => {
    const conn = openConnection(join(dir, 'e.db'), { secret, kdfCost: cheap });
    const key = conn.keys.fileKey();
    expect(key?.length).toBe(32);
    await conn.close();
    expect(conn.keys.fileKey()).toBeNull();
  });
});

describe('resolveDbSecret', () => {
  it('takes --key-file, then CIVIC_DB_KEY_FILE, then CIVIC_DB_KEY; a key file loses one trailing newline', () => {
    const f = join(dir, 'key.txt');
    writeFileSync(f, 'from-file\n');
    expect(resolveDbSecret({ CIVIC_DB_KEY: 'pass' }, f)?.toString()).toBe('from-file');
    expect(resolveDbSecret({ CIVIC_DB_KEY: 'pass', CIVIC_DB_KEY_FILE: f })?.toString()).toBe('from-file');
    expect(resolveDbSecret({ CIVIC_DB_KEY: 'pass' })?.toString()).toBe('pass');
    expect(resolveDbSecret({})).toBeNull();
    const e = keyError(() => resolveDbSecret({}, join(dir, 'absent.key')));
    expect(e.code).toBe('DB_KEY_REQUIRED');
    expect(e.field).toBe('key-file');
  });
});
