import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { listForeignCandidates } from '../ledger/foreign-candidates.ts';
import { ledgerBalance } from '../ledger/ledger-balance.ts';
import { listGrants, listSources } from '../ledger/ledger-entities.ts';
import { listExpenditures, listReceipts } from '../ledger/ledger-records.ts';
import { seedDemoLedger } from './demo-ledger.ts';
import { seedDemoOrganisations } from './demo-organisations.ts';
import type { DemoState } from './seed-demo.ts';

for (const dialect of testDialects()) {
  describe(`the demo ledgers on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    const state: DemoState = { organisations: new Map() };
    const org = (key: string): string => state.organisations.get(key) ?? '';
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      await seedDemoOrganisations.run(ctx, state);
      await seedDemoLedger.run(ctx, state);
    });
    afterAll(async () => store.close());

    it('gives every organisation an illustrative ledger', async () => {
      for (const id of state.organisations.values()) {
        const sources = await listSources(ctx, id);
        expect(sources.length).toBeGreaterThan(0);
        expect(sources.every((s) => s.illustrative && s.category !== null)).toBe(true);
        expect((await listGrants(ctx, id)).every((g) => g.illustrative)).toBe(true);
        const receipts = await listReceipts(ctx, id, { from: '2018-01-01', to: '2021-12-31' });
        expect(receipts.length).toBeGreaterThan(0);
        expect(receipts.every((r) => r.illustrative)).toBe(true);
        expect((await listExpenditures(ctx, id)).every((e) => e.illustrative)).toBe(true);
      }
    });

    it('shows each state of a KZT equivalent: official, carried forward, missing', async () => {
      const statuses = new Set<string>();
      for (const id of state.organisations.values())
        for (const r of await listReceipts(ctx, id)) statuses.add(r.kzt.status);
      expect([...statuses].sort()).toEqual(['carried-forward', 'missing', 'official']);
      const eu = (await listReceipts(ctx, org('echo'), { from: '2020-06-06', to: '2020-06-06' }))[0];
      expect(eu?.kzt).toMatchObject({
        status: 'carried-forward',
        rate: { date: '2020-06-05', source: 'НБК (иллюстративно)' },
      });
      const gbp = (await listReceipts(ctx, org('kibhr'))).find(
        (r) => r.content.kind === 'money' && r.content.amount.currency === 'GBP',
      );
      expect(gbp?.kzt).toMatchObject({ status: 'missing', kzt: null });
    });

    it('flags the overspent grant and leaves unconfirmed candidates', async () => {
      const ili = await ledgerBalance(ctx, { org: org('ili'), by: 'grant' });
      expect(ili.ok && ili.value.rows.filter((r) => r.overspent).map((r) => r.name)).toEqual([
        'SKZ50019GR0042',
      ]);
      expect(await listForeignCandidates(ctx, org('echo'), 'proposed')).toHaveLength(2);
      expect(await listForeignCandidates(ctx, org('kibhr'), 'proposed')).toHaveLength(2);
    });
  });
}
