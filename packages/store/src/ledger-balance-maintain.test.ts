import { calendarDate, currency, type KztEquivalent, type StatementLine } from '@civic/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBankAccount } from './bank-account.repository.ts';
import { insertBankLines } from './bank-line.repository.ts';
import {
  insertExpenditure,
  insertExpenditures,
  updateExpenditureKzt,
  type NewExpenditure,
} from './expenditure.repository.ts';
import { insertForeignSource } from './foreign-source.repository.ts';
import { insertGrant } from './grant.repository.ts';
import { insertImportBatch } from './import-batch.repository.ts';
import {
  buildBalanceTotals,
  ledgerBalanceTotals,
  moveBalanceTotals,
  recountLedgerBalanceTotals,
} from './ledger-balance.repository.ts';
import { deleteLedgerRecord, updateExpenditure, updateReceipt } from './ledger-record.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { insertReceipt, insertReceipts, updateReceiptKzt, type NewReceipt } from './receipt.repository.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// The balance's maintained totals (ledger-balance-maintain.ts) against the recount from every
// movement, after random sequences of records, edits, deletes, bank imports and rate refills, by
// grant, source and account, with and without a date; on SQLite and on PostgreSQL.

const T = '2026-01-01T00:00:00Z';
const GRANTS = ['g-a', 'g-b', 'g-c'];
const ACCOUNTS = ['acc-kzt', 'acc-usd'];
const DAYS = ['2020-01-31', '2020-02-01', '2020-02-29', '2020-03-01', '2020-03-15', '2021-01-01'];
const AT = [undefined, '2020-01-31', '2020-02-15', '2020-02-29', '2020-03-01', '2020-12-31'];

const kztOf = (amount: bigint, present: boolean): KztEquivalent =>
  present
    ? {
        status: 'official',
        kzt: amount * 450n,
        rate: {
          date: calendarDate('2020-01-01'),
          currency: currency('USD'),
          text: '450.00',
          rate: { value: 45000n, scale: 2 },
          units: 1,
          source: 'test',
        },
        note: null,
      }
    : { status: 'missing', kzt: null, rate: null, note: 'no rate' };

const money = fc.record({
  day: fc.constantFrom(...DAYS),
  amount: fc.bigInt({ min: 1n, max: 100_000n }),
  usd: fc.boolean(),
  kzt: fc.boolean(),
  account: fc.option(fc.constantFrom(...ACCOUNTS), { nil: null }),
});
const op = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    m: money,
    grant: fc.option(fc.constantFrom(...GRANTS)),
  }),
  fc.record({
    kind: fc.constant('receipts' as const),
    ms: fc.array(money, { minLength: 1, maxLength: 3 }),
    grant: fc.constantFrom(...GRANTS),
  }),
  fc.record({
    kind: fc.constant('expenditure' as const),
    m: money,
    grants: fc.subarray(GRANTS, { minLength: 1 }),
    bulk: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    m: money,
    grant: fc.constantFrom(...GRANTS),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rates' as const), pick: fc.nat(), present: fc.boolean() }),
  fc.record({ kind: fc.constant('import' as const), ms: fc.array(money, { minLength: 1, maxLength: 4 }) }),
);
type Money = { day: string; amount: bigint; usd: boolean; kzt: boolean; account: string | null };
type Op = typeof op extends fc.Arbitrary<infer O> ? O : never;

for (const dialect of testDialects()) {
  describe(`maintained balance totals on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let run = 0;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => {
      await store.close();
    });

    async function organisation(): Promise<string> {
      const org = `org-p${String(++run)}`;
      await organisationFixture(store.db, org);
      for (const s of ['src-1', 'src-2'])
        await insertForeignSource(store.db, {
          id: `${org}-${s}`,
          organisationId: org,
          name: s,
          category: 'foreign-organisation',
          country: 'US',
          taxId: null,
          accounts: [],
          aliases: [],
          notes: null,
          createdAt: T,
        });
      for (const [i, g] of GRANTS.entries())
        await insertGrant(store.db, {
          id: `${org}-${g}`,
          organisationId: org,
          sourceId: `${org}-src-${String((i % 2) + 1)}`,
          agreementNumber: g,
          agreementDate: null,
          currency: 'USD',
          amountMinor: 10n ** 9n,
          periodFrom: null,
          periodTo: null,
          activity: null,
          title: null,
          createdAt: T,
        });
      for (const a of ACCOUNTS)
        await ensureBankAccount(store.db, {
          id: `${org}-${a}`,
          organisationId: org,
          number: `KZ${a}${org}`,
          currency: a === 'acc-kzt' ? 'KZT' : 'USD',
          createdAt: T,
        });
      return org;
    }

    async function apply(org: string, ops: readonly Op[]): Promise<void> {
      const receipts: string[] = [];
      const expenditures: string[] = [];
      let n = 0;
      const receipt = (m: Money, grant: string | null): NewReceipt => ({
        id: `${org}-r${String(++n)}`,
        organisationId: org,
        sourceId: `${org}-src-${grant === 'g-b' ? '2' : '1'}`,
        grantId: grant === null ? null : `${org}-${grant}`,
        accountId: m.account === null ? null : `${org}-${m.account}`,
        // Some are confirmed from a bank line: its account already counts them.
        bankLine: m.amount % 3n === 0n ? `${org}-fp-${String(n)}` : null,
        receivedOn: m.day,
        content: { kind: 'money', amount: { minor: m.amount, currency: currency(m.usd ? 'USD' : 'KZT') } },
        kzt: kztOf(m.amount, m.kzt),
        description: null,
        createdAt: T,
      });
      const expenditure = (m: Money, grants: readonly string[], id?: string): NewExpenditure => ({
        id: id ?? `${org}-e${String(++n)}`,
        organisationId: org,
        accountId: m.account === null ? null : `${org}-${m.account}`,
        bankLine: m.amount % 3n === 0n ? `${org}-fp-${String(n)}` : null,
        spentOn: m.day,
        currency: m.usd ? 'USD' : 'KZT',
        amountMinor: m.amount * BigInt(grants.length),
        kzt: kztOf(m.amount * BigInt(grants.length), m.kzt),
        description: null,
        counterparty: null,
        allocations: grants.map((g) => ({
          grantId: `${org}-${g}`,
          amountMinor: m.amount,
          kztMinor: m.kzt ? m.amount * 450n : null,
        })),
        createdAt: T,
      });
      for (const o of ops)
        await inTransaction(store, async (tx) => {
          const db = tx.db;
          if (o.kind === 'receipt') {
            const r = receipt(o.m, o.grant);
            await insertReceipt(db, r);
            receipts.push(r.id);
          } else if (o.kind === 'receipts') {
            const rs = o.ms.map((m) => receipt(m, o.grant));
            await insertReceipts(db, rs);
            receipts.push(...rs.map((r) => r.id));
          } else if (o.kind === 'expenditure') {
            const e = expenditure(o.m, o.grants);
            if (o.bulk) await insertExpenditures(db, [e]);
            else await insertExpenditure(db, e);
            expenditures.push(e.id);
          } else if (o.kind === 'edit' || o.kind === 'delete' || o.kind === 'rates') {
            const all = [...receipts, ...expenditures];
            const id = all[o.pick % Math.max(1, all.length)];
            if (id === undefined) return;
            const isReceipt = receipts.includes(id);
            if (o.kind === 'edit') {
              if (isReceipt) await updateReceipt(db, { ...receipt(o.m, o.grant), id });
              else await updateExpenditure(db, expenditure(o.m, [o.grant], id));
            } else if (o.kind === 'delete') {
              await deleteLedgerRecord(db, isReceipt ? 'receipts' : 'expenditures', org, id);
              receipts.splice(receipts.indexOf(id), isReceipt ? 1 : 0);
              expenditures.splice(expenditures.indexOf(id), isReceipt ? 0 : 1);
            } else if (isReceipt) {
              await updateReceiptKzt(db, id, kztOf(7n, o.present));
            } else {
              const shares = GRANTS.map((g) => ({
                grantId: `${org}-${g}`,
                kztMinor: o.present ? 99n : null,
              }));
              await updateExpenditureKzt(db, id, kztOf(7n, o.present), shares);
            }
          } else {
            const batchId = `${org}-b${String(++n)}`;
            await insertImportBatch(db, {
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
            const lines = o.ms.map((m, i) => bankLine(m, i));
            await insertBankLines(db, {
              organisationId: org,
              batchId,
              lines,
              // Some fingerprints repeat across imports: a duplicate line is not counted twice.
              fingerprints: o.ms.map((m) => `${org}-${m.day}-${String(m.amount)}-${String(m.usd)}`),
              accountIds: o.ms.map((m) => `${org}-${m.account ?? 'acc-kzt'}`),
            });
            await moveBalanceTotals(db, 1, { organisationId: org, batchId });
          }
        });
    }

    it('equal the recount after random records, edits, deletes, imports and rate refills', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          const org = await organisation();
          await apply(org, ops);
          for (const by of ['grant', 'source', 'account'] as const)
            for (const at of AT)
              expect(await ledgerBalanceTotals(store.db, org, by, at)).toEqual(
                await recountLedgerBalanceTotals(store.db, org, by, at),
              );
        }),
        { numRuns: dialect === 'postgres' ? 8 : 16 },
      );
    });

    it("another organisation's delete of a record by id leaves the record's totals as they were", async () => {
      const [a, b] = [await organisation(), await organisation()];
      await apply(a, [
        {
          kind: 'receipt',
          m: { day: DAYS[0] ?? '', amount: 5n, usd: true, kzt: true, account: null },
          grant: 'g-a',
        },
      ]);
      await inTransaction(store, (tx) => deleteLedgerRecord(tx.db, 'receipts', b, `${a}-r1`));
      const rows = await ledgerBalanceTotals(store.db, a, 'grant');
      expect(rows).toEqual(await recountLedgerBalanceTotals(store.db, a, 'grant'));
      expect(rows.map((r) => r.received)).toEqual([5n]);
    });

    it('are rebuilt from the stored movements as the migration builds them', async () => {
      const orgs = Array.from({ length: run }, (_, i) => `org-p${String(i + 1)}`);
      const before = await Promise.all(orgs.map((o) => ledgerBalanceTotals(store.db, o, 'account')));
      await store.db.deleteFrom('ledger_balance_total').execute();
      expect(await ledgerBalanceTotals(store.db, orgs[0] ?? '', 'grant')).toEqual([]);
      await buildBalanceTotals(store.db);
      for (const [i, o] of orgs.entries()) {
        expect(await ledgerBalanceTotals(store.db, o, 'account')).toEqual(before[i]);
        for (const by of ['grant', 'source'] as const)
          for (const at of [undefined, '2020-02-15'])
            expect(await ledgerBalanceTotals(store.db, o, by, at)).toEqual(
              await recountLedgerBalanceTotals(store.db, o, by, at),
            );
      }
    });
  });
}

function bankLine(m: Money, i: number): StatementLine {
  return {
    sourceLine: i + 1,
    account: 'KZ00',
    direction: m.amount % 2n === 0n ? 'out' : 'in',
    amount: m.amount,
    currency: currency(m.usd ? 'USD' : 'KZT'),
    bookedOn: calendarDate(m.day),
    documentDate: null,
    documentNumber: String(i),
    counterparty: { name: 'P', taxId: null, account: null, bankCode: null, sectorCode: null, country: null },
    purpose: 'p',
    purposeCode: null,
    bankReference: null,
    raw: {},
  };
}
