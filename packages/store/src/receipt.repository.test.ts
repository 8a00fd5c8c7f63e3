import { currency, type KztEquivalent } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertForeignSource } from './foreign-source.repository.ts';
import { organisationFixture } from './ledger-test-fixtures.ts';
import { listObligationReceipts } from './obligation-facts.repository.ts';
import { claimLedgerRecordVersion } from './ledger-record.repository.ts';
import {
  insertReceipts,
  listReceipts,
  listVersionedReceipts,
  type NewReceipt,
} from './receipt.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const KZT = currency('KZT');
const T = '2026-01-01T00:00:00Z';
const kzt = (minor: bigint): KztEquivalent => ({ status: 'official', kzt: minor, rate: null, note: null });

/** 25 receipts over 5 days, several a day, ids not in insertion order. */
function receipts(org: string): NewReceipt[] {
  return Array.from({ length: 25 }, (_, i) => ({
    id: `r-${String((i * 7) % 25).padStart(2, '0')}`,
    organisationId: org,
    sourceId: 'src-1',
    grantId: null,
    accountId: null,
    bankLine: null,
    receivedOn: `2020-03-0${1 + (i % 5)}`,
    content: { kind: 'money', amount: { minor: BigInt(100 + i), currency: KZT } },
    kzt: kzt(BigInt(100 + i)),
    description: null,
    createdAt: T,
  }));
}

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`receipt pages on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const org = 'org-a';
    beforeAll(async () => {
      store = await freshStore(dialect);
      for (const o of [org, 'org-b']) {
        await organisationFixture(store.db, o);
        await insertForeignSource(store.db, {
          id: o === org ? 'src-1' : 'src-2',
          organisationId: o,
          name: 'Fund',
          category: 'foreign-organisation',
          country: 'NL',
          taxId: null,
          accounts: [],
          aliases: [],
          notes: null,
          createdAt: T,
        });
      }
      await insertReceipts(store.db, receipts(org));
      await insertReceipts(
        store.db,
        receipts('org-b').map((r) => ({ ...r, id: `b-${r.id}`, sourceId: 'src-2' })),
      );
    });
    afterAll(async () => store.close());

    it('pages in the order of the whole list (day, then id), with limit and offset, within dates', async () => {
      const all = (await listReceipts(store.db, org)).map((r) => r.id);
      expect(all).toHaveLength(25);
      for (const [limit, offset] of [
        [1, 0],
        [7, 0],
        [7, 7],
        [7, 21],
        [10, 24],
        [5, 25],
        [30, 0],
      ] as const) {
        expect((await listReceipts(store.db, org, { limit, offset })).map((r) => r.id)).toEqual(
          all.slice(offset, offset + limit),
        );
      }
      const inRange = (await listReceipts(store.db, org, { from: '2020-03-02', to: '2020-03-03' })).map(
        (r) => r.id,
      );
      expect(inRange).toHaveLength(10);
      expect(
        (
          await listReceipts(store.db, org, { from: '2020-03-02', to: '2020-03-03', limit: 4, offset: 3 })
        ).map((r) => r.id),
      ).toEqual(inRange.slice(3, 7));
    });

    it("reads one period's receipts only: the period's days of this organisation, or the ids asked for", async () => {
      const period = { from: '2020-03-02', to: '2020-03-04' };
      const full = await listReceipts(store.db, org, period);
      expect(full).toHaveLength(15);
      expect(full.every((r) => r.receivedOn >= period.from && r.receivedOn <= period.to)).toBe(true);
      expect(full.every((r) => r.organisationId === org)).toBe(true);
      const lean = await listObligationReceipts(store.db, org, period);
      expect(lean.map((r) => r.id)).toEqual(full.map((r) => r.id));
      expect(
        await listObligationReceipts(store.db, 'org-b', { from: '2021-01-01', to: '2021-12-31' }),
      ).toEqual([]);
      expect(
        (await listReceipts(store.db, org, { ids: ['r-00', 'r-24', 'b-r-00'] })).map((r) => r.id),
      ).toEqual(['r-00', 'r-24']);
      expect(await listReceipts(store.db, org, { ids: [] })).toEqual([]);
    });

    it('pages newest first in exactly the reverse order', async () => {
      const newest = [...(await listReceipts(store.db, org)).map((r) => r.id)].reverse();
      expect((await listReceipts(store.db, org, { order: 'desc' })).map((r) => r.id)).toEqual(newest);
      for (const [limit, offset] of [
        [1, 0],
        [7, 7],
        [10, 20],
      ] as const) {
        expect(
          (await listReceipts(store.db, org, { order: 'desc', limit, offset })).map((r) => r.id),
        ).toEqual(newest.slice(offset, offset + limit));
      }
    });

    it('reads the same receipts in any order (order none), within dates and for the organisation only', async () => {
      const byId = (xs: readonly { id: string }[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const dates of [{}, { from: '2020-03-02', to: '2020-03-04' }, { from: '2020-03-05' }]) {
        const sorted = await listReceipts(store.db, org, dates);
        const any = await listReceipts(store.db, org, { ...dates, order: 'none' });
        expect(any).toHaveLength(sorted.length);
        expect(byId(any)).toEqual(byId(sorted));
      }
      expect((await listReceipts(store.db, org, { from: '2020-03-02', to: '2020-03-04' })).length).toBe(15);
      await expect(listReceipts(store.db, org, { order: 'none', limit: 5 })).rejects.toThrow(/page/);
    });

    it('reads each receipt with its version in the same order and pages as the list, ties on a day by id', async () => {
      expect(await claimLedgerRecordVersion(store.db, 'receipts', org, 'r-07', 1)).toBe('done');
      expect(await claimLedgerRecordVersion(store.db, 'receipts', org, 'r-07', 2)).toBe('done');
      for (const filter of [
        {},
        { limit: 7, offset: 7 },
        { order: 'desc', limit: 6, offset: 4 },
        { from: '2020-03-02', to: '2020-03-02', limit: 3, offset: 2 },
        { from: '2020-03-02', to: '2020-03-02', order: 'desc' },
        { from: '2021-01-01' },
        { limit: 5, offset: 25 },
        { ids: [] },
      ] as const) {
        const versioned = await listVersionedReceipts(store.db, org, filter);
        expect(versioned.map((v) => v.receipt)).toEqual(await listReceipts(store.db, org, filter));
        expect(versioned.map((v) => v.version)).toEqual(
          versioned.map((v) => (v.receipt.id === 'r-07' ? 3 : 1)),
        );
      }
      // Five receipts share each day: a page boundary inside a day keeps the id order.
      const day = await listVersionedReceipts(store.db, org, { from: '2020-03-03', to: '2020-03-03' });
      const ids = day.map((v) => v.receipt.id);
      expect(ids).toEqual([...ids].sort());
      expect(ids).toHaveLength(5);
      expect(
        (
          await listVersionedReceipts(store.db, org, {
            from: '2020-03-03',
            to: '2020-03-03',
            limit: 2,
            offset: 2,
          })
        ).map((v) => v.receipt.id),
      ).toEqual(ids.slice(2, 4));
      expect(await listVersionedReceipts(store.db, 'org-none', { limit: 5 })).toEqual([]);
    });
  });
}
