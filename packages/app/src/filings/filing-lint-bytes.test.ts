import { createHash } from 'node:crypto';
import { makeOfficialRate } from '@civic/core';
import { upsertOfficialRates } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/with-audit.ts';
import { createSource } from '../ledger/ledger-entities.ts';
import { changeLedgerRecord, removeLedgerRecord } from '../ledger/ledger-edit.ts';
import { recordExpenditure, recordReceipt } from '../ledger/ledger-records.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { listObligations } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';

const actor: Actor = { userId: null, label: 'lint bytes test', channel: 'cli' };
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** The findings with their random ids numbered by first appearance. */
function normalised(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/\b[a-z]{3}_[0-9a-f]{32}\b/g, (id) => {
    if (!seen.has(id)) seen.set(id, `id${String(seen.size + 1)}`);
    return seen.get(id) ?? id;
  });
}

// A half-year's report with findings of many kinds (a source without a country, a carried-forward
// rate, a duplicate, lines without a grant, an expense beyond its grant's balance and agreed
// amount, a rate no longer official, a record changed and one removed since preparing, a receipt
// left out, notifications missed), linted byte for byte as before lint was made faster (issue 17):
// the digest recorded from the code before the change.
const GOLDEN = '11073fdd70118731864d9b8554ee9d3b39f17d3974e8e3d198afbbebb92f4bf0';

for (const dialect of testDialects()) {
  describe(`a report's lint findings on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let findings = '';
    beforeAll(async () => {
      let clock = Date.parse('2021-09-01T10:00:00.000Z');
      ctx = await freshContext(dialect, () => new Date((clock += 1000)));
      const world = await seedFilingLedger(ctx);
      const org = world.org.id;
      const noCountry = must(
        await createSource(ctx, org, { name: 'Иван Петров', category: 'foreign-citizen', country: null }),
      );
      const receipt = async (input: Parameters<typeof recordReceipt>[2]) =>
        must(await recordReceipt(ctx, org, input));
      await receipt({
        sourceId: noCountry.id,
        receivedOn: '2021-04-05',
        currency: 'KZT',
        amount: '50000.00',
      });
      await receipt({
        sourceId: world.osf.id,
        grantId: world.grant.id,
        receivedOn: '2021-06-01',
        currency: 'USD',
        amount: '5000.00',
      });
      await receipt({ sourceId: world.osf.id, receivedOn: '2021-04-12', currency: 'USD', amount: '120.00' });
      const changed = await receipt({
        sourceId: world.osf.id,
        receivedOn: '2021-04-02',
        currency: 'KZT',
        amount: '7000.00',
      });
      const removed = await receipt({
        sourceId: world.jane.id,
        receivedOn: '2021-05-05',
        currency: 'KZT',
        amount: '9000.00',
      });
      must(
        await recordExpenditure(ctx, org, {
          spentOn: '2021-05-10',
          currency: 'USD',
          amount: '30000.00',
          description: 'Оборудование',
          allocations: [{ grantId: world.grant.id }],
        }),
      );
      const list = must(
        await listObligations(ctx, { asOf: '2021-08-01', from: '2021-01-01', to: '2021-06-30' }),
      );
      const report = list.obligations.find((o) => o.trigger === 'period' && o.period.from === '2021-04-01');
      const filing = must(await prepareFiling(ctx, { obligationId: report?.id }));
      // The ledger moves on after preparing.
      const rate = must(
        makeOfficialRate({ date: '2021-06-01', currency: 'USD', rate: '431.15', source: 'NBK' }),
      );
      await upsertOfficialRates(ctx.store.db, [rate], null);
      must(await changeLedgerRecord(ctx, actor, org, 'receipts', changed.id, 1, { amount: '7500.00' }));
      must(await removeLedgerRecord(ctx, actor, org, 'receipts', removed.id));
      await receipt({
        sourceId: world.osf.id,
        grantId: world.grant.id,
        receivedOn: '2021-05-20',
        currency: 'USD',
        amount: '700.00',
      });
      findings = JSON.stringify(
        must(await lintStoredFiling(ctx, { filingId: filing.id, asOf: '2021-08-01' })),
      );
    });
    afterAll(async () => ctx.close());

    it('finds problems of many kinds', () => {
      const codes = new Set(
        (JSON.parse(findings) as { problems: { code: string }[] }).problems.map((p) => p.code),
      );
      expect(codes.size).toBeGreaterThanOrEqual(8);
    });

    it('says exactly what it said before', () => {
      expect(sha256(normalised(findings))).toBe(GOLDEN);
    });
  });
}
