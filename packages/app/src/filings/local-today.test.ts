import type { ObligationInstance } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshContext, testDialects } from '../test-support.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { listObligations } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';
import { submitFiling } from './submit-filing.ts';

// Real parts: the app's use cases on a real SQLite file and a real PostgreSQL database; the real
// kz pack with its time zone. The clock is the context's, set by each test.
for (const dialect of testDialects()) {
  describe(`"today" is the date in Almaty, not in UTC, on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let world: Awaited<ReturnType<typeof seedFilingLedger>>;
    let clock = Date.parse('2021-03-20T10:00:00.000Z');
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date(clock));
      world = await seedFilingLedger(ctx);
    });
    afterAll(async () => ctx.close());

    const notification = (list: readonly ObligationInstance[]) =>
      list.find((o) => o.trigger === 'each-receipt' && o.receiptIds.includes(world.receipts.nauryz.id));

    it('defaults the as-of day of obligations to the Almaty date between 00:00 and 06:00 local', async () => {
      // 2021-04-05 is the notification's due day; at 18:30 UTC on the 5th it is 00:30 on the 6th in Almaty (+06:00).
      clock = Date.parse('2021-04-05T17:30:00Z');
      const before = await listObligations(ctx, { from: '2021-03-01', to: '2021-04-30' });
      expect(before.ok && before.value.asOf).toBe('2021-04-05');
      expect(before.ok && notification(before.value.obligations)?.status).toBe('due');
      clock = Date.parse('2021-04-05T18:30:00Z');
      const after = await listObligations(ctx, { from: '2021-03-01', to: '2021-04-30' });
      expect(after.ok && after.value.asOf).toBe('2021-04-06');
      expect(after.ok && notification(after.value.obligations)?.status).toBe('missed');
    });

    it('accepts a submission on the Almaty day at 01:30 local (still the day before in UTC), refuses the next day', async () => {
      clock = Date.parse('2021-04-05T10:00:00Z');
      const list = await listObligations(ctx, { from: '2021-03-01', to: '2021-04-30' });
      const n = list.ok ? notification(list.value.obligations) : undefined;
      const prepared = await prepareFiling(ctx, { obligationId: n?.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      // 01:30 on 2021-04-06 in Almaty = 19:30 on 2021-04-05 UTC.
      clock = Date.parse('2021-04-05T19:30:00Z');
      const lint = await lintStoredFiling(ctx, { filingId: prepared.value.id });
      expect(lint.ok).toBe(true);
      const tomorrow = await submitFiling(ctx, {
        filingId: prepared.value.id,
        submittedOn: '2021-04-07',
        channel: 'paper',
        incomingNumber: '1',
      });
      expect(tomorrow).toMatchObject({
        ok: false,
        error: { code: 'FILING_SUBMISSION_INVALID', field: 'on' },
      });
      const sameDay = await submitFiling(ctx, {
        filingId: prepared.value.id,
        submittedOn: '2021-04-06',
        channel: 'paper',
        incomingNumber: '2',
      });
      expect(sameDay.ok, sameDay.ok ? '' : sameDay.error.message).toBe(true);
    });
  });
}
