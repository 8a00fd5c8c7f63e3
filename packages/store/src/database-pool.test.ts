import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type PgPoolOptions, type StoreConnection } from './database.ts';
import { freshStore, testDialects } from './test-support.ts';

// A PostgreSQL store's connections (PgPoolOptions): `warm` of them opened by warm() and kept, never
// more than `max` at once. Each pool below names itself, so only its own backends are counted.
describe.runIf(testDialects().includes('postgres'))('a PostgreSQL store’s connections', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    fresh = await freshStore('postgres');
  });
  afterAll(async () => {
    await fresh.close();
  });

  /** Opens a store whose backends are named `name`, warms it, and hands it with their count. */
  const withStore = async (
    name: string,
    pool: PgPoolOptions | undefined,
    check: (store: StoreConnection, backends: () => Promise<number>) => Promise<void>,
  ): Promise<void> => {
    const u = new URL(fresh.url);
    u.searchParams.set('application_name', name);
    const store = openConnection(u.toString(), pool ? { pool } : {});
    const backends = async (): Promise<number> => {
      const r = await sql<{ n: bigint }>`select count(*) as n from pg_stat_activity
        where datname = current_database() and application_name = ${name}`.execute(store.db);
      return Number(r.rows[0]?.n ?? 0);
    };
    try {
      await store.warm?.();
      await check(store, backends);
    } finally {
      await store.close();
    }
  };

  it('opens the warm connections before the store is used, and no more for one query', async () => {
    await withStore('civic_warm', { max: 5, warm: 3 }, async (_store, backends) => {
      expect(await backends()).toBe(3);
    });
  });

  it('opens none ahead without `warm` (a command), and one for one query', async () => {
    await withStore('civic_cold', undefined, async (_store, backends) => {
      expect(await backends()).toBe(1);
    });
  });

  it('answers more queries at once than `max` by waiting for a connection, never opening more', async () => {
    await withStore('civic_max', { max: 2, warm: 2 }, async (store, backends) => {
      const seen = await Promise.all(
        Array.from({ length: 6 }, async () => {
          await sql`select pg_sleep(0.05)`.execute(store.db);
          return backends();
        }),
      );
      expect(Math.max(...seen)).toBe(2);
    });
  });
});
