import { lintFiling, ok, type LintProblem, type Result } from '@civic/core';
import type { AppContext } from '../context.ts';
import { loadRateIndex } from '../ledger/official-rates.ts';
import { obligationsFor } from './obligations-for.ts';
import { today } from './organisation-ledger.ts';
import { periodScoped } from './period-ledger.ts';
import { filingContentFor, findObligation } from './prepare-filing.ts';

export interface ObligationCheck {
  readonly obligationId: string;
  readonly asOf: string;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly LintProblem[];
}

/**
 * Checks an obligation before any filing is prepared: the filing's content is built from the
 * ledger as it is now (as `prepareFiling` would, nothing stored) and linted like a draft. Each
 * problem names the records at fault, so the page can open the form that fixes it and check again.
 */
export async function checkObligation(
  ctx: AppContext,
  input: { org: string; obligationId: string },
): Promise<Result<ObligationCheck>> {
  const found = await findObligation(ctx, input);
  if (!found.ok) return found;
  const { ledger, obligation } = found.value;
  const asOf = today(ctx, ledger.pack);
  const content = filingContentFor(ledger, obligation, null);
  const around = await obligationsFor(
    ctx,
    ledger,
    obligation.id,
    asOf > obligation.period.to ? asOf : obligation.period.to,
    periodScoped(ledger.pack),
    obligation.period,
    content.receipts.map((r) => r.id),
  );
  if (!around.ok) return around;
  const problems = lintFiling({
    content,
    submitted: false,
    receipts: ledger.receipts,
    expenditures: ledger.expenditures,
    grants: ledger.grants,
    rates: await loadRateIndex(ctx),
    obligation,
    notifications: around.value.notifications,
    corrected: null,
    asOf,
  });
  return ok({
    obligationId: obligation.id,
    asOf,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  });
}
