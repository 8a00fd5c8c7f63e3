import { lintFiling, parseCalendarDate, ok, type LintProblem, type Result } from '@civic/core';
import type { AppContext } from '../context.ts';
import { loadRateIndex } from '../ledger/official-rates.ts';
import { resolveOrganisation } from '../organisations.ts';
import { getFiling } from './filing-records.ts';
import { allObligationsOf, readOrganisationLedger, today } from './organisation-ledger.ts';

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
  const ledger = await readOrganisationLedger(ctx, org.value, input.pack ?? f.value.content.pack.id);
  if (!ledger.ok) return ledger;
  const asOf = { value: asked ? asked.value : today(ctx, ledger.value.pack) };
  const obligations = allObligationsOf(ledger.value, asOf.value);
  if (!obligations.ok) return obligations;
  const corrected = f.value.corrects ? await getFiling(ctx, f.value.corrects) : null;
  const problems = lintFiling({
    content: f.value.content,
    submitted: f.value.state === 'submitted',
    receipts: ledger.value.receipts,
    expenditures: ledger.value.expenditures,
    grants: ledger.value.grants,
    // The rates quoted in the filing's equivalent currency (the NBK's for KZT, the RBI's for INR).
    rates: await loadRateIndex(ctx, undefined, undefined, f.value.content.equivalentCurrency),
    obligation: obligations.value.find((o) => o.id === f.value.obligationId) ?? null,
    notifications: obligations.value.filter((o) => o.trigger === 'each-receipt'),
    corrected: corrected && corrected.ok ? corrected.value.content : null,
    asOf: asOf.value,
  });
  return ok({
    filingId: f.value.id,
    state: f.value.state,
    asOf: asOf.value,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  });
}
