import {
  calendarDate,
  lintFiling,
  lintFilingView,
  parseCalendarDate,
  ok,
  type LintProblem,
  type Result,
} from '@civic/core';
import type { AppContext } from '../context.ts';
import { loadRateIndex } from '../ledger/official-rates.ts';
import { resolveOrganisation } from '../organisations.ts';
import { getFiling } from './filing-records.ts';
import { getLintedFiling } from './linted-filing.ts';
import { obligationsFor } from './obligations-for.ts';
import { packFor, readOrganisationLedger, today } from './organisation-ledger.ts';
import { periodScoped, readPeriodLedger } from './period-ledger.ts';

export interface FilingLint {
  readonly filingId: string;
  readonly state: 'draft' | 'submitted';
  readonly asOf: string;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly LintProblem[];
}

/**
 * Lints a stored filing against the ledger as it is now (see core lintFiling): the obligation and
 * the notifications are recomputed, every equivalent rechecked against the official rates.
 */
export async function lintStoredFiling(
  ctx: AppContext,
  input: { filingId: string; asOf?: string | undefined; pack?: string | undefined },
): Promise<Result<FilingLint>> {
  const linted = await getLintedFiling(ctx, input.filingId);
  if (!linted.ok) return linted;
  const filing = linted.value.record;
  const asked = input.asOf ? parseCalendarDate(input.asOf, 'as-of') : null;
  if (asked && !asked.ok) return asked;
  const org = await resolveOrganisation(ctx, filing.organisation);
  if (!org.ok) return org;
  const pack = await packFor(org.value, input.pack ?? filing.content.pack.id);
  if (!pack.ok) return pack;
  const asOf = asked ? asked.value : today(ctx, pack.value);
  const shown = filing.content.obligation.period;
  const period = { from: calendarDate(shown.from), to: calendarDate(shown.to) };
  const scoped = periodScoped(pack.value);
  const receiptIds = filing.content.receipts.map((r) => r.id);
  // The period's records and the history its checks need (the whole ledger for a pack whose
  // obligations are not stored).
  const ledger = scoped
    ? ok(
        await readPeriodLedger(ctx, org.value, pack.value, period, {
          receiptIds,
          expenditureIds: filing.content.expenditures.map((e) => e.id),
          grantIds: filing.content.expenditures.flatMap((e) => e.allocations.map((a) => a.grantId)),
        }),
      )
    : await readOrganisationLedger(ctx, org.value, pack.value.id);
  if (!ledger.ok) return ledger;
  const found = await obligationsFor(
    ctx,
    ledger.value,
    filing.obligationId,
    asOf,
    scoped,
    period,
    receiptIds,
  );
  if (!found.ok) return found;
  const against = {
    submitted: filing.state === 'submitted',
    receipts: ledger.value.receipts,
    expenditures: ledger.value.expenditures,
    grants: ledger.value.grants,
    // The rates quoted in the filing's equivalent currency (the NBK's for KZT, the RBI's for INR).
    rates: await loadRateIndex(ctx, undefined, undefined, filing.content.equivalentCurrency),
    obligation: found.value.obligation,
    notifications: found.value.notifications,
    asOf,
  };
  let problems: LintProblem[];
  if (linted.value.kind === 'view')
    problems = lintFilingView({ ...against, content: linted.value.record.content });
  else {
    const corrected = filing.corrects ? await getFiling(ctx, filing.corrects) : null;
    problems = lintFiling({
      ...against,
      content: linted.value.record.content,
      corrected: corrected && corrected.ok ? corrected.value.content : null,
    });
  }
  return ok({
    filingId: filing.id,
    state: filing.state,
    asOf,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  });
}
