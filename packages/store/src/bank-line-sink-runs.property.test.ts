import { calendarDate, currency, type StatementLine } from '@civic/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBankLineSink } from './bank-line-sink.ts';
import { insertOrganisation } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

const line = (i: number, account: string): StatementLine => ({
  sourceLine: i,
  account,
  direction: i % 3 === 0 ? 'out' : 'in',
  amount: BigInt(1000 + i),
  currency: currency('KZT'),
  bookedOn: calendarDate('2021-03-02'),
  documentDate: null,
  documentNumber: String(i),
  purpose: i % 4 === 0 ? null : `Оплата ${String(i)}`,
  purposeCode: null,
  bankReference: null,
  raw: {},
  counterparty: { name: null, taxId: null, account: null, bankCode: null, sectorCode: null, country: null },
});

/** An import: line numbers (distinct in one import, as the fingerprinter makes them), each with its account. */
const statement = fc.uniqueArray(fc.tuple(fc.nat(60), fc.constantFrom('KZ01', 'KZ02')), {
  selector: ([i]) => i,
  maxLength: 40,
});

// The staged sink moves its staged lines to bank_line in sorted runs while the statement is read
// (STAGE_RUN at 1,000,000 lines): wherever staging starts and however long a run, two statements in
// a row (the second overlapping the first) answer line by line and store what the direct sink does.
// SQLite only: on PostgreSQL there is no sink.
for (const dialect of testDialects().filter((d) => d === 'sqlite')) {
  describe(`staged lines moved in runs, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let n = 0;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const imports = async (
      statements: (readonly [number, string])[][],
      staging: { readonly stageAfter: number; readonly stageRun: number } | null,
    ) => {
      const org = `org-${String(++n)}`;
      return inTransaction(store, async (tx) => {
        await insertOrganisation(tx.db, { id: org, name: org, createdAt: '2026-01-01T00:00:00Z' });
        let accounts = 0;
        const answers = statements.map((lines, b) => {
          const sink = openBankLineSink(tx.db, {
            organisationId: org,
            batchId: `b${String(b)}`,
            createdAt: 'x',
            newAccountId: () => `${org}-acc-${String(++accounts)}`,
            staged: staging !== null,
            ...(staging ?? {}),
          });
          if (!sink) throw new Error('a sink on SQLite');
          try {
            const got = lines.map(([i, account]) => {
              const r = sink.add(line(i, account), `fp-${String(i).padStart(3, '0')}`);
              return [r.isNew, r.accountId.slice(org.length)];
            });
            sink.finish();
            return got;
          } finally {
            sink.close();
          }
        });
        const rows = await tx.db
          .selectFrom('bank_line')
          .selectAll()
          .where('organisation_id', '=', org)
          .orderBy('fingerprint')
          .execute();
        const plain = rows.map((r) => ({
          ...r,
          organisation_id: '',
          account_id: r.account_id.slice(org.length),
        }));
        return { answers, rows: plain };
      });
    };

    it('answer and store what the direct sink does', async () => {
      await fc.assert(
        fc.asyncProperty(
          statement,
          statement,
          fc.nat(45),
          fc.integer({ min: 1, max: 12 }),
          async (a, b, stageAfter, stageRun) => {
            const direct = await imports([a, b], null);
            expect(await imports([a, b], { stageAfter, stageRun })).toEqual(direct);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
