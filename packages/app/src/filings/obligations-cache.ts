import { ok, type ObligationInstance, type Result, type RulePack } from '@civic/core';
import { ledgerRevision } from '@civic/store';
import type { AppContext } from '../context.ts';

/**
 * Derived obligations kept per database, organisation and question (range, asOf, pack) while the
 * organisation's ledger revision stays the same. The revision is kept by database triggers on
 * every change to sources, receipts, expenditures and filings — made by this process or another —
 * so a cached answer is never older than the records. A few answers per database at most.
 */
interface Entry {
  readonly revision: bigint;
  readonly pack: RulePack;
  readonly obligations: readonly ObligationInstance[];
}

const MAX_ENTRIES = 8;
const caches = new WeakMap<object, Map<string, Entry>>();

export async function cachedObligations(
  ctx: AppContext,
  organisationId: string,
  pack: RulePack,
  question: string,
  derive: () => Promise<Result<readonly ObligationInstance[]>>,
): Promise<Result<readonly ObligationInstance[]>> {
  let cache = caches.get(ctx.store);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.store, cache);
  }
  const key = `${organisationId}\u0000${question}`;
  // Read the revision before the records: a change racing the derivation leaves a stale
  // answer under the older revision, which the next request sees has moved.
  const revision = await ledgerRevision(ctx.store.db, organisationId);
  const hit = cache.get(key);
  if (hit && hit.revision === revision && hit.pack === pack) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return ok(hit.obligations);
  }
  const derived = await derive();
  if (!derived.ok) return derived;
  cache.delete(key);
  cache.set(key, { revision, pack, obligations: derived.value });
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return derived;
}
