import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from './database.ts';
import { writeWrappedKey } from './encryption/key-sidecar.ts';
import { openKeyed } from './encryption/open-sqlite.ts';
import { generateDataKey, wrapDataKey } from './encryption/wrapped-key.ts';
import { rekeyRestoredSnapshot, snapshotSqliteToFile } from './sqlite-snapshot-file.ts';

// A SQLite snapshot on disk for a streamed backup (issue 15). Real parts: sqlite3mc files on disk,
// an AEGIS store, a ChaCha20 store made the way the project made them before, and a plain one.
const dir = mkdtempSync(join(tmpdir(), 'civic-snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const secret = Buffer.from('correct horse battery staple');
const DONOR = 'Фонд Открытых Горизонтов';
// What a backup's manifest reads from the copy: the last migration and the log heads.
const FACT_TABLES =
  'CREATE TABLE kysely_migration (name TEXT); CREATE TABLE log_entry (organisation TEXT, seq INTEGER, entry_hash TEXT);';
const isPlain = (f: string): boolean =>
  readFileSync(f).subarray(0, 15).toString('latin1') === 'SQLite format 3';

function oldChacha(file: string): void {
  const db = new SQLite(file);
  db.exec(`CREATE TABLE donor (name TEXT); ${FACT_TABLES}`);
  db.prepare('INSERT INTO donor VALUES (?)').run(DONOR);
  const key = generateDataKey();
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  db.close();
  writeWrappedKey(file, wrapDataKey(key, secret, cheap));
}

async function aegisStore(file: string): Promise<void> {
  const conn = openConnection(file, { secret, kdfCost: cheap });
  await sql`CREATE TABLE donor (name TEXT)`.execute(conn.db);
  for (const t of FACT_TABLES.split(';').filter((x) => x.trim())) await sql.raw(t).execute(conn.db);
  await sql`INSERT INTO donor VALUES (${DONOR})`.execute(conn.db);
  await conn.close();
}

describe('snapshotSqliteToFile', () => {
  for (const [kind, make] of [
    ['AEGIS', aegisStore],
    ['ChaCha20 (made before)', oldChacha],
  ] as const) {
    it(`copies a ${kind} store under a throwaway AEGIS key, never plain, in a 0700 folder removed after`, async () => {
      const file = join(dir, `${kind.slice(0, 5)}.db`);
      await make(file);
      const conn = openConnection(file, { secret });
      const snap = snapshotSqliteToFile(conn.db, conn.keys, join(dir, 'out.age'));
      await conn.close();
      expect(dirname(dirname(snap.file))).toBe(dir);
      expect(statSync(dirname(snap.file)).mode & 0o777).toBe(0o700);
      expect(isPlain(snap.file)).toBe(false);
      expect(readFileSync(snap.file).includes(Buffer.from(DONOR))).toBe(false);
      expect(snap.key?.cipher).toBe('aegis');
      const copy = openKeyed(snap.file, Buffer.from(snap.key?.key ?? '', 'hex'), 'aegis');
      expect(copy.prepare('SELECT name FROM donor').pluck().all()).toEqual([DONOR]);
      copy.close();
      // The store itself still opens with its own key, untouched.
      const again = openConnection(file, { secret });
      await again.close();
      // Restored: under a new key, or plain as asked.
      const restored = join(dir, `${kind.slice(0, 5)}-restored.db`);
      rmSync(restored, { force: true });
      copyFileSync(snap.file, restored);
      rekeyRestoredSnapshot(restored, snap.key ?? { cipher: 'aegis', key: '' }, secret);
      expect(isPlain(restored)).toBe(false);
      const r = openConnection(restored, { secret });
      expect((await sql<{ name: string }>`SELECT name FROM donor`.execute(r.db)).rows).toEqual([
        { name: DONOR },
      ]);
      await r.close();
      snap.remove();
      expect(existsSync(dirname(snap.file))).toBe(false);
    });
  }

  it('copies a plain store as it is (plain), and its facts are read from the copy', async () => {
    const file = join(dir, 'plain.db');
    const conn = openConnection(file);
    await sql`CREATE TABLE donor (name TEXT)`.execute(conn.db);
    await sql`CREATE TABLE kysely_migration (name TEXT)`.execute(conn.db);
    await sql`INSERT INTO kysely_migration VALUES ('2026-01-01-001-first')`.execute(conn.db);
    await sql`CREATE TABLE log_entry (organisation TEXT, seq INTEGER, entry_hash TEXT)`.execute(conn.db);
    await sql`INSERT INTO log_entry VALUES ('org_a', 1, 'aa'), ('org_a', 2, 'bb')`.execute(conn.db);
    const snap = snapshotSqliteToFile(conn.db, conn.keys, join(dir, 'out.age'));
    await conn.close();
    expect(snap.key).toBeNull();
    expect(isPlain(snap.file)).toBe(true);
    expect(snap.facts).toEqual({
      schemaVersion: '2026-01-01-001-first',
      logHeads: [{ organisation: 'org_a', seq: 2, entryHash: 'bb' }],
    });
    snap.remove();
  });
});
