import { dataStamp, type SessionRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import type { Principal } from './principal.ts';

/** What a signed-in request needs of its session: the row (for the expiry checks) and the principal. */
export interface SessionEntry {
  readonly session: SessionRow;
  readonly userDisabled: boolean;
  readonly principal: Principal;
}

/** Sessions kept per store; past this, the oldest are dropped first. */
const MAX_ENTRIES = 10_000;

interface Cache {
  stamp: string;
  readonly entries: Map<string, SessionEntry>;
}

/** Keyed by the store's Kysely instance: one cache per open database, never shared between them. */
const caches = new WeakMap<object, Cache>();

/**
 * The per-process session cache. Every request would otherwise read its session, user,
 * memberships and network peers from the database. An entry is served only while the database's
 * `dataStamp` is unchanged since it was read: ANY write — by this process (a logout, a password or
 * role change, a session touch, inside a transaction or not) or a commit by any other process —
 * empties the cache, so a change takes effect on the very next request. Where the store has no
 * cheap stamp (PostgreSQL), nothing is cached and every request reads afresh.
 */
export function lookupSession(
  ctx: AppContext,
  id: string,
): { readonly stamp: string | undefined; readonly entry: SessionEntry | undefined } {
  const stamp = dataStamp(ctx.store.db);
  if (stamp === undefined) return { stamp, entry: undefined };
  const cache = caches.get(ctx.store.db);
  if (!cache) return { stamp, entry: undefined };
  if (cache.stamp !== stamp) {
    cache.entries.clear();
    cache.stamp = stamp;
    return { stamp, entry: undefined };
  }
  return { stamp, entry: cache.entries.get(id) };
}

/**
 * Keeps an entry (frozen, on every store, so that no caller can rely on changing it) read after `lookupSession` returned `stamp` (the stamp taken BEFORE the read: a
 * write in between changes the stamp, so the entry is never served).
 */
export function rememberSession(
  ctx: AppContext,
  stamp: string | undefined,
  id: string,
  entry: SessionEntry,
): void {
  freezeEntry(entry);
  if (stamp === undefined) return;
  let cache = caches.get(ctx.store.db);
  if (!cache) {
    cache = { stamp, entries: new Map() };
    caches.set(ctx.store.db, cache);
  }
  if (cache.stamp !== stamp) return;
  cache.entries.set(id, entry);
  if (cache.entries.size > MAX_ENTRIES) {
    const oldest = cache.entries.keys().next();
    if (!oldest.done) cache.entries.delete(oldest.value);
  }
}

/** Drops one session from the cache (after this process changed it). */
export function forgetSession(ctx: AppContext, id: string): void {
  caches.get(ctx.store.db)?.entries.delete(id);
}

/** A cached principal is shared by the requests of a session: nothing may change it in place. */
function freezeEntry(entry: SessionEntry): SessionEntry {
  const p = entry.principal;
  for (const m of p.memberships) Object.freeze(m);
  Object.freeze(p.memberships);
  Object.freeze(p.organisationIds);
  Object.freeze(p.networkOrganisationIds);
  Object.freeze(p.user);
  Object.freeze(p);
  Object.freeze(entry.session);
  return Object.freeze(entry);
}
