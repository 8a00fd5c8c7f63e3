import { addDays, calendarDate, type CalendarDate, type ObligationInstance } from '@civic/core';
import type { AppContext } from '../context.ts';
import { prepareFilingFor } from '../filings/prepare-filing.ts';
import { submitFiling } from '../filings/submit-filing.ts';
import { allObligationsOf, readOrganisationLedger } from '../filings/organisation-ledger.ts';
import { organisations } from '../organisations.ts';
import type { DemoStep } from './seed-demo.ts';

/** The day the demo's statuses are read on: the end of the ledgers' last year. */
export const DEMO_FILINGS_AS_OF = calendarDate('2021-12-31');

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(`demo filings: ${r.error.message}`);
  return r.value;
};

/**
 * How each demo obligation was met. ILLUSTRATIVE: no public source gives these organisations'
 * filings; the pattern is made up so every status can be seen and checked against the due days
 * (`civic obligations --as-of 2021-12-31`): most on time, every fourth notification late by four
 * days, every seventh obligation never filed (missed), and one report per organisation submitted
 * on time without its last receipt and corrected later.
 */
function plan(o: ObligationInstance, index: number): { on: CalendarDate } | null {
  if (o.dueOn > DEMO_FILINGS_AS_OF) return null;
  if (index % 7 === 6) return null;
  if (o.trigger === 'each-receipt' && index % 4 === 3) return { on: addDays(o.dueOn, 4) };
  const early = addDays(o.dueOn, -2);
  return { on: early < o.period.to ? o.period.to : early };
}

/** Submitted filings (on time, late, one correction each) for the demo organisations' obligations. */
export const seedDemoFilings: DemoStep = {
  name: 'filings',
  async run(ctx: AppContext) {
    const counts = { filings: 0, filingsLate: 0, filingsCorrected: 0, obligationsMissed: 0 };
    for (const org of await organisations(ctx)) {
      const ledger = await readOrganisationLedger(ctx, org);
      if (!ledger.ok) continue;
      const obligations = must(allObligationsOf(ledger.value, DEMO_FILINGS_AS_OF)).filter(
        (o) => o.dueOn <= DEMO_FILINGS_AS_OF,
      );
      let corrected = false;
      for (const [i, o] of obligations.entries()) {
        const p = plan(o, i);
        if (!p) {
          counts.obligationsMissed += 1;
          continue;
        }
        // The one corrected report: its original left out the period's last receipt (recorded
        // late, as it were); the correction reports it.
        const correct = !corrected && o.trigger === 'period' && o.receiptIds.length >= 1;
        const left = correct ? o.receiptIds.slice(0, -1) : o.receiptIds;
        const asFiled = correct
          ? {
              ...ledger.value,
              receipts: ledger.value.receipts.filter(
                (r) => left.includes(r.id) || !o.receiptIds.includes(r.id),
              ),
            }
          : ledger.value;
        const f = must(await prepareFilingFor(ctx, asFiled, { ...o, receiptIds: left }, null));
        // Illustrative incoming numbers in digits (no language's letters): the filing says it is a demo.
        const number = `${String(1000 + counts.filings).padStart(5, '0')}/${p.on.slice(0, 4)}`;
        must(
          await submitFiling(ctx, {
            filingId: f.id,
            submittedOn: p.on,
            channel: 'cabinet.salyk.kz',
            incomingNumber: number,
          }),
        );
        counts.filings += 1;
        if (p.on > o.dueOn) counts.filingsLate += 1;
        if (correct) {
          corrected = true;
          const c = must(await prepareFilingFor(ctx, ledger.value, o, f.id));
          must(
            await submitFiling(ctx, {
              filingId: c.id,
              submittedOn: addDays(p.on, 20),
              channel: 'cabinet.salyk.kz',
              incomingNumber: `${number}-2`,
            }),
          );
          counts.filingsCorrected += 1;
        }
      }
    }
    return counts;
  },
};
