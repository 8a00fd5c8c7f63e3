import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_CACHE_KIB, openConnection, type StoreConnection } from '../database.ts';
import { streamJournalEntries } from '../ledger-journal.repository.ts';
import { migrateToLatest } from '../migrate.ts';
import { BULK_READ_CACHE_KIB, raiseBulkReadCache } from '../raw-sqlite.ts';
import { encryptSqliteFile } from '../snapshot.ts';
import { changeSqliteKey } from './change-key.ts';
import { encryptInPlace } from './encrypt-in-place.ts';
import { readWrappedKey, writeWrappedKey } from './key-sidecar.ts';
import { ENCRYPTED_PAGE_SIZE, isPlainSqliteFile, selectPageCipher } from './open-sqlite.ts';
import { StoreKeyError } from './store-key-error.ts';
import { generateDataKey, wrapDataKey } from './wrapped-key.ts';

// Real parts: SQLite files on disk through sqlite3mc (AEGIS-256). New encrypted databases are
// written in 16 KiB pages (docs/security.md, "Page size and page cache"); files encrypted before,
// in 4 KiB pages, keep opening, changing and changing key as they are.
const dir = mkdtempSync(join(tmpdir(), 'civic-page-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const secret = Buffer.from('correct horse battery staple');
const DONOR = 'Фонд Открытых Горизонтов';
const BIN = '990140000126';
const ACCOUNT = 'KZ86125KZT5004100100';
const AMOUNT = '9876543210';

/** The page size in the header (bytes 16–17, left unencrypted by sqlite3mc; 1 means 65,536). */
function headerPageSize(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(18);
    readSync(fd, head, 0, 18, 0);
    const size = head.readUInt16BE(16);
    return size === 1 ? 65536 : size;
  } finally {
    closeSync(fd);
  }
}

/** A plain file with donors in it (enough rows to fill several pages). */
function plainDonors(file: string): void {
  const db = new SQLite(file);
  db.exec('CREATE TABLE donor (name TEXT, bin TEXT, account TEXT, amount TEXT, n INTEGER)');
  const insert = db.prepare('INSERT INTO donor VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let n = 0; n < 400; n++) insert.run(DONOR, BIN, ACCOUNT, AMOUNT, n);
  })();
  db.close();
}

async function donorCount(file: string, key: Buffer | null): Promise<number> {
  const conn = openConnection(file, { secret: key });
  try {
    const r = await sql<{
      n: number | bigint;
    }>`SELECT count(*) AS n FROM donor WHERE name = ${DONOR}`.execute(conn.db);
    return Number(r.rows[0]?.n ?? -1);
  } finally {
    await conn.close();
  }
}

/** No byte of a donor's name, BIN, account or amount in the file or its WAL. */
function expectNoDonorBytes(file: string): void {
  for (const f of [file, `${file}-wal`])
    for (const s of [DONOR, BIN, ACCOUNT, AMOUNT]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(s)), `${s} in ${f}`).toBe(false);
    }
}

describe('the page size of an encrypted database', () => {
  it('a new encrypted database has 16 KiB pages and a small page cache; a new plain one keeps 4 KiB and mmap', async () => {
    const enc = join(dir, 'new.db');
    const conn = openConnection(enc, { secret, kdfCost: cheap });
    await sql`CREATE TABLE donor (name TEXT, bin TEXT, account TEXT, amount TEXT, n INTEGER)`.execute(
      conn.db,
    );
    for (let n = 0; n < 200; n++)
      await sql`INSERT INTO donor VALUES (${DONOR}, ${BIN}, ${ACCOUNT}, ${AMOUNT}, ${n})`.execute(conn.db);
    const pragma = async (name: string): Promise<number> =>
      Number(Object.values((await sql.raw(`PRAGMA ${name}`).execute(conn.db)).rows[0] ?? {})[0]);
    expect(await pragma('page_size')).toBe(ENCRYPTED_PAGE_SIZE);
    expect(await pragma('cache_size')).toBe(-ENCRYPTED_CACHE_KIB);
    // While open, the rows sit in the WAL: ciphertext too, in the new layout.
    expectNoDonorBytes(enc);
    await conn.close();
    expect(headerPageSize(enc)).toBe(16384);
    expectNoDonorBytes(enc);
    expect(await donorCount(enc, secret)).toBe(200);

    const plain = join(dir, 'new-plain.db');
    const p = openConnection(plain);
    await sql`CREATE TABLE t (x)`.execute(p.db);
    expect(Number(Object.values((await sql.raw('PRAGMA cache_size').execute(p.db)).rows[0] ?? {})[0])).toBe(
      -65536,
    );
    await p.close();
    expect(headerPageSize(plain)).toBe(4096);
  });

  it('`civic encrypt` writes 16 KiB pages with the same rows and no donor byte', async () => {
    const db = join(dir, 'convert.db');
    plainDonors(db);
    expect(headerPageSize(db)).toBe(4096);
    const r = encryptInPlace(db, secret, cheap);
    expect(r).toMatchObject({ ok: true, rows: 400 });
    expect(headerPageSize(db)).toBe(16384);
    expect(isPlainSqliteFile(db)).toBe(false);
    expectNoDonorBytes(db);
    expect(await donorCount(db, secret)).toBe(400);
  });

  it('a plain copy encrypted on restore (`backup restore --encrypt`) gets 16 KiB pages', async () => {
    const db = join(dir, 'restored.db');
    plainDonors(db);
    encryptSqliteFile(db, secret, cheap);
    expect(headerPageSize(db)).toBe(16384);
    expectNoDonorBytes(db);
    expect(await donorCount(db, secret)).toBe(400);
  });

  it('an encrypted database in 4 KiB pages (made before) opens, reads, changes and changes its key, still 4 KiB', async () => {
    const db = join(dir, 'old-4k.db');
    plainDonors(db);
    const dataKey = generateDataKey();
    const old = new SQLite(db);
    selectPageCipher(old, 'aegis');
    old.pragma(`rekey = "x'${dataKey.toString('hex')}'"`);
    old.close();
    writeWrappedKey(db, wrapDataKey(dataKey, secret, cheap, 'aegis'));
    expect(headerPageSize(db)).toBe(4096);
    expectNoDonorBytes(db);

    const conn = openConnection(db, { secret });
    await sql`INSERT INTO donor VALUES (${DONOR}, ${BIN}, ${ACCOUNT}, ${AMOUNT}, 400)`.execute(conn.db);
    expectNoDonorBytes(db);
    await conn.close();
    expect(await donorCount(db, secret)).toBe(401);

    const next = Buffer.from('a new passphrase');
    await changeSqliteKey(db, secret, next, { cost: cheap });
    const w = readWrappedKey(db);
    expect(w.kind === 'present' ? w.key.pageCipher : undefined).toBe('aegis');
    expect(await donorCount(db, next)).toBe(401);
    expect(() => openConnection(db, { secret })).toThrow(StoreKeyError);
    expect(headerPageSize(db)).toBe(4096);
    expectNoDonorBytes(db);
  });

  it('a long read (the journal) raises the page cache of an encrypted connection while it runs; a plain one keeps its own', async () => {
    const cacheOf = async (c: StoreConnection): Promise<number> =>
      Number(Object.values((await sql.raw('PRAGMA cache_size').execute(c.db)).rows[0] ?? {})[0]);
    const enc = openConnection(join(dir, 'journal.db'), { secret, kdfCost: cheap });
    const plain = openConnection(join(dir, 'journal-plain.db'));
    try {
      await migrateToLatest(enc.db);
      const restore = raiseBulkReadCache(enc.db);
      expect(await cacheOf(enc)).toBe(-BULK_READ_CACHE_KIB);
      restore();
      expect(await cacheOf(enc)).toBe(-ENCRYPTED_CACHE_KIB);
      const keep = raiseBulkReadCache(plain.db);
      expect(await cacheOf(plain)).toBe(-65536);
      keep();
      expect(await cacheOf(plain)).toBe(-65536);
      // The journal's stream puts the small cache back when it ends.
      const entries = [];
      for await (const e of streamJournalEntries(enc.db, 'no-such-org')) entries.push(e);
      expect(entries).toEqual([]);
      expect(await cacheOf(enc)).toBe(-ENCRYPTED_CACHE_KIB);
    } finally {
      await enc.close();
      await plain.close();
    }
  });
});
