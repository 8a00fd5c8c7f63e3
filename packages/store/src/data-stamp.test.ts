import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataStamp } from './data-stamp.ts';
import { openConnection, type StoreConnection } from './database.ts';
import { insertOrganisation, listOrganisations } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

// Real parts: a SQLite file (and a second connection to it, as another process would have) or a
// PostgreSQL database.
for (const dialect of testDialects()) {
  describe(`data stamp on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let other: StoreConnection;
    const at = '2026-01-01T00:00:00.000Z';
    beforeAll(async () => {
      store = await freshStore(dialect);
      other = openConnection(store.url);
    });
    afterAll(async () => {
      await other.close();
      await store.close();
    });

    it('moves on every write, by this connection (committed or not) or by another, and only then', async () => {
      const s0 = dataStamp(store.db);
      if (dialect === 'postgres') {
        expect(s0).toBeUndefined();
        return;
      }
      expect(s0).toMatch(/^\d+:\d+$/);
      await listOrganisations(store.db);
      expect(dataStamp(store.db)).toBe(s0);
      await insertOrganisation(store.db, { id: 'org-1', name: 'One', createdAt: at });
      const s1 = dataStamp(store.db);
      expect(s1).not.toBe(s0);
      await inTransaction(store, async (tx) => {
        await insertOrganisation(tx.db, { id: 'org-2', name: 'Two', createdAt: at });
        // Not committed yet, and may be rolled back: no stamp (a reader must not keep what it reads now).
        expect(dataStamp(store.db)).toBeUndefined();
      });
      const s2 = dataStamp(store.db);
      expect(dataStamp(store.db)).toBe(s2);
      await insertOrganisation(other.db, { id: 'org-3', name: 'Three', createdAt: at });
      expect(dataStamp(store.db)).not.toBe(s2);
    });

    it('gives no stamp inside a transaction, so nothing read there outlives its rollback', async () => {
      if (dialect === 'postgres') return;
      const before = dataStamp(store.db);
      await expect(
        inTransaction(store, async (tx) => {
          await insertOrganisation(tx.db, { id: 'org-4', name: 'Four', createdAt: at });
          expect(dataStamp(store.db)).toBeUndefined();
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(dataStamp(store.db)).toMatch(/^\d+:\d+$/);
      expect(dataStamp(store.db)).not.toBe(before);
    });
  });
}
