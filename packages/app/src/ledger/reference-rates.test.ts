import { freshStore, listOfficialRates, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { importRates } from './import-rates.ts';
import { createSource } from './ledger-entities.ts';
import { receiptJson } from './ledger-json.ts';
import { recordReceipt } from './ledger-records.ts';
import { equivalentCurrencyOf } from './official-rates.ts';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

// An Indian organisation's foreign amounts get rupee equivalents at the reference rate of the
// authority its pack names (in-fcra: RBI), stored beside the National Bank of Kazakhstan's tenge
// rates for the same currency and day. Real parts: rules/kz.yaml and rules/in-fcra.yaml, the rates
// CSV parser, a SQLite file or a PostgreSQL database.
for (const dialect of testDialects()) {
  describe(`reference rates keyed by the pack's currency on ${dialect}`, () => {
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
      const nbk = await importRates(ctx, {
        bytes: enc('date,currency,rate,units,source\n2021-02-05,USD,420.83,1,NBK\n'),
        fileName: 'nbk.csv',
      });
      expect(nbk.ok && nbk.value.imported).toBe(1);
    });
    afterAll(async () => store.close());

    it('imports the RBI reference rates (date,currency,rate) in rupees, tagged with the pack’s authority', async () => {
      const rbi = await importRates(ctx, {
        bytes: enc('date,currency,rate\n2021-02-05,USD,72.95\n2021-02-05,EUR,87.9215\n'),
        fileName: 'rbi.csv',
        pack: 'in-fcra',
      });
      if (!rbi.ok) throw new Error(rbi.error.message);
      expect([rbi.value.imported, rbi.value.currencies]).toEqual([2, ['EUR', 'USD']]);
      const inr = await listOfficialRates(store.db, { base: 'INR' });
      expect(inr.map((r) => [r.currency, r.text, r.units, r.source])).toEqual([
        ['EUR', '87.9215', 1, 'RBI'],
        ['USD', '72.95', 1, 'RBI'],
      ]);
      // The tenge rate of the same day and currency is still there, unchanged.
      const kzt = await listOfficialRates(store.db);
      expect(kzt.map((r) => [r.currency, r.text])).toEqual([['USD', '420.83']]);
      // Re-importing the same file adds nothing.
      const again = await importRates(ctx, {
        bytes: enc('date,currency,rate\n2021-02-05,USD,72.95\n'),
        fileName: 'rbi.csv',
        pack: 'in-fcra',
      });
      expect(again.ok && [again.value.imported, again.value.duplicates]).toEqual([0, 1]);
    });

    it('gives an in-fcra organisation’s dollars an INR equivalent at the RBI rate, a Kazakh one’s tenge at the NBK rate', async () => {
      expect(await equivalentCurrencyOf(ctx, india)).toBe('INR');
      const usd = await recordReceipt(ctx, india, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'USD',
        amount: '100.00',
      });
      if (!usd.ok) throw new Error(usd.error.message);
      const json = receiptJson(usd.value, 'INR' as never)['kzt'];
      expect(json).toMatchObject({
        status: 'official',
        equivalent: '7295.00',
        equivalentCurrency: 'INR',
        kzt: '7295.00',
        currency: 'INR',
        rate: { currency: 'USD', rate: '72.95', source: 'RBI' },
      });
      const tenge = await recordReceipt(ctx, kz, {
        sourceId: 'NED',
        receivedOn: '2021-02-05',
        currency: 'USD',
        amount: '100.00',
      });
      if (!tenge.ok) throw new Error(tenge.error.message);
      expect(receiptJson(tenge.value)['kzt']).toMatchObject({
        equivalent: '42083.00',
        equivalentCurrency: 'KZT',
        rate: { source: 'NBK' },
      });
    });

    it('recomputes a missing rupee equivalent once the RBI rate of its day arrives', async () => {
      const late = await recordReceipt(ctx, india, {
        sourceId: 'NED',
        receivedOn: '2021-03-01',
        currency: 'EUR',
        amount: '10.00',
      });
      if (!late.ok) throw new Error(late.error.message);
      expect(late.value.kzt.status).toBe('carried-forward');
      const rbi = await importRates(ctx, {
        bytes: enc('date,currency,rate\n2021-03-01,EUR,88.0000\n'),
        fileName: 'rbi-march.csv',
        pack: 'in-fcra',
      });
      expect(rbi.ok && rbi.value.recomputed).toBeGreaterThanOrEqual(1);
    });

    it('refuses a reference rate quoted for the pack’s own currency, naming the field', async () => {
      const r = await importRates(ctx, {
        bytes: enc('date,currency,rate\n2021-02-05,INR,1\n'),
        fileName: 'bad.csv',
        pack: 'in-fcra',
      });
      expect(!r.ok && [r.error.code, r.error.field]).toEqual(['RATE_INVALID', 'currency']);
    });
  });
}
