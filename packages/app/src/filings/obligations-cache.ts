import { mapFor, setBounded } from '@civic/core';
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
  readonly cached: CachedObligations;
}

/** A derived list, and views of it (filtered, counted) kept as long as it is. */
export interface CachedObligations {
  readonly obligations: readonly ObligationInstance[];
  view<T>(key: string, compute: (obligations: readonly ObligationInstance[]) => T): T;
}

function cachedList(obligations: readonly ObligationInstance[]): CachedObligations {
  const views = new Map<string, unknown>();
  return {
    obligations,
    view<T>(key: string, compute: (o: readonly ObligationInstance[]) => T): T {
      if (views.has(key)) return views.get(key) as T;
      const v = compute(obligations);
      setBounded(views, key, v, MAX_VIEWS);
      return v;
    },
  };
}

const MAX_ENTRIES = 8;
const MAX_VIEWS = 16;
const caches = new WeakMap<object, Map<string, Entry>>();

export async function cachedObligations(
  ctx: AppContext,
  organisationId: string,
  pack: RulePack,
  question: string,
  derive: () => Promise<Result<readonly ObligationInstance[]>>,
): Promise<Result<CachedObligations>> {
  const cache = mapFor(caches, ctx.store);
  const key = `${organisationId}\u0000${question}`;
  // Read the revision before the records: a change racing the derivation leaves a stale
  // answer under the older revision, which the next request sees has moved.
  const revision = await ledgerRevision(ctx.store.db, organisationId);
  const hit = cache.get(key);
  if (hit && hit.revision === revision && hit.pack === pack) {
    setBounded(cache, key, hit, MAX_ENTRIES); // most recently used last
    return ok(hit.cached);
  }
  const derived = await derive();
  if (!derived.ok) return derived;
  const cached = cachedList(derived.value);
  setBounded(cache, key, { revision, pack, cached }, MAX_ENTRIES);
  return ok(cached);
}
