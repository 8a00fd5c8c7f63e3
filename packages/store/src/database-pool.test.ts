import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type StoreConnection } from './database.ts';
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

  const named = (name: string): string => {
    const u = new URL(fresh.url);
    u.searchParams.set('application_name', name);
    return u.toString();
  };
  const backends = async (store: StoreConnection, name: string): Promise<number> => {
    const r = await sql<{ n: bigint }>`select count(*) as n from pg_stat_activity
      where datname = current_database() and application_name = ${name}`.execute(store.db);
    return Number(r.rows[0]?.n ?? 0);
  };

  it('opens the warm connections before the store is used, and no more for one query', async () => {
    const store = openConnection(named('civic_warm'), { pool: { max: 5, warm: 3 } });
    try {
      await store.warm?.();
      expect(await backends(store, 'civic_warm')).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('opens none ahead without `warm` (a command), and one for one query', async () => {
    const store = openConnection(named('civic_cold'));
    try {
      await store.warm?.();
      expect(await backends(store, 'civic_cold')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('answers more queries at once than `max` by waiting for a connection, never opening more', async () => {
    const store = openConnection(named('civic_max'), { pool: { max: 2, warm: 2 } });
    try {
      await store.warm?.();
      const seen = await Promise.all(
        Array.from({ length: 6 }, async () => {
          await sql`select pg_sleep(0.05)`.execute(store.db);
          return backends(store, 'civic_max');
        }),
      );
      expect(Math.max(...seen)).toBe(2);
    } finally {
      await store.close();
    }
  });
});
