import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawStatement, withStatementCache } from './sqlite-statement-cache.ts';

// The statement cache wraps a raw SQLite handle (PostgreSQL has no counterpart): real SQLite in memory.
describe('SQLite statement cache', () => {
  let raw: SQLite.Database;
  let db: ReturnType<typeof withStatementCache>;
  beforeAll(() => {
    raw = new SQLite(':memory:');
    raw.exec('CREATE TABLE t (a INTEGER)');
    raw.exec('INSERT INTO t VALUES (1), (2), (3)');
    db = withStatementCache(raw);
  });
  afterAll(() => db.close());

  it('hands out the same prepared statement for the same SQL, and its answers stay right', () => {
    const sql = 'SELECT a FROM t WHERE a >= ? ORDER BY a';
    const first = db.prepare(sql);
    expect(db.prepare(sql)).toBe(first);
    expect(first.all([2])).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare(sql).all([3])).toEqual([{ a: 3 }]);
    expect(db.prepare('INSERT INTO t VALUES (?)').run([4]).changes).toBe(1);
    expect(db.prepare(sql).all([4])).toEqual([{ a: 4 }]);
  });

  it('never hands out a statement that is still being iterated', () => {
    const sql = 'SELECT a FROM t ORDER BY a';
    const kept = db.prepare(sql);
    const it = kept.iterate([]);
    expect(it.next().value).toEqual({ a: 1 });
    const again = db.prepare(sql);
    expect(again).not.toBe(kept);
    it.return?.();
    expect(db.prepare(sql)).toBe(kept);
  });

  it('follows schema changes under a kept statement', () => {
    const sql = 'SELECT * FROM t WHERE a = 1';
    expect(db.prepare(sql).all([])).toEqual([{ a: 1 }]);
    raw.exec("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'");
    expect(db.prepare(sql).all([])).toEqual([{ a: 1, b: 'x' }]);
  });

  it('keeps neither long SQL nor more than its bound', () => {
    const long = `SELECT a FROM t WHERE a IN (${Array.from({ length: 2000 }, (_, i) => i).join(',')})`;
    expect(db.prepare(long)).not.toBe(db.prepare(long));
    const firstSql = 'SELECT 0 AS n';
    const first = db.prepare(firstSql);
    for (let i = 1; i <= 600; i++) db.prepare(`SELECT ${i} AS n`);
    expect(db.prepare(firstSql)).not.toBe(first);
    expect(db.prepare('SELECT 600 AS n')).toBe(db.prepare('SELECT 600 AS n'));
  });

  it('keeps raw statements (arrays, bigint) apart from the object ones, reused and never handed out busy', () => {
    const sql = 'SELECT a FROM t WHERE a <= ? ORDER BY a';
    const kept = rawStatement(raw, sql);
    expect(rawStatement(raw, sql)).toBe(kept);
    expect(kept.all(2)).toEqual([[1n], [2n]]);
    // The same SQL through the object cache still answers objects with numbers.
    expect(db.prepare(sql).all([1])).toEqual([{ a: 1 }]);
    expect(rawStatement(raw, sql).all(1)).toEqual([[1n]]);
    const it = kept.iterate(3);
    expect(it.next().value).toEqual([1n]);
    const again = rawStatement(raw, sql);
    expect(again).not.toBe(kept);
    expect(again.all(1)).toEqual([[1n]]);
    it.return?.();
    expect(rawStatement(raw, sql)).toBe(kept);
  });
});
