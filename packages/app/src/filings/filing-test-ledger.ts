import { makeOfficialRate, type Result } from '@civic/core';
import { upsertOfficialRates } from '@civic/store';
import type { AppContext } from '../context.ts';
import { createGrant, createSource } from '../ledger/ledger-entities.ts';
import { recordExpenditure, recordReceipt } from '../ledger/ledger-records.ts';
import { createOrganisation } from '../organisations.ts';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/**
 * Test support: a small real ledger for one Kazakh organisation, written through the app's own
 * use cases (explicit, no globals). Official USD rates; a USD grant for 2021 from a foreign
 * organisation; receipts on 17 Mar 2021 (Nauryz), 1 Jun 2021 and 28 Dec 2020 (New Year, from a
 * foreign citizen with no country and no grant); an expense of 1,000,000 KZT on 10 Apr 2021.
 * Figures are illustrative.
 */
export async function seedFilingLedger(ctx: AppContext) {
  const org = must(await createOrganisation(ctx, { name: 'Эхо', bin: '070940000014' }));
  const rates = ['2020-12-28:412.35', '2021-03-17:420.50', '2021-04-10:427.10', '2021-06-01:428.00'].map(
    (x) => {
      const [date = '', rate = ''] = x.split(':');
      return must(makeOfficialRate({ date, currency: 'USD', rate, source: 'NBK' }));
    },
  );
  await upsertOfficialRates(ctx.store.db, rates, null);
  const osf = must(
    await createSource(ctx, org.id, {
      name: 'Open Society Foundations',
      category: 'foreign-organisation',
      country: 'US',
    }),
  );
  const jane = must(
    await createSource(ctx, org.id, { name: 'Jane Doe', category: 'foreign-citizen', country: null }),
  );
  const grant = must(
    await createGrant(ctx, org.id, {
      sourceId: osf.id,
      agreementNumber: 'OSF-2021-1',
      currency: 'USD',
      amount: '20000.00',
      periodFrom: '2021-01-01',
      periodTo: '2021-12-31',
    }),
  );
  const nauryz = must(
    await recordReceipt(ctx, org.id, {
      sourceId: osf.id,
      grantId: grant.id,
      receivedOn: '2021-03-17',
      currency: 'USD',
      amount: '10000.00',
    }),
  );
  const june = must(
    await recordReceipt(ctx, org.id, {
      sourceId: osf.id,
      grantId: grant.id,
      receivedOn: '2021-06-01',
      currency: 'USD',
      amount: '5000.00',
    }),
  );
  const newYear = must(
    await recordReceipt(ctx, org.id, {
      sourceId: jane.id,
      receivedOn: '2020-12-28',
      currency: 'USD',
      amount: '300.00',
    }),
  );
  const rent = must(
    await recordExpenditure(ctx, org.id, {
      spentOn: '2021-04-10',
      currency: 'KZT',
      amount: '1000000.00',
      description: 'Аренда офиса',
      allocations: [{ grantId: grant.id }],
    }),
  );
  return { org, osf, jane, grant, receipts: { nauryz, june, newYear }, rent };
}
