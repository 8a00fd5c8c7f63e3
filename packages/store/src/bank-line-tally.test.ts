import { calendarDate, currency, type StatementLine } from '@civic/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBankAccount } from './bank-account.repository.ts';
import { insertBankLines } from './bank-line.repository.ts';
import { BankLineTally, moveTalliedBankTotals } from './bank-line-tally.ts';
import { insertImportBatch } from './import-batch.repository.ts';
import { moveBalanceTotals } from './ledger-balance.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { freshStore, testDialects } from './test-support.ts';

// The streamed import's tallied balance totals (bank-line-tally.ts) against the grouped statement
// they replace (`moveBalanceTotals` by batch): the same bank lines, imported in batches into two
// organisations, one moved each way, must leave the same rows in ledger_balance_total, on both
// dialects. Batches repeat earlier lines (duplicates count nowhere) and span hundreds of days
// (more day rows than one tally statement holds).

const T = '2026-01-01T00:00:00Z';
const ACCOUNTS = ['acc-kzt', 'acc-usd', 'acc-eur'];

const day = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const line = fc.record({
  day,
  amount: fc.bigInt({ min: 1n, max: 10n ** 15n }),
  currency: fc.constantFrom('KZT', 'USD', 'EUR'),
  out: fc.boolean(),
  account: fc.constantFrom(...ACCOUNTS),
  // Fingerprints drawn from a small set: later batches repeat lines of earlier ones.
  print: fc.integer({ min: 0, max: 300 }),
});
type Line = typeof line extends fc.Arbitrary<infer L> ? L : never;

function statementLine(l: Line, i: number): StatementLine {
  return {
    sourceLine: i + 1,
    account: 'KZ00',
    direction: l.out ? 'out' : 'in',
    amount: l.amount,
    currency: currency(l.currency),
    bookedOn: calendarDate(l.day),
    documentDate: null,
    documentNumber: String(i),
    counterparty: { name: 'P', taxId: null, account: null, bankCode: null, sectorCode: null, country: null },
    purpose: 'p',
    purposeCode: null,
    bankReference: null,
    raw: {},
  };
}

/** Lines of one batch with distinct fingerprints (one import never repeats a fingerprint). */
const batch = fc.uniqueArray(line, { minLength: 1, maxLength: 250, selector: (l) => l.print });

for (const dialect of testDialects()) {
  describe(`tallied bank totals on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let run = 0;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => {
      await store.close();
    });

    async function organisation(name: string): Promise<string> {
      const org = `org-${name}${String(run)}`;
      await organisationFixture(store.db, org);
      for (const a of ACCOUNTS)
        await ensureBankAccount(store.db, {
          id: `${org}-${a}`,
          organisationId: org,
          number: `KZ${a}${org}`,
          currency: 'KZT',
          createdAt: T,
        });
      return org;
    }

    async function importBatch(org: string, n: number, lines: readonly Line[], tallied: boolean) {
      const batchId = `${org}-b${String(n)}`;
      await insertImportBatch(store.db, {
        id: batchId,
        organisationId: org,
        kind: 'bank',
        fileName: 'x.csv',
        format: 'csv',
        sha256: batchId,
        encoding: 'utf-8',
        read: 0,
        imported: 0,
        duplicates: 0,
        candidates: 0,
        importedAt: T,
      });
      const statement = lines.map(statementLine);
      const accountIds = lines.map((l) => `${org}-${l.account}`);
      const inserted = await insertBankLines(store.db, {
        organisationId: org,
        batchId,
        lines: statement,
        fingerprints: lines.map((l) => `p${String(l.print)}`),
        accountIds,
      });
      if (!tallied) return moveBalanceTotals(store.db, 1, { organisationId: org, batchId });
      const tally = new BankLineTally();
      statement.forEach((l, i) => {
        if (inserted[i] === 1) tally.add(accountIds[i] ?? '', l);
      });
      await moveTalliedBankTotals(store.db, org, tally);
    }

    const totals = async (org: string) =>
      (
        await store.db
          .selectFrom('ledger_balance_total')
          .select(['dim', 'grain', 'period', 'key', 'currency', 'direction', 'total', 'kzt', 'missing', 'n'])
          .where('organisation_id', '=', org)
          .orderBy('dim')
          .orderBy('grain')
          .orderBy('period')
          .orderBy('key')
          .orderBy('currency')
          .orderBy('direction')
          .execute()
      ).map((r) => ({ ...r, key: r.key.slice(r.key.lastIndexOf('-acc-')) }));

    it('equal the grouped statement over the batch, after batches that repeat lines', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 3 }), async (batches) => {
          run += 1;
          const grouped = await organisation('g');
          const tallied = await organisation('t');
          for (const [n, lines] of batches.entries()) {
            await importBatch(grouped, n, lines, false);
            await importBatch(tallied, n, lines, true);
          }
          const expected = await totals(grouped);
          expect(expected.length).toBeGreaterThan(0);
          expect(await totals(tallied)).toEqual(expected);
        }),
        { seed: 14, numRuns: dialect === 'postgres' ? 10 : 25 },
      );
    });

    it('counts more days than one statement holds, and nothing for an empty tally', async () => {
      run += 1;
      const grouped = await organisation('g');
      const tallied = await organisation('t');
      const lines: Line[] = [];
      for (let i = 0; i < 600; i++)
        lines.push({
          day: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
          amount: BigInt(i + 1) * 1_000_003n,
          currency: i % 3 === 0 ? 'USD' : 'KZT',
          out: i % 4 === 0,
          account: ACCOUNTS[i % 2] ?? 'acc-kzt',
          print: i,
        });
      await importBatch(grouped, 0, lines, false);
      await importBatch(tallied, 0, lines, true);
      await moveTalliedBankTotals(store.db, tallied, new BankLineTally());
      const expected = await totals(grouped);
      expect(expected.length).toBeGreaterThan(600);
      expect(await totals(tallied)).toEqual(expected);
    });
  });
}
