import { mapFor, setBounded } from '@civic/core';
import { incidentStamp } from '@civic/store';
import type { AppContext } from '../context.ts';

/**
 * Answers kept per database while no incident in it changed (the store's incidentStamp): on SQLite
 * the database's data stamp, which moves on any write by this connection and on any commit by
 * another process; on PostgreSQL a row that a trigger moves on every write of the incident table,
 * in the writing transaction, whichever process writes. A kept answer never outlives a change.
 */
export class StampedAnswers<T> {
  private readonly caches = new WeakMap<object, Map<string, { readonly stamp: string; readonly value: T }>>();
  constructor(private readonly max: number) {}

  /** The incidents' stamp: read it before the reads an answer is made of (a racing write then leaves the answer under the older stamp). */
  stampOf(ctx: AppContext): Promise<string | undefined> {
    return incidentStamp(ctx.store.db);
  }

  /** Forgets every answer kept for this database (a measurement of the work itself). */
  forget(ctx: AppContext): void {
    this.caches.delete(ctx.store);
  }

  /** The answer kept for the key at `stamp`, else `compute`'s, kept when there is a stamp. */
  async answer(
    ctx: AppContext,
    stamp: string | undefined,
    keyOf: () => string,
    compute: () => Promise<T>,
  ): Promise<T> {
    // Without a stamp (a busy SQLite connection) nothing is kept: the key is not even made.
    if (stamp === undefined) return compute();
    const key = keyOf();
    const cache = mapFor(this.caches, ctx.store);
    const hit = cache.get(key);
    if (hit?.stamp === stamp) return hit.value;
    const value = await compute();
    setBounded(cache, key, { stamp, value }, this.max);
    return value;
  }
}
