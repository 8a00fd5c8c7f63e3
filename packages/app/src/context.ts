import { migrateToLatest, openConnection, type StoreConnection } from '@civic/store';

/**
 * What every use case runs against: an open, migrated store. Drivers (server, CLI) make one with
 * `openContext` and pass it to use cases; they never touch the store themselves.
 */
export interface AppContext {
  readonly store: StoreConnection;
  /** The clock, passed in so that use cases and tests agree on "now". */
  readonly now: () => Date;
}

export interface OpenContextOptions {
  readonly now?: () => Date;
  /** Run migrations on open (default true). */
  readonly migrate?: boolean;
}

/** Opens a SQLite file or a `postgres://` URL and brings its schema up to date. */
export async function openContext(
  databaseUrl: string,
  options: OpenContextOptions = {},
): Promise<AppContext> {
  const store = openConnection(databaseUrl);
  if (options.migrate ?? true) await migrateToLatest(store.db);
  return { store, now: options.now ?? (() => new Date()) };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.store.close();
}
