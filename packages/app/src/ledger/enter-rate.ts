import { makeOfficialRate, ok, type OfficialRate, type Result } from '@civic/core';
import { upsertOfficialRates } from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { recomputeKztEquivalents } from './import-rates.ts';
import { equivalentCurrencyOf } from './official-rates.ts';

/**
 * Enters one official rate by hand (KZT per `units` of a currency on a day, with its source: by default the National Bank, NBK, as the XML import names it), as
 * an accountant copies it from the National Bank's page when no file is at hand. Same rules as a
 * rates file; a rate for that day and currency already stored is replaced. KZT equivalents that
 * were missing or carried forward are recomputed in the same transaction. Audited.
 */
export async function enterOfficialRate(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  input: { date: string; currency: string; rate: string; units?: number; source?: string },
): Promise<Result<{ rate: OfficialRate; recomputed: number }>> {
  const base = await equivalentCurrencyOf(ctx, organisationId);
  const r = makeOfficialRate({
    base,
    date: input.date,
    currency: input.currency.trim().toUpperCase(),
    rate: input.rate.trim().replace(',', '.'),
    units: input.units ?? 1,
    source: input.source?.trim() || 'NBK',
  });
  if (!r.ok) return r;
  return withAudit(ctx, actor, async (tx, audit) => {
    // Quoted in the organisation's equivalent currency (its pack's: KZT, the NBK's, for kz).
    await upsertOfficialRates(tx.store.db, [r.value], null, base);
    const recomputed = await recomputeKztEquivalents(tx);
    await audit.record({
      entity: 'official-rate',
      entityId: `${r.value.currency}:${r.value.date}`,
      action: 'create',
      organisationId,
      after: { ...r.value, recomputed },
    });
    return ok({ rate: r.value, recomputed });
  });
}
