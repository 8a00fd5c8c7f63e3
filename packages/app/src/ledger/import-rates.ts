import { createHash } from 'node:crypto';
import {
  buildRateIndex,
  computeEquivalent,
  domainError,
  err,
  makeOfficialRate,
  ok,
  receiptAmount,
  receiptRateDate,
  type CurrencyCode,
  type OfficialRate,
  type RateIndex,
  type Result,
} from '@civic/core';
import { parseRates } from '@civic/formats';
import {
  inTransaction,
  insertImportBatch,
  listExpendituresNotOfficial,
  listOfficialRates,
  listReceiptsNotOfficial,
  updateExpenditureKzt,
  updateImportBatchCounts,
  updateReceiptKzt,
  upsertOfficialRates,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { kztShares } from './ledger-records.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { equivalentCurrencyOf } from './official-rates.ts';
import { audited } from '../audit/audited.ts';

export interface ImportRatesResult {
  readonly read: number;
  readonly imported: number;
  /** Already stored with the same rate. */
  readonly duplicates: number;
  /** Stored before with another rate, now replaced. */
  readonly updated: number;
  readonly currencies: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  /** Receipts and expenditures whose KZT equivalent changed (a missing or carried-forward rate now known). */
  readonly recomputed: number;
}

/**
 * Imports official rates (NBK daily XML or CSV `date,currency,rate,units`) in one transaction,
 * then recomputes the KZT equivalents that were missing or carried forward and now have a better
 * rate. Rates are shared by every organisation of the database.
 */
export async function importRates(
  ctx: AppContext,
  input: { bytes: Uint8Array; fileName: string; pack?: string | undefined },
): Promise<Result<ImportRatesResult>> {
  return audited(
    ctx,
    (tx) => importRatesNow(tx, input),
    (r) => ({
      entity: 'official-rate',
      entityId: input.fileName,
      action: 'import',
      organisationId: null,
      after: { fileName: input.fileName, ...r },
    }),
  );
}

async function importRatesNow(
  ctx: AppContext,
  input: { bytes: Uint8Array; fileName: string; pack?: string | undefined },
): Promise<Result<ImportRatesResult>> {
  // With a pack, the rates are its authority's reference rates, quoted in its currency.
  let base = 'KZT';
  let authority: string | null = null;
  if (input.pack !== undefined) {
    const pack = await loadRulePack(input.pack);
    if (!pack.ok) return err({ ...pack.error, field: 'pack' });
    base = pack.value.currency;
    authority = pack.value.exchangeRates?.code ?? base;
  }
  const parsed = parseRates(input.bytes, { fileName: input.fileName, unitsOptional: authority !== null });
  if (!parsed.ok) return parsed;
  const rates: OfficialRate[] = [];
  for (const p of parsed.value) {
    const r = makeOfficialRate({
      date: p.date,
      currency: p.currency,
      rate: p.rate,
      units: p.units,
      // A CSV without a `source` column takes the pack's authority (RBI), not the file's name.
      source: authority !== null && p.source.startsWith('csv:') ? authority : p.source,
      base,
    });
    if (!r.ok) return err({ ...r.error, file: input.fileName, line: p.line });
    rates.push(r.value);
  }
  if (rates.length === 0)
    return err(domainError('RATES_EMPTY', 'the file holds no rate', { file: input.fileName }));
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const batchId = newId('imp');
  const dates = rates.map((r) => r.date).sort();
  return inTransaction(ctx.store, async (tx) => {
    await insertImportBatch(tx.db, {
      id: batchId,
      organisationId: null,
      kind: 'rates',
      fileName: input.fileName,
      format: 'rates',
      sha256,
      encoding: null,
      read: rates.length,
      imported: 0,
      duplicates: 0,
      candidates: 0,
      importedAt: ctx.now().toISOString(),
    });
    const counts = await upsertOfficialRates(tx.db, rates, batchId, base);
    await updateImportBatchCounts(tx.db, batchId, {
      imported: counts.imported + counts.updated,
      duplicates: counts.unchanged,
      candidates: 0,
    });
    const recomputed = await recomputeKztEquivalents({ ...ctx, store: tx });
    return ok({
      read: rates.length,
      imported: counts.imported,
      duplicates: counts.unchanged,
      updated: counts.updated,
      currencies: [...new Set(rates.map((r) => r.currency))].sort(),
      from: dates[0] ?? null,
      to: dates.at(-1) ?? null,
      recomputed,
    });
  });
}

/** Recomputes KZT equivalents not at an official rate of their own date; returns how many changed. */
export async function recomputeKztEquivalents(ctx: AppContext): Promise<number> {
  const receipts = await listReceiptsNotOfficial(ctx.store.db);
  const expenditures = await listExpendituresNotOfficial(ctx.store.db);
  if (receipts.length === 0 && expenditures.length === 0) return 0;
  // Each organisation's equivalents are in its pack's currency, at the rates quoted in it.
  const bases = new Map<string, string>();
  const indexes = new Map<string, RateIndex>();
  const indexOf = async (org: string): Promise<{ base: CurrencyCode; index: RateIndex }> => {
    const base = bases.get(org) ?? (await equivalentCurrencyOf(ctx, org));
    bases.set(org, base);
    const index = indexes.get(base) ?? buildRateIndex(await listOfficialRates(ctx.store.db, { base }));
    indexes.set(base, index);
    return { base: base as CurrencyCode, index };
  };
  let changed = 0;
  for (const r of receipts) {
    const amount = receiptAmount(r.content);
    if (!amount) continue;
    const { base, index } = await indexOf(r.organisationId);
    const kzt = computeEquivalent(amount, receiptRateDate(r.content, r.receivedOn), index, base);
    if (kzt.status === r.kzt.status && kzt.kzt === r.kzt.kzt && kzt.rate?.date === r.kzt.rate?.date) continue;
    await updateReceiptKzt(ctx.store.db, r.id, kzt);
    changed += 1;
  }
  for (const e of expenditures) {
    const { base, index } = await indexOf(e.organisationId);
    const kzt = computeEquivalent(e.amount, e.spentOn, index, base);
    if (kzt.status === e.kzt.status && kzt.kzt === e.kzt.kzt && kzt.rate?.date === e.kzt.rate?.date) continue;
    const shares = kztShares(kzt.kzt, e.allocations);
    await updateExpenditureKzt(
      ctx.store.db,
      e.id,
      kzt,
      e.allocations.map((a, i) => ({ grantId: a.grantId, kztMinor: shares[i] ?? null })),
    );
    changed += 1;
  }
  return changed;
}
