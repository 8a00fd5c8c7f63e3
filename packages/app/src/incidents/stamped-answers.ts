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

  /** Forgets every answer kept for this database (a measurement of the work itself). */
  forget(ctx: AppContext): void {
    this.caches.delete(ctx.store);
  }

  /**
   * The answer kept for the key while the incidents' stamp is the one it was kept under, else
   * `compute`'s, kept under a stamp no newer than its data: read before it, or `stampOf` the answer
   * when it tells its own (a search page carries the stamp of its read, so on PostgreSQL a question
   * not kept costs no extra round trip). Nothing is kept without a stamp.
   */
  async answer(
    ctx: AppContext,
    key: string,
    compute: () => Promise<T>,
    stampOf?: (answer: T) => string | undefined,
  ): Promise<T> {
    const cache = mapFor(this.caches, ctx.store);
    const hit = cache.get(key);
    const before = hit !== undefined || stampOf === undefined ? await incidentStamp(ctx.store.db) : undefined;
    if (hit !== undefined && before !== undefined && hit.stamp === before) return hit.value;
    const value = await compute();
    const stamp = before ?? stampOf?.(value);
    if (stamp !== undefined) setBounded(cache, key, { stamp, value }, this.max);
    return value;
  }
}
