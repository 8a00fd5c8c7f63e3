import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { importRates } from './import-rates.ts';
import { createGrant, createSource } from './ledger-entities.ts';
import { getExpenditure, getReceipt, recordExpenditure, recordReceipt } from './ledger-records.ts';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
// Illustrative rates around a weekend: Fri 5 Feb 2021, then Mon 8 Feb.
const CSV =
  'date,currency,rate,units\n2021-02-05,USD,420.83,1\n2021-02-05,JPY,39.98,10\n2021-02-08,USD,419.50,1\n';
const NBK_XML = `<?xml version="1.0" encoding="utf-8"?>
<rates><date>09.02.2021</date>
<item><fullname>ДОЛЛАР США</fullname><title>USD</title><description>418.70</description><quant>1</quant></item>
<item><fullname>ЕВРО</fullname><title>EUR</title><description>503.11</description><quant>1</quant></item>
</rates>`;

for (const dialect of testDialects()) {
  describe(`importing official rates on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let org: string;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      const o = await createOrganisation(ctx, { name: 'Echo' });
      if (!o.ok) throw new Error(o.error.message);
      org = o.value.id;
    });
    afterAll(async () => store.close());

    it('recomputes a missing KZT equivalent once the rate arrives, carried forward over the weekend', async () => {
      const s = await createSource(ctx, org, {
        name: 'NED',
        category: 'foreign-organisation',
        country: 'US',
      });
      if (!s.ok) throw new Error(s.error.message);
      const g = await createGrant(ctx, org, {
        sourceId: s.value.id,
        agreementNumber: 'NED-1',
        currency: 'USD',
        amount: '1000',
      });
      if (!g.ok) throw new Error(g.error.message);
      const r = await recordReceipt(ctx, org, {
        sourceId: 'NED',
        grantId: 'NED-1',
        receivedOn: '2021-02-06',
        currency: 'USD',
        amount: '1000.00',
      });
      const e = await recordExpenditure(ctx, org, {
        spentOn: '2021-02-08',
        currency: 'USD',
        amount: '0.03',
        allocations: [{ grantId: 'NED-1' }],
      });
      if (!r.ok || !e.ok) throw new Error('setup');
      expect(r.value.kzt).toMatchObject({ status: 'missing', kzt: null });

      const first = await importRates(ctx, { bytes: enc(CSV), fileName: 'rates.csv' });
      expect(first.ok && first.value).toEqual({
        read: 3,
        imported: 3,
        duplicates: 0,
        updated: 0,
        currencies: ['JPY', 'USD'],
        from: '2021-02-05',
        to: '2021-02-08',
        recomputed: 2,
      });
      const receipt = await getReceipt(ctx, org, r.value.id);
      expect(receipt.ok && receipt.value.kzt).toMatchObject({
        status: 'carried-forward',
        kzt: 42083000n,
        rate: { date: '2021-02-05', text: '420.83', source: 'csv:rates.csv' },
      });
      const spent = await getExpenditure(ctx, org, e.value.id);
      expect(spent.ok && spent.value.kzt).toMatchObject({ status: 'official', kzt: 1259n });

      const again = await importRates(ctx, { bytes: enc(CSV), fileName: 'rates-again.csv' });
      expect(again.ok && again.value).toMatchObject({
        read: 3,
        imported: 0,
        duplicates: 3,
        updated: 0,
        recomputed: 0,
      });
      const xml = await importRates(ctx, { bytes: enc(NBK_XML), fileName: 'nbk.xml' });
      expect(xml.ok && xml.value).toMatchObject({
        read: 2,
        imported: 2,
        currencies: ['EUR', 'USD'],
        recomputed: 0,
      });
    });

    it('a rates file with an error anywhere is rejected whole, naming file, line and field', async () => {
      const count = async () =>
        BigInt(
          (
            await ctx.store.db
              .selectFrom('official_rate')
              .select((eb) => eb.fn.countAll<bigint>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const r = await importRates(ctx, {
        bytes: enc('date,currency,rate,units\n2021-03-01,USD,421.00,1\n2021-03-02,USD,abc,1\n'),
        fileName: 'bad.csv',
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ file: 'bad.csv', line: 3 });
      expect(await count()).toBe(before);
    });
  });
}
