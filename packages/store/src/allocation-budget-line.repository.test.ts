import type { KztEquivalent } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExpenditure, insertExpenditure, insertExpenditures } from './expenditure.repository.ts';
import { insertForeignSource } from './foreign-source.repository.ts';
import { allocatedByBudgetLine, replaceBudgetLines } from './grant-budget-line.repository.ts';
import { insertGrant } from './grant.repository.ts';
import { updateExpenditure } from './ledger-record.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { freshStore, testDialects } from './test-support.ts';

// An allocation's budget line (issue 13, migration 660): stored through the one-row and the bulk
// path, read back, rewritten, and summed per line. Real SQLite file and real PostgreSQL database.
const T = '2026-01-01T00:00:00Z';
const missing: KztEquivalent = { status: 'missing', kzt: null, rate: null, note: 'no rate' };
const spend = (
  id: string,
  allocations: { grantId: string; amountMinor: bigint; budgetLineId?: string | null }[],
) => ({
  id,
  organisationId: 'org-echo',
  accountId: null,
  bankLine: null,
  spentOn: '2026-03-10',
  currency: 'USD',
  amountMinor: allocations.reduce((s, a) => s + a.amountMinor, 0n),
  kzt: missing,
  description: null,
  counterparty: null,
  allocations: allocations.map((a) => ({ ...a, kztMinor: null })),
  createdAt: T,
});

for (const dialect of testDialects()) {
  describe(`allocations to budget lines in the store on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const org = 'org-echo';
    beforeAll(async () => {
      store = await freshStore(dialect);
      await organisationFixture(store.db, org);
      await insertForeignSource(store.db, {
        id: 'src-osf',
        organisationId: org,
        name: 'Open Society Foundations',
        category: 'foreign-organisation',
        country: 'US',
        taxId: null,
        accounts: [],
        aliases: [],
        notes: null,
        createdAt: T,
      });
      for (const g of ['g-1', 'g-2'])
        await insertGrant(store.db, {
          id: g,
          organisationId: org,
          sourceId: 'src-osf',
          agreementNumber: g.toUpperCase(),
          agreementDate: null,
          currency: 'USD',
          amountMinor: 10_000_00n,
          periodFrom: null,
          periodTo: null,
          activity: null,
          title: null,
          createdAt: T,
        });
      await replaceBudgetLines(store.db, org, 'g-1', [
        { id: 'l-wages', name: 'Wages', amount: 6_000_00n },
        { id: 'l-rent', name: 'Rent', amount: 4_000_00n },
      ]);
      await replaceBudgetLines(store.db, org, 'g-2', [{ id: 'l-print', name: 'Print', amount: 1_000_00n }]);
    });
    afterAll(async () => store.close());

    it('keeps an allocation’s line through both insert paths and a rewrite, and sums it per line', async () => {
      await insertExpenditure(
        store.db,
        spend('e-1', [
          { grantId: 'g-1', amountMinor: 100_00n, budgetLineId: 'l-wages' },
          { grantId: 'g-2', amountMinor: 50_00n },
        ]),
      );
      await insertExpenditures(store.db, [
        spend('e-2', [{ grantId: 'g-1', amountMinor: 30_00n, budgetLineId: 'l-wages' }]),
        spend('e-3', [{ grantId: 'g-2', amountMinor: 7_00n, budgetLineId: 'l-print' }]),
        spend('e-4', [{ grantId: 'g-1', amountMinor: 1_00n, budgetLineId: null }]),
      ]);
      expect((await getExpenditure(store.db, org, 'e-1'))?.allocations).toEqual([
        { grantId: 'g-1', amount: 100_00n, budgetLineId: 'l-wages' },
        { grantId: 'g-2', amount: 50_00n },
      ]);
      expect((await getExpenditure(store.db, org, 'e-3'))?.allocations).toEqual([
        { grantId: 'g-2', amount: 7_00n, budgetLineId: 'l-print' },
      ]);
      expect(await allocatedByBudgetLine(store.db, org, 'g-1')).toEqual(new Map([['l-wages', 130_00n]]));
      expect(await allocatedByBudgetLine(store.db, org)).toEqual(
        new Map([
          ['l-wages', 130_00n],
          ['l-print', 7_00n],
        ]),
      );

      await updateExpenditure(
        store.db,
        spend('e-1', [
          { grantId: 'g-1', amountMinor: 100_00n, budgetLineId: 'l-rent' },
          { grantId: 'g-2', amountMinor: 50_00n, budgetLineId: 'l-print' },
        ]),
      );
      expect(await allocatedByBudgetLine(store.db, org, 'g-1')).toEqual(
        new Map([
          ['l-wages', 30_00n],
          ['l-rent', 100_00n],
        ]),
      );
      expect(await allocatedByBudgetLine(store.db, org, 'g-2')).toEqual(new Map([['l-print', 57_00n]]));
    });
  });
}
