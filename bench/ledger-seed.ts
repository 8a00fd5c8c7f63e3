// The ledger benches' books: the same movements, generated the same way, for ledger.bench.ts and
// encryption.bench.ts.
import type { AppContext } from '@civic/app';
import { calendarDate, addDays, currency, type KztEquivalent } from '@civic/core';
import {
  inTransaction,
  insertExpenditures,
  insertForeignSource,
  insertGrant,
  insertReceipts,
  type NewExpenditure,
  type NewReceipt,
} from '@civic/store';

/** `count` movements over 50 grants: 60 % receipts, 40 % expenditures with one allocation each. */
export async function seedTransactions(ctx: AppContext, orgId: string, count: number): Promise<void> {
  const T = '2026-01-01T00:00:00Z';
  const grants = Array.from({ length: 50 }, (_, i) => `grt_bench_${String(i).padStart(2, '0')}`);
  const USD = currency('USD');
  const kzt = (minor: bigint): KztEquivalent => ({
    status: 'official',
    kzt: minor * 420n,
    rate: {
      date: calendarDate('2020-01-01'),
      currency: USD,
      text: '420.00',
      rate: { value: 42000n, scale: 2 },
      units: 1,
      source: 'bench',
    },
    note: null,
  });
  await inTransaction(ctx.store, async (store) => {
    await insertForeignSource(store.db, {
      id: 'src_bench',
      organisationId: orgId,
      name: 'Bench donor',
      category: 'foreign-organisation',
      country: 'US',
      taxId: null,
      accounts: [],
      aliases: [],
      notes: null,
      createdAt: T,
    });
    for (const g of grants)
      await insertGrant(store.db, {
        id: g,
        organisationId: orgId,
        sourceId: 'src_bench',
        agreementNumber: g.slice(4),
        agreementDate: null,
        currency: 'USD',
        amountMinor: 10n ** 12n,
        periodFrom: null,
        periodTo: null,
        activity: null,
        title: null,
        createdAt: T,
      });
    const start = calendarDate('2018-01-01');
    const receipts: NewReceipt[] = [];
    const expenditures: NewExpenditure[] = [];
    for (let i = 0; i < count; i++) {
      const grantId = grants[i % grants.length] ?? '';
      const date = addDays(start, (i * 7) % 1460);
      const amount = BigInt(100 + ((i * 7919) % 1_000_000));
      if (i % 5 < 3) {
        receipts.push({
          id: `rcp_b${String(i)}`,
          organisationId: orgId,
          sourceId: 'src_bench',
          grantId,
          accountId: null,
          bankLine: null,
          receivedOn: date,
          content: { kind: 'money', amount: { minor: amount, currency: USD } },
          kzt: kzt(amount),
          description: null,
          createdAt: T,
        });
      } else {
        expenditures.push({
          id: `exp_b${String(i)}`,
          organisationId: orgId,
          accountId: null,
          bankLine: null,
          spentOn: date,
          currency: 'USD',
          amountMinor: amount,
          kzt: kzt(amount),
          description: 'bench',
          counterparty: null,
          allocations: [{ grantId, amountMinor: amount, kztMinor: amount * 420n }],
          createdAt: T,
        });
      }
    }
    await insertReceipts(store.db, receipts);
    await insertExpenditures(store.db, expenditures);
  });
}
