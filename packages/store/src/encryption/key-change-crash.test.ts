import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../database.ts';
import { pendingKeyPath, wrappedKeyPath } from './key-sidecar.ts';
import { StoreKeyError } from './store-key-error.ts';

// `civic key change` killed at each marked point (issue 15): a child process changes the key of a
// real encrypted SQLite file and is SIGKILLed right after a step; then the database must open with
// the old key or the new one, never neither, and with the new one exactly when the change's entry
// committed. Real parts: sqlite3mc files on disk, a killed process.
const dir = mkdtempSync(join(tmpdir(), 'civic-key-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = new URL('./key-change-crash.child.ts', import.meta.url).pathname;
const OLD = 'the old passphrase';
const NEW = 'the new passphrase';

async function encryptedDb(name: string): Promise<string> {
  const db = join(dir, name);
  const conn = openConnection(db, { secret: Buffer.from(OLD), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
  await sql`CREATE TABLE entry (what TEXT)`.execute(conn.db);
  await conn.close();
  return db;
}

function run(db: string, step: string): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const p = execFile(process.execPath, ['--import', 'tsx', child, db, OLD, NEW, step], () => undefined);
    p.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Which key opens `db` (each tried; the first open settles a half-done change), and the entries. */
async function opensWith(db: string): Promise<{ keys: string[]; entries: number }> {
  const keys: string[] = [];
  let entries = -1;
  for (const k of [OLD, NEW]) {
    try {
      const conn = openConnection(db, { secret: Buffer.from(k) });
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM entry`.execute(conn.db);
      entries = Number(r.rows[0]?.n);
      await conn.close();
      keys.push(k);
    } catch (e) {
      if (!(e instanceof StoreKeyError) || e.code !== 'DB_KEY_INVALID') throw e;
    }
  }
  return { keys, entries };
}

const sha = (f: string): string | null =>
  existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : null;

describe('civic key change, killed at each step', () => {
  const cases = [
    // Killed inside the transaction, the second slot written: nothing committed, the old key stays.
    { step: 'pending-written', killed: true, key: OLD, entries: 0 },
    // Committed, the second slot not yet renamed: the next open promotes it.
    { step: 'committed', killed: true, key: NEW, entries: 1 },
    { step: 'promoted', killed: true, key: NEW, entries: 1 },
    { step: 'never', killed: false, key: NEW, entries: 1 },
  ] as const;

  it('opens with the old or the new key, never neither, and with the new one exactly when its entry committed', async () => {
    const dbs = await Promise.all(cases.map((c) => encryptedDb(`${c.step}.db`)));
    const exits = await Promise.all(cases.map((c, i) => run(dbs[i] ?? '', c.step)));
    for (const [i, c] of cases.entries()) {
      const db = dbs[i] ?? '';
      expect(exits[i]?.signal ?? null, c.step).toBe(c.killed ? 'SIGKILL' : null);
      if (!c.killed) expect(exits[i]?.code).toBe(0);
      if (c.step === 'pending-written' || c.step === 'committed')
        expect(existsSync(pendingKeyPath(db)), c.step).toBe(true);
      // A wrong key changes nothing, not even a half-done change's second slot.
      const before = [db, wrappedKeyPath(db), pendingKeyPath(db)].map(sha);
      expect(() => openConnection(db, { secret: Buffer.from('a guess') })).toThrow(StoreKeyError);
      expect([db, wrappedKeyPath(db), pendingKeyPath(db)].map(sha)).toEqual(before);
      expect(await opensWith(db), c.step).toEqual({ keys: [c.key], entries: c.entries });
      expect(existsSync(pendingKeyPath(db)), c.step).toBe(false);
      // Settled: the same answer again, and a new change from there works.
      expect(await opensWith(db), c.step).toEqual({ keys: [c.key], entries: c.entries });
    }
  }, 60_000);
});
