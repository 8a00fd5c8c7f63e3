import { calendarDate as d } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFilingLedger } from '../filings/filing-test-ledger.ts';
import { listObligations } from '../filings/list-obligations.ts';
import { prepareFiling } from '../filings/prepare-filing.ts';
import { submitFiling } from '../filings/submit-filing.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { caseCheckView, checkCase } from './case-check.ts';
import { createCase } from './cases.ts';

// A real ledger, a notification prepared from it and submitted on time (through the filings use
// cases and the hash-chained log), then a case alleging the notification was never filed.
for (const dialect of testDialects()) {
  describe(`the allegation against the organisation's filings on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let seeded: Awaited<ReturnType<typeof seedFilingLedger>>;
    let filingId = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-06-20T09:00:00Z'));
      seeded = await seedFilingLedger(ctx);
      const obligations = await listObligations(ctx, { org: seeded.org.id, asOf: '2021-06-20' });
      if (!obligations.ok) throw new Error(obligations.error.message);
      const notice = obligations.value.obligations.find(
        (o) => o.trigger === 'each-receipt' && o.receiptIds.includes(seeded.receipts.nauryz.id),
      );
      if (!notice) throw new Error('no notification obligation for the Nauryz receipt');
      const prepared = await prepareFiling(ctx, { obligationId: notice.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      filingId = prepared.value.id;
      const submitted = await submitFiling(ctx, {
        filingId,
        submittedOn: '2021-03-25',
        channel: 'paper',
        incomingNumber: 'KGD-2021-777',
      });
      if (!submitted.ok) throw new Error(submitted.error.message);
    });
    afterAll(async () => ctx.close());

    const ruling = (alleges: 'not-filed' | 'inaccurate') => ({
      kind: 'ruling' as const,
      rulingOn: d('2021-05-10'),
      servedOn: d('2021-05-10'),
      proceedingsStartedOn: d('2021-05-01'),
      article: '460-1',
      tier: 'failure-to-notify',
      offender: 'legal-entity',
      offence: { what: 'notification of the 17 Mar 2021 receipt', committedOn: d('2021-04-01'), alleges },
      penalty: { mci: 100, amount: '291700' },
    });

    it('names the notification filed on time as contradicting "not filed", with its log entry as exhibit', async () => {
      const c = await createCase(
        ctx,
        {
          title: 'Notification claim',
          pack: 'kz',
          actions: [ruling('not-filed')],
          links: [{ kind: 'receipt', targetId: seeded.receipts.nauryz.id }],
        },
        { organisation: seeded.org.id },
      );
      if (!c.ok) throw new Error(c.error.message);
      const r = await checkCase(ctx, c.value.id, { asOf: d('2021-06-20') });
      if (!r.ok) throw new Error(r.error.message);
      const v = caseCheckView(r.value);
      expect(v.findings.find((f) => f.code === 'RECORD_CONTRADICTS_ALLEGATION')?.message).toContain(filingId);
      expect(v.exhibits).toEqual([
        expect.objectContaining({
          filingId,
          incomingNumber: 'KGD-2021-777',
          submittedOn: '2021-03-25',
          contradicts: true,
        }),
      ]);
      expect(v.exhibits[0]?.description).toMatch(/recorded in the hash-chained log as entry \d+/);
      expect(v.favoursDefence).toBe(true);
    });

    it('against "inaccurate", a filing whose hash verifies and that the ledger still gives contradicts it', async () => {
      const c = await createCase(
        ctx,
        {
          title: 'Accuracy claim',
          pack: 'kz',
          actions: [ruling('inaccurate')],
          links: [{ kind: 'filing', targetId: filingId }],
        },
        { organisation: seeded.org.id },
      );
      if (!c.ok) throw new Error(c.error.message);
      const r = await checkCase(ctx, c.value.id, { asOf: d('2021-06-20') });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.check.findings.map((f) => f.code)).toContain('RECORD_CONTRADICTS_ALLEGATION');
    });
  });
}
