import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, bulkInsertWith } from './bulk-insert.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

// The bulk path on both dialects: on PostgreSQL without a tail the rows go by COPY (text format),
// with a tail by a VALUES list. Either way what is read back is what was given, whatever the text.
type Row = readonly [string, string | null, bigint, number, string | null];

const COLUMNS = ['k', 'body', 'amount', 'n', 'note'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a COPY row could break on: its separators, its escape, its NULL marker, and the rest. */
const awkward = fc.oneof(
  fc.string({ unit: fc.constantFrom('\t', '\n', '\r', '\\', 'N', '.', ' ', 'а', 'қ', '€', '😀', '"', "'") }),
  fc.constantFrom('\\N', '\\.', '\\\\N', 'NULL', '', ' '),
  // Any text PostgreSQL stores (not NUL) that is well formed UTF-16.
  fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000') && !LONE_SURROGATE.test(s)),
);

const rowsArb = fc
  .array(
    fc.tuple(
      fc.option(awkward, { nil: null }),
      fc.bigInt({ min: -(2n ** 53n - 1n), max: 2n ** 53n - 1n }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.option(fc.string(), { nil: null }),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((xs) =>
    xs.map(([body, amount, n, note], i): Row => [`k${String(i).padStart(6, '0')}`, body, amount, n, note]),
  );

for (const dialect of testDialects()) {
  describe(`bulk insert (${dialect})`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await sql`create table bulk_probe (k text primary key, body text, amount bigint not null, n integer not null, note text)`.execute(
        store.db,
      );
    });
    afterAll(async () => {
      await store.close();
    });

    const readBack = async (): Promise<Row[]> => {
      const r = await sql<{
        k: string;
        body: string | null;
        amount: string | number | bigint;
        n: number;
        note: string | null;
      }>`select k, body, amount, n, note from bulk_probe order by k`.execute(store.db);
      return r.rows.map((x) => [x.k, x.body, BigInt(x.amount), Number(x.n), x.note] as const);
    };

    it('reads back every row as given, with or without a tail, across chunks', async () => {
      await fc.assert(
        fc.asyncProperty(rowsArb, fc.boolean(), async (rows, withTail) => {
          await sql`delete from bulk_probe`.execute(store.db);
          const back = await inTransaction(store, (tx) =>
            bulkInsert<{ k: string }>(tx.db, 'bulk_probe', COLUMNS, rows, {
              ...(withTail ? { tail: 'on conflict (k) do nothing returning k' } : {}),
            }),
          );
          expect(await readBack()).toEqual(rows);
          if (withTail) expect(back.map((r) => r.k)).toEqual(rows.map((r) => r[0]));
        }),
        { numRuns: 25 },
      );
    });

    it('writes more rows than one COPY or one VALUES list takes, and reports each chunk', async () => {
      await sql`delete from bulk_probe`.execute(store.db);
      const rows: Row[] = Array.from({ length: 45_001 }, (_, i) => [
        `k${String(i).padStart(6, '0')}`,
        i % 7 === 0 ? null : `line ${String(i)}\twith a tab\\`,
        BigInt(i) * 1_000_000_007n,
        i,
        null,
      ]);
      const seen: number[] = [];
      await inTransaction(store, (tx) =>
        bulkInsertWith(tx.db, 'bulk_probe', COLUMNS, rows, (r, p) => p.push(...r), {
          onChunk: (done, total) => {
            expect(total).toBe(rows.length);
            seen.push(done);
          },
        }),
      );
      expect(await readBack()).toEqual(rows);
      expect(seen.at(-1)).toBe(rows.length);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    });

    it('rolls back with its transaction, and names the table of a value it cannot write', async () => {
      await sql`delete from bulk_probe`.execute(store.db);
      await expect(
        inTransaction(store, async (tx) => {
          await bulkInsert(tx.db, 'bulk_probe', COLUMNS, [['a', 'x', 1n, 1, null]]);
          await bulkInsert(tx.db, 'bulk_probe', COLUMNS, [['b', { not: 'text' }, 1n, 1, null]]);
        }),
      ).rejects.toThrow(dialect === 'postgres' ? /bulk_probe/ : /./);
      expect(await readBack()).toEqual([]);
    });
  });
}
