import { lintFiling, type Result } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { changeLedgerRecord } from '../ledger/ledger-edit.ts';
import { createGrant, listSources } from '../ledger/ledger-entities.ts';
import { recordExpenditure, recordReceipt } from '../ledger/ledger-records.ts';
import { loadRateIndex } from '../ledger/official-rates.ts';
import { resolveOrganisation, type OrganisationRow } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { checkObligation } from './check-obligation.ts';
import { getFiling } from './filing-records.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { listObligations } from './list-obligations.ts';
import { allObligationsOf, readOrganisationLedger } from './organisation-ledger.ts';
import { readPeriodLedger } from './period-ledger.ts';
import { filingContentFor, prepareFiling } from './prepare-filing.ts';
import { submitFiling } from './submit-filing.ts';

// Real parts: a SQLite file and a PostgreSQL database; the seeded ledger of filing-test-ledger.ts
// (USD grant, Nauryz and New Year receipts, an expense charged to the grant) with more records in
// other periods. A filing built and linted from its period's records equals one built and linted
// from the whole ledger.

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const actor: Actor = { userId: null, label: 'period test', channel: 'cli' };
const AS_OF = '2022-03-01';

/** The lint of a filing against the whole ledger, as lintStoredFiling computed it before (the reference). */
async function wholeLedgerLint(ctx: AppContext, org: OrganisationRow, filingId: string) {
  const f = must(await getFiling(ctx, filingId));
  const whole = must(await readOrganisationLedger(ctx, org, f.content.pack.id));
  const all = must(allObligationsOf(whole, AS_OF as never));
  return lintFiling({
    content: f.content,
    submitted: f.state === 'submitted',
    receipts: whole.receipts,
    expenditures: whole.expenditures,
    grants: whole.grants,
    rates: await loadRateIndex(ctx, undefined, undefined, f.content.equivalentCurrency),
    obligation: all.find((o) => o.id === f.obligationId) ?? null,
    notifications: all.filter((o) => o.trigger === 'each-receipt'),
    corrected: null,
    asOf: AS_OF as never,
  });
}

describe.each(testDialects())('one period read on %s', (dialect) => {
  let ctx: AppContext & { close(): Promise<void> };
  let org: OrganisationRow;
  let otherGrant = '';
  beforeAll(async () => {
    ctx = await freshContext(dialect, () => new Date('2022-03-01T06:00:00Z'));
    const seeded = await seedFilingLedger(ctx);
    org = must(await resolveOrganisation(ctx, seeded.org.id));
    const [source] = await listSources(ctx, org.id);
    // Records in other periods, some charged to the grant (its balance needs the history).
    for (const on of ['2020-11-20', '2021-08-03', '2021-10-14'])
      must(
        await recordReceipt(ctx, org.id, {
          sourceId: source?.id ?? '',
          receivedOn: on,
          currency: 'KZT',
          amount: '5000.00',
        }),
      );
    for (const on of ['2021-01-15', '2021-09-01'])
      must(
        await recordExpenditure(ctx, org.id, {
          spentOn: on,
          currency: 'KZT',
          amount: '700000.00',
          allocations: [{ grantId: seeded.grant.id }],
        }),
      );
    // An expenditure charged to a grant no receipt is under: only its own period reads it.
    const other = must(
      await createGrant(ctx, org.id, {
        sourceId: source?.id ?? '',
        agreementNumber: 'OTHER-1',
        currency: 'KZT',
        amount: '50000.00',
      }),
    );
    must(
      await recordExpenditure(ctx, org.id, {
        spentOn: '2021-02-10',
        currency: 'KZT',
        amount: '1000.00',
        allocations: [{ grantId: other.id }],
      }),
    );
    otherGrant = other.id;
    // Notifications of the reports' receipts submitted late and on time, the rest missed: the
    // lint reads their states from the stored obligations (filed-late, filed-on-time, missed).
    const notices = must(await listObligations(ctx, { org: org.id, asOf: AS_OF })).obligations.filter(
      (o) => o.trigger === 'each-receipt',
    );
    const submittedOn = ['2022-01-10', null];
    for (const [i, n] of notices.slice(0, 2).entries()) {
      const day = submittedOn[i] ?? n.dueOn;
      const f = must(await prepareFiling(ctx, { obligationId: n.id }));
      must(
        await submitFiling(ctx, {
          filingId: f.id,
          submittedOn: day,
          channel: 'paper',
          incomingNumber: `N-${String(i)}`,
        }),
      );
    }
  });
  afterAll(() => ctx.close());

  it('builds every filing from its period as from the whole ledger', async () => {
    const list = must(await listObligations(ctx, { org: org.id, asOf: AS_OF })).obligations;
    expect(list.filter((o) => o.trigger === 'period').length).toBeGreaterThanOrEqual(3);
    const whole = must(await readOrganisationLedger(ctx, org));
    for (const o of list) {
      const period = await readPeriodLedger(ctx, org, whole.pack, o.period);
      expect(filingContentFor(period, o, null)).toEqual(filingContentFor(whole, o, null));
      // Only the period's receipts and those of the grants it spends from, never all of them.
      if (o.trigger === 'each-receipt') expect(period.receipts.length).toBeLessThan(whole.receipts.length);
      const other = period.expenditures.some((e) => e.allocations.some((a) => a.grantId === otherGrant));
      expect(other).toBe(o.period.from <= '2021-02-10' && o.period.to >= '2021-02-10');
    }
  });

  it('lints and checks each report as against the whole ledger, also once its records moved', async () => {
    const reports = must(await listObligations(ctx, { org: org.id, asOf: AS_OF })).obligations.filter(
      (o) => o.trigger === 'period',
    );
    const seen = new Set<string>();
    for (const o of reports) {
      const filing = must(await prepareFiling(ctx, { obligationId: o.id }));
      const scoped = must(await lintStoredFiling(ctx, { filingId: filing.id, asOf: AS_OF }));
      expect(scoped.problems).toEqual(await wholeLedgerLint(ctx, org, filing.id));
      for (const p of scoped.problems) if (p.code.startsWith('LINT_NOTIFICATION')) seen.add(p.code);
      const checked = must(await checkObligation(ctx, { org: org.id, obligationId: o.id }));
      expect(checked.problems.length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual(['LINT_NOTIFICATION_LATE', 'LINT_NOTIFICATION_MISSING']);
    // A receipt of a prepared report moves out of its period: the lint still finds it (changed).
    const filing = must(await prepareFiling(ctx, { obligationId: reports[reports.length - 1]?.id ?? '' }));
    const moved = filing.content.receipts[0];
    expect(moved).toBeDefined();
    must(
      await changeLedgerRecord(ctx, actor, org.id, 'receipts', moved?.id ?? '', 1, {
        receivedOn: '2020-12-30',
      }),
    );
    const after = must(await lintStoredFiling(ctx, { filingId: filing.id, asOf: AS_OF }));
    expect(after.problems.map((p) => p.code)).toContain('LINT_RECORD_CHANGED');
    expect(after.problems).toEqual(await wholeLedgerLint(ctx, org, filing.id));
  });
});
