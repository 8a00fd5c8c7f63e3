import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { receiptJson } from './ledger-json.ts';
import { createOrganisation } from '../organisations.ts';
import { importRates } from './import-rates.ts';
import { createSource } from './ledger-entities.ts';
import { recordReceipt } from './ledger-records.ts';
import { equivalentCurrencyOf } from './official-rates.ts';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

// The ledger's equivalent is in the currency of the organisation's rule pack (KZT for kz, INR for
// in-fcra), never hard-wired to tenge. Real parts: the rule packs in rules/, a SQLite file or a
// PostgreSQL database, the rates import.
for (const dialect of testDialects()) {
  describe(`the equivalent in the pack's currency on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let kz = '';
    let india = '';
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      const a = await createOrganisation(ctx, { name: 'Echo', country: 'KZ' });
      const b = await createOrganisation(ctx, { name: 'Lokniti Trust', country: 'IN' });
      if (!a.ok || !b.ok) throw new Error('setup');
      kz = a.value.id;
      india = b.value.id;
      for (const org of [kz, india]) {
        const s = await createSource(ctx, org, {
          name: 'NED',
          category: 'foreign-organisation',
          country: 'US',
        });
        if (!s.ok) throw new Error(s.error.message);
      }
      const rates = await importRates(ctx, {
        bytes: enc('date,currency,rate,units\n2021-02-05,USD,420.83,1\n'),
        fileName: 'rates.csv',
      });
      if (!rates.ok) throw new Error(rates.error.message);
    });
    afterAll(async () => store.close());

    it('reads the currency from the pack of the organisation\u2019s country', async () => {
      expect(await equivalentCurrencyOf(ctx, kz)).toBe('KZT');
      expect(await equivalentCurrencyOf(ctx, india)).toBe('INR');
    });

    it('keeps each organisation\u2019s own currency asked again, in turn, by id or by name, and none for an unknown one', async () => {
      // The country is kept per store by id after the first read: each id keeps its own.
      for (let k = 0; k < 2; k++) {
        expect(await equivalentCurrencyOf(ctx, india)).toBe('INR');
        expect(await equivalentCurrencyOf(ctx, kz)).toBe('KZT');
      }
      expect(await equivalentCurrencyOf(ctx, 'Lokniti Trust')).toBe('INR');
      expect(await equivalentCurrencyOf(ctx, 'org_unknown')).toBe('KZT');
      // Another database with the same names: its own organisations, not this store's.
      const other = await freshStore(dialect);
      try {
        const octx: AppContext = { store: other, now: ctx.now };
        const b = await createOrganisation(octx, { name: 'Lokniti Trust', country: 'KZ' });
        if (!b.ok) throw new Error(b.error.message);
        expect(await equivalentCurrencyOf(octx, 'Lokniti Trust')).toBe('KZT');
        expect(await equivalentCurrencyOf(octx, b.value.id)).toBe('KZT');
        expect(await equivalentCurrencyOf(octx, india)).toBe('KZT');
      } finally {
        await other.close();
      }
    });

    it('keeps an in-fcra organisation\u2019s rupees as their own INR equivalent; tenge rates never convert its dollars', async () => {
      const inr = await recordReceipt(ctx, india, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'INR',
        amount: '250000.00',
      });
      if (!inr.ok) throw new Error(inr.error.message);
      expect([inr.value.kzt.status, inr.value.kzt.kzt]).toEqual(['official', 25_000_000n]);
      expect(receiptJson(inr.value, await equivalentCurrencyOf(ctx, india))['kzt']).toMatchObject({
        status: 'official',
        kzt: '250000.00',
        currency: 'INR',
      });
      const usd = await recordReceipt(ctx, india, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'USD',
        amount: '100.00',
      });
      if (!usd.ok) throw new Error(usd.error.message);
      expect([usd.value.kzt.status, usd.value.kzt.kzt]).toEqual(['missing', null]);
    });

    it('converts a Kazakh organisation\u2019s dollars into tenge at the National Bank\u2019s rate', async () => {
      const usd = await recordReceipt(ctx, kz, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'USD',
        amount: '100.00',
      });
      if (!usd.ok) throw new Error(usd.error.message);
      expect([usd.value.kzt.status, usd.value.kzt.kzt]).toEqual(['official', 4_208_300n]);
      const kzt = await recordReceipt(ctx, kz, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'KZT',
        amount: '5000.00',
      });
      if (!kzt.ok) throw new Error(kzt.error.message);
      expect([kzt.value.kzt.status, kzt.value.kzt.kzt]).toEqual(['official', 500_000n]);
    });
  });
}
