import { addDays, calendarDate, currentStep, earliestDueWithStep } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { listObligations } from '../filings/list-obligations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { dueObligations, organisationsByPack } from './notification-sources.ts';

// A reminder run reads only the open obligations due from earliestDueWithStep on (a million-receipt
// organisation has a notification per receipt): on the demo ledger, on days across its history, it
// gets exactly the open obligations of the whole list due from then, and none it leaves out could
// still be reminded of today. Real parts: the demo on SQLite and PostgreSQL.
for (const dialect of testDialects()) {
  describe(`the obligations a reminder run reads, on ${dialect}`, { timeout: 120_000 }, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      await seedDemo(ctx);
    }, 120_000);
    afterAll(async () => ctx.close());

    it('the open obligations due from the earliest day with a step, and nothing left out that is current', async () => {
      const open = new Set(['upcoming', 'due', 'missed']);
      let read = 0;
      let left = 0;
      for (const group of await organisationsByPack(ctx))
        for (const day of [
          '2020-11-20',
          '2021-01-11',
          '2021-02-08',
          '2021-02-16',
          '2021-07-05',
          '2022-03-01',
        ]) {
          const today = calendarDate(day);
          const got = await dueObligations(ctx, group.organisations, group.pack, today);
          if (!got.ok) throw new Error(got.error.message);
          const first = earliestDueWithStep(group.pack, today);
          const expected = [];
          for (const o of group.organisations) {
            const all = await listObligations(ctx, {
              org: o.id,
              asOf: today,
              to: addDays(today, 31),
              pack: group.pack.id,
            });
            if (!all.ok) throw new Error(all.error.message);
            for (const x of all.value.obligations) {
              if (!open.has(x.status)) continue;
              if (x.dueOn >= first) expected.push(`${o.id}|${x.id}|${x.dueOn}`);
              else {
                left += 1;
                // Whatever reminder days an organisation sets (1 to 60 working days).
                expect(currentStep(group.pack, today, x.dueOn, [60, 30, 5, 1], true)).toBeNull();
              }
            }
          }
          const ids = got.value.map((x) => `${x.organisationId}|${x.id}|${x.dueOn}`);
          expect(ids.sort()).toEqual(expected.sort());
          expect(got.value.every((x) => x.open)).toBe(true);
          read += ids.length;
        }
      // The demo has both: obligations read and old ones left out.
      expect(read).toBeGreaterThan(0);
      expect(left).toBeGreaterThan(0);
    });
  });
}
