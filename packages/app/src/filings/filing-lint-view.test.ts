import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/with-audit.ts';
import { changeLedgerRecord } from '../ledger/ledger-edit.ts';
import { createSource } from '../ledger/ledger-entities.ts';
import { recordReceipt } from '../ledger/ledger-records.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { getLintedFiling } from './linted-filing.ts';
import { listObligations } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';

// A filing's lint from the lint view stored at prepare (issue 17) against its lint from the
// content parsed whole (what a filing prepared before the view was kept gets: its view null), on
// a ledger that moves on between preparing, preparing again and linting.

const actor: Actor = { userId: null, label: 'lint view test', channel: 'cli' };
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

for (const dialect of testDialects()) {
  describe(`a filing linted from its lint view on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let org = '';
    let world: Awaited<ReturnType<typeof seedFilingLedger>>;
    beforeAll(async () => {
      let clock = Date.parse('2021-09-01T10:00:00.000Z');
      ctx = await freshContext(dialect, () => new Date((clock += 1000)));
      world = await seedFilingLedger(ctx);
      org = world.org.id;
    });
    afterAll(async () => ctx.close());

    /** The lint of a filing, from its view and then from its content whole (its view taken away). */
    async function bothWays(filingId: string) {
      const lint = async () => must(await lintStoredFiling(ctx, { filingId, asOf: '2021-08-01' }));
      const viewed = must(await getLintedFiling(ctx, filingId)).kind;
      const fromView = await lint();
      await ctx.store.db.updateTable('filing').set({ lint_view: null }).where('id', '=', filingId).execute();
      const whole = must(await getLintedFiling(ctx, filingId)).kind;
      return { viewed, whole, fromView, fromWhole: await lint() };
    }

    it('finds the same problems, prepared again after the ledger moved on', async () => {
      const noCountry = must(
        await createSource(ctx, org, { name: 'Иван "Петров"', category: 'foreign-citizen', country: null }),
      );
      const receipt = async (input: Parameters<typeof recordReceipt>[2]) =>
        must(await recordReceipt(ctx, org, input));
      const kept = await receipt({
        sourceId: noCountry.id,
        receivedOn: '2021-04-05',
        currency: 'USD',
        amount: '50.00',
      });
      await receipt({ sourceId: world.osf.id, receivedOn: '2021-04-12', currency: 'USD', amount: '120.00' });
      await receipt({ sourceId: world.osf.id, receivedOn: '2021-04-12', currency: 'USD', amount: '120.00' });
      const list = must(
        await listObligations(ctx, { asOf: '2021-08-01', from: '2021-01-01', to: '2021-06-30' }),
      );
      const report = list.obligations.find((o) => o.trigger === 'period' && o.period.from === '2021-04-01');
      must(await prepareFiling(ctx, { obligationId: report?.id }));
      must(await changeLedgerRecord(ctx, actor, org, 'receipts', kept.id, 1, { amount: '75.00' }));
      // The draft prepared again: its content and its view replaced together.
      const filing = must(await prepareFiling(ctx, { obligationId: report?.id }));
      await receipt({ sourceId: world.jane.id, receivedOn: '2021-05-20', currency: 'KZT', amount: '700.00' });
      const r = await bothWays(filing.id);
      expect([r.viewed, r.whole]).toEqual(['view', 'whole']);
      expect(r.fromView.problems.length).toBeGreaterThanOrEqual(5);
      expect(r.fromView).toEqual(r.fromWhole);
    });
  });
}
