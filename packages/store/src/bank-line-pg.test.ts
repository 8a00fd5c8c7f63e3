import { calendarDate, currency, type StatementLine } from '@civic/core';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimBankLinesPg, insertBankLinesPg, type PgBankLines, type PgLineWrite } from './bank-line-pg.ts';
import type { Database } from './schema.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

// PostgreSQL takes a streamed import's bank lines by COPY (straight in for an organisation without
// lines, else into a stage) or by `unnest` arrays (bank-line-pg.ts): all must store the same rows,
// byte for byte, and say the same lines were new,
// whatever the texts hold (COPY's own escapes: backslash, tab, newline, carriage return, `\N`,
// `\.`), with some fingerprints already stored. The two ways write into two organisations of one
// database, each inside its own transaction, as an import does. PostgreSQL only: SQLite has no
// such writer (its lines go through the bank-line sink).

const awkward = fc.constantFrom('\\', '\t', '\n', '\r', '\\N', '\\.', '"', "'", ',', 'ё', '€', ' ', '');
const text = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(awkward, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((p) => p.join('')),
);
const line = fc.record({
  print: fc.integer({ min: 0, max: 80 }),
  amount: fc.bigInt({ min: 1n, max: 10n ** 17n }),
  out: fc.boolean(),
  documentNumber: text,
  purpose: text,
  name: text,
  taxId: text,
  reference: text,
  extras: fc.option(
    fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(awkward, fc.string({ maxLength: 4 }))),
  ),
});
type Line = typeof line extends fc.Arbitrary<infer L> ? L : never;

function statementLine(l: Line, i: number): StatementLine {
  return {
    sourceLine: i + 1,
    account: 'KZ00',
    direction: l.out ? 'out' : 'in',
    amount: l.amount,
    currency: currency('KZT'),
    bookedOn: calendarDate('2021-03-02'),
    documentDate: i % 3 === 0 ? null : calendarDate('2021-03-01'),
    documentNumber: l.documentNumber,
    counterparty: {
      name: l.name,
      taxId: l.taxId,
      account: null,
      bankCode: null,
      sectorCode: i % 2 === 0 ? null : '16',
      country: null,
    },
    purpose: l.purpose,
    purposeCode: null,
    bankReference: l.reference,
    raw: {},
    ...(l.extras === null ? {} : { extras: l.extras }),
  };
}

const batchOf = (org: string, lines: readonly Line[]): PgBankLines => ({
  organisationId: org,
  batchId: `imp-${org}`,
  lines: lines.map(statementLine),
  fingerprints: lines.map((l) => `fp-${String(l.print)}`),
  accountIds: lines.map((_, i) => `acc-${String(i % 2)}`),
});

async function stored(db: Kysely<Database>, org: string): Promise<unknown[]> {
  const r = await sql<
    Record<string, unknown>
  >`select * from bank_line where organisation_id = ${org} order by fingerprint`.execute(db);
  return r.rows.map(({ organisation_id: _o, batch_id: _b, ...rest }) => rest);
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`bank lines by COPY and by unnest on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let run = 0;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    /** The lines written one way into a fresh organisation holding `before` already. */
    async function write(how: PgLineWrite, before: readonly Line[], lines: readonly Line[]) {
      const org = `org-${how}-${String(++run)}`;
      return inTransaction(store, async (tx) => {
        if (before.length > 0) await insertBankLinesPg(tx.db, batchOf(org, before), undefined, 'unnest');
        const inserted = await insertBankLinesPg(tx.db, batchOf(org, lines), undefined, how);
        return { inserted: [...inserted], rows: await stored(tx.db, org) };
      });
    }

    it('stores the same rows and finds the same lines new, for any texts', async () => {
      const unique = (max: number) => fc.uniqueArray(line, { maxLength: max, selector: (l) => l.print });
      await fc.assert(
        fc.asyncProperty(unique(10), unique(40), async (before, lines) => {
          const copied = await write('copy', before, lines);
          expect(copied).toEqual(await write('unnest', before, lines));
          expect(copied.rows).toHaveLength(new Set([...before, ...lines].map((l) => l.print)).size);
        }),
        { numRuns: 40 },
      );
    });

    it('an organisation without lines: claimed, copied straight in, the same rows, every line new', async () => {
      const unique = fc.uniqueArray(line, { minLength: 1, maxLength: 40, selector: (l) => l.print });
      await fc.assert(
        fc.asyncProperty(unique, async (lines) => {
          const org = `org-fresh-${String(++run)}`;
          const fresh = await inTransaction(store, async (tx) => {
            expect(await claimBankLinesPg(tx.db, org)).toBe(false);
            const inserted = await insertBankLinesPg(tx.db, batchOf(org, lines), undefined, 'fresh');
            expect(await claimBankLinesPg(tx.db, org)).toBe(true);
            return { inserted: [...inserted], rows: await stored(tx.db, org) };
          });
          expect(fresh).toEqual(await write('unnest', [], lines));
        }),
        { numRuns: 30 },
      );
    });

    it('a whole-file write holds the lock: a streamed import claiming meanwhile waits, then sees its lines', async () => {
      const org = `org-race-${String(++run)}`;
      const lines: Line[] = [1, 2, 3].map((print) => ({
        print,
        amount: 7n,
        out: false,
        documentNumber: null,
        purpose: null,
        name: null,
        taxId: null,
        reference: null,
        extras: null,
      }));
      let release = (): void => undefined;
      const held = new Promise<void>((r) => (release = r));
      let written = (): void => undefined;
      const wrote = new Promise<void>((r) => (written = r));
      const whole = inTransaction(store, async (tx) => {
        await insertBankLinesPg(tx.db, batchOf(org, lines), undefined, 'unnest');
        written();
        await held; // uncommitted lines, the lock held
      });
      await wrote;
      const order: string[] = [];
      const streamed = inTransaction(store, async (tx) => {
        const had = await claimBankLinesPg(tx.db, org);
        order.push('claimed');
        // Had the claim not waited, it would say "no lines" and COPY straight into the key.
        const inserted = await insertBankLinesPg(
          tx.db,
          batchOf(org, lines),
          undefined,
          had ? 'copy' : 'fresh',
        );
        return { had, inserted: [...inserted] };
      });
      await new Promise((r) => setTimeout(r, 200));
      order.push('committed');
      release();
      await whole;
      expect(await streamed).toEqual({ had: true, inserted: [0, 0, 0] });
      expect(order).toEqual(['committed', 'claimed']);
    });

    it('a value COPY refuses fails the write and the transaction rolls back; the connection goes on', async () => {
      const org = `org-bad-${String(++run)}`;
      const plain: Line = {
        print: 1,
        amount: 5n,
        out: true,
        documentNumber: 'n',
        purpose: 'p',
        name: null,
        taxId: null,
        reference: null,
        extras: null,
      };
      const good = batchOf(org, [plain]);
      // A source line that is no number: the server refuses it as a bigint.
      const refused = { ...good, lines: good.lines.map((l) => ({ ...l, sourceLine: Number.NaN })) };
      for (const how of ['fresh', 'copy'] as const)
        await expect(
          inTransaction(store, (tx) => insertBankLinesPg(tx.db, refused, undefined, how)),
        ).rejects.toThrow(/bigint/);
      expect(await stored(store.db, org)).toEqual([]);
      const after = await inTransaction(store, (tx) => insertBankLinesPg(tx.db, good, undefined, 'fresh'));
      expect([...after]).toEqual([1]);
    });

    it('crosses statements of a few thousand lines: the stage is emptied after each', async () => {
      const lines = Array.from({ length: 12_001 }, (_, i) => ({
        print: i,
        amount: BigInt(i + 1),
        out: i % 2 === 0,
        documentNumber: String(i),
        purpose: `p\t${String(i)}\\`,
        name: null,
        taxId: null,
        reference: null,
        extras: null,
      }));
      const copied = await write('copy', lines.slice(0, 7), lines);
      expect(copied.inserted.filter((n) => n === 1)).toHaveLength(12_001 - 7);
      expect(copied).toEqual(await write('unnest', lines.slice(0, 7), lines));
      expect(await write('fresh', [], lines)).toEqual(await write('unnest', [], lines));
    });
  });
}
