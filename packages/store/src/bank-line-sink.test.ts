import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate, currency, type StatementLine } from '@civic/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_CACHE_MIB, openBankLineSink } from './bank-line-sink.ts';
import { openConnection } from './database.ts';
import { insertImportBatch } from './import-batch.repository.ts';
import { migrateToLatest } from './migrate.ts';
import { insertOrganisation } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

const line = (i: number, account: string): StatementLine => ({
  sourceLine: i,
  account,
  direction: 'in',
  amount: BigInt(1000 + i),
  currency: currency('KZT'),
  bookedOn: calendarDate('2021-03-02'),
  documentDate: null,
  documentNumber: String(i),
  purpose: 'Оплата',
  purposeCode: null,
  bankReference: null,
  raw: {},
  counterparty: { name: null, taxId: null, account: null, bankCode: null, sectorCode: null, country: null },
});

// The sink of a streamed import (SQLite: prepared inserts on the transaction's connection; none on
// PostgreSQL). Its page cache counts in the importing process's RSS (issue 14, < 500 MB at 1M lines).
for (const dialect of testDialects()) {
  describe(`the bank-line sink on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await insertOrganisation(store.db, { id: 'org-sink', name: 'Sink', createdAt: '2026-01-01T00:00:00Z' });
    });
    afterAll(async () => store.close());

    const cacheSize = async (db: typeof store.db): Promise<number> => {
      const r = await sql<{ cache_size: number | bigint }>`pragma cache_size`.execute(db);
      return Number(r.rows[0]?.cache_size);
    };

    it('bounds the page cache while lines are written, then gives the connection its own back; lines alternate accounts', async () => {
      const options = {
        organisationId: 'org-sink',
        batchId: 'imp-sink',
        createdAt: '2026-01-01T00:00:00Z',
        newAccountId: (
          (n) => () =>
            `acc-${String(++n)}`
        )(0),
      };
      await inTransaction(store, async (tx) => {
        const sink = openBankLineSink(tx.db, options);
        if (dialect === 'postgres') return expect(sink).toBeUndefined();
        await insertImportBatch(tx.db, {
          id: 'imp-sink',
          organisationId: 'org-sink',
          kind: 'bank',
          fileName: 'x.txt',
          format: '1c',
          sha256: '',
          encoding: 'utf-8',
          read: 0,
          imported: 0,
          duplicates: 0,
          candidates: 0,
          importedAt: '2026-01-01T00:00:00Z',
        });
        const before = -65536;
        await sql`pragma cache_size = -65536`.execute(tx.db);
        const s = openBankLineSink(tx.db, options);
        if (!s) throw new Error('a sink on SQLite');
        expect(await cacheSize(tx.db)).toBe(-IMPORT_CACHE_MIB * 1024);
        // A, A, B, A, B, B: each line goes to its own account, the same line twice is not new.
        const accounts = ['KZ01', 'KZ01', 'KZ02', 'KZ01', 'KZ02', 'KZ02'];
        const got = accounts.map((a, i) => s.add(line(i, a), `fp-${String(i)}`));
        s.finish();
        s.close();
        // A second import of the same organisation: a line stored before is not new.
        const s2 = openBankLineSink(tx.db, { ...options, batchId: 'imp-sink-2' });
        const again = s2?.add(line(0, 'KZ01'), 'fp-0');
        const fresh = s2?.add(line(9, 'KZ01'), 'fp-9');
        s2?.finish();
        s2?.close();
        expect(fresh?.isNew).toBe(true);
        expect(await cacheSize(tx.db)).toBe(before);
        const [a, b] = [got[0]?.accountId, got[2]?.accountId];
        expect(a).not.toBe(b);
        expect(got.map((g) => (g.accountId === a ? 'A' : g.accountId === b ? 'B' : '?'))).toEqual([
          'A',
          'A',
          'B',
          'A',
          'B',
          'B',
        ]);
        expect(got.every((g) => g.isNew)).toBe(true);
        expect(again).toEqual({ isNew: false, accountId: a });
        const stored = await tx.db
          .selectFrom('bank_line')
          .select(['fingerprint', 'account_id'])
          .orderBy('fingerprint')
          .execute();
        expect(stored.map((r) => r.account_id === a)).toEqual([...accounts, 'KZ01'].map((x) => x === 'KZ01'));
      });
    });

    // Staged (a plain store) and direct (an encrypted one: no temporary file) give the same answers
    // line by line and store the same rows; a fingerprint given twice in one import is refused when
    // staged (the app's fingerprinter numbers repeats, so it never does), and nothing is left.
    it('writes the same lines staged and direct, and refuses a fingerprint given twice when staged', async () => {
      if (dialect === 'postgres') return;
      const run = async (org: string, stageAfter: number | null, twice: boolean, stageRun?: number) =>
        inTransaction(store, async (tx) => {
          await insertOrganisation(tx.db, { id: org, name: org, createdAt: '2026-01-01T00:00:00Z' });
          const ids = (
            (n) => () =>
              `${org}-acc-${String(++n)}`
          )(0);
          const open = (batchId: string) =>
            openBankLineSink(tx.db, {
              organisationId: org,
              batchId,
              createdAt: 'x',
              newAccountId: ids,
              staged: stageAfter !== null,
              stageAfter: stageAfter ?? 0,
              ...(stageRun === undefined ? {} : { stageRun }),
            });
          const first = open('b1');
          const a = [0, 1, 2].map((i) => first?.add(line(i, 'KZ01'), `fp-${String(i)}`).isNew);
          first?.finish();
          first?.close();
          // An overlapping second statement: lines 1 and 2 again, then 3 (and 3 again when `twice`).
          const second = open('b2');
          let b: (boolean | undefined)[] = [];
          let refused = false;
          try {
            // Refused as a run moves (in `add`) or at `finish`.
            b = [1, 2, 3, ...(twice ? [3] : [])].map(
              (i) => second?.add(line(i, 'KZ01'), `fp-${String(i)}`).isNew,
            );
            second?.finish();
          } catch {
            refused = true;
          } finally {
            second?.close();
          }
          const rows = await tx.db
            .selectFrom('bank_line')
            .select(['fingerprint', 'batch_id', 'amount_minor'])
            .where('organisation_id', '=', org)
            .orderBy('fingerprint')
            .execute();
          return {
            a,
            b,
            refused,
            rows: rows.map((r) => [r.fingerprint, r.batch_id, Number(r.amount_minor)]),
          };
        });
      const staged = await run('org-staged', 0, false);
      const direct = await run('org-direct', null, false);
      expect(staged).toEqual(direct);
      // Switching from direct to staged inside an import (after 2 lines) changes nothing either.
      expect(await run('org-switched', 2, false)).toEqual(direct);
      expect(await run('org-switched-late', 1, false)).toEqual(direct);
      expect(staged.a).toEqual([true, true, true]);
      expect(staged.b).toEqual([false, false, true]);
      expect(staged.rows).toEqual([
        ['fp-0', 'b1', 1000],
        ['fp-1', 'b1', 1001],
        ['fp-2', 'b1', 1002],
        ['fp-3', 'b2', 1003],
      ]);
      expect((await run('org-direct-twice', null, true)).b).toEqual([false, false, true, false]);
      expect((await run('org-staged-twice', 0, true)).refused).toBe(true);
      // Staged lines moved in runs while the statement is still read (a run of 1 or 2 lines here).
      expect(await run('org-runs-1', 0, false, 1)).toEqual(direct);
      expect(await run('org-runs-2', 1, false, 2)).toEqual(direct);
      // A repeat in the run of the line it repeats is refused as that run moves; in a later run,
      // into an organisation with lines, the probe finds it stored: not new, as when direct.
      expect((await run('org-runs-twice', 0, true, 2)).refused).toBe(true);
      expect(await run('org-runs-twice-later', 0, true, 1)).toEqual(
        await run('org-direct-twice-2', null, true),
      );
    });
  });
}

// SQLite3 Multiple Ciphers does not encrypt temporary files: an encrypted store never stages its
// lines (a fingerprint given twice is simply not new there, where staging would refuse it).
describe('the bank-line sink on an encrypted SQLite store', () => {
  it('inserts directly, never through a temporary table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-sink-enc-'));
    const conn = openConnection(join(dir, 'enc.db'), {
      secret: Buffer.from('correct horse battery staple'),
      kdfCost: { N: 2 ** 10, r: 8, p: 1 },
    });
    try {
      expect(conn.keys.databaseEncrypted).toBe(true);
      await migrateToLatest(conn.db);
      await insertOrganisation(conn.db, { id: 'org-enc', name: 'Enc', createdAt: '2026-01-01T00:00:00Z' });
      const got = await inTransaction(conn, async (tx) => {
        const s = openBankLineSink(tx.db, {
          organisationId: 'org-enc',
          batchId: 'b',
          createdAt: 'x',
          newAccountId: () => 'acc-enc',
          stageAfter: 0,
        });
        const r = [s?.add(line(1, 'KZ01'), 'fp-1').isNew, s?.add(line(1, 'KZ01'), 'fp-1').isNew];
        s?.finish();
        s?.close();
        return r;
      });
      expect(got).toEqual([true, false]);
    } finally {
      await conn.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
