import { calendarDate, lintFiling, parseCalendarDate, ok, type LintProblem, type Result } from '@civic/core';
import type { AppContext } from '../context.ts';
import { loadRateIndex } from '../ledger/official-rates.ts';
import { resolveOrganisation } from '../organisations.ts';
import { getFiling } from './filing-records.ts';
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
  const f = await getFiling(ctx, input.filingId);
  if (!f.ok) return f;
  const asked = input.asOf ? parseCalendarDate(input.asOf, 'as-of') : null;
  if (asked && !asked.ok) return asked;
  const org = await resolveOrganisation(ctx, f.value.organisation);
  if (!org.ok) return org;
  const pack = await packFor(org.value, input.pack ?? f.value.content.pack.id);
  if (!pack.ok) return pack;
  const asOf = asked ? asked.value : today(ctx, pack.value);
  const shown = f.value.content.obligation.period;
  const period = { from: calendarDate(shown.from), to: calendarDate(shown.to) };
  const scoped = periodScoped(pack.value);
  const receiptIds = f.value.content.receipts.map((r) => r.id);
  // The period's records and the history its checks need (the whole ledger for a pack whose
  // obligations are not stored).
  const ledger = scoped
    ? ok(
        await readPeriodLedger(ctx, org.value, pack.value, period, {
          receiptIds,
          expenditureIds: f.value.content.expenditures.map((e) => e.id),
          grantIds: f.value.content.expenditures.flatMap((e) => e.allocations.map((a) => a.grantId)),
        }),
      )
    : await readOrganisationLedger(ctx, org.value, pack.value.id);
  if (!ledger.ok) return ledger;
  const found = await obligationsFor(
    ctx,
    ledger.value,
    f.value.obligationId,
    asOf,
    scoped,
    period,
    receiptIds,
  );
  if (!found.ok) return found;
  const corrected = f.value.corrects ? await getFiling(ctx, f.value.corrects) : null;
  const problems = lintFiling({
    content: f.value.content,
    submitted: f.value.state === 'submitted',
    receipts: ledger.value.receipts,
    expenditures: ledger.value.expenditures,
    grants: ledger.value.grants,
    // The rates quoted in the filing's equivalent currency (the NBK's for KZT, the RBI's for INR).
    rates: await loadRateIndex(ctx, undefined, undefined, f.value.content.equivalentCurrency),
    obligation: found.value.obligation,
    notifications: found.value.notifications,
    corrected: corrected && corrected.ok ? corrected.value.content : null,
    asOf,
  });
  return ok({
    filingId: f.value.id,
    state: f.value.state,
    asOf,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  });
}
