import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganisation, insertOrganisation, listOrganisations } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`organisations on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    it('stores and finds an organisation by name, id or BIN', async () => {
      await insertOrganisation(store.db, {
        id: 'org-echo',
        name: 'Echo',
        bin: '070940005461',
        createdAt: '2026-01-01T00:00:00Z',
      });
      expect(await listOrganisations(store.db)).toHaveLength(1);
      expect((await findOrganisation(store.db, 'echo'))?.id).toBe('org-echo');
      expect((await findOrganisation(store.db, '070940005461'))?.name).toBe('Echo');
      expect(await findOrganisation(store.db, 'nobody')).toBeUndefined();
      expect((await findOrganisation(store.db, 'echo'))?.illustrative).toBe(false);
      await insertOrganisation(store.db, {
        id: 'org-demo',
        name: 'Demo',
        illustrative: true,
        createdAt: '2026-01-01T00:00:00Z',
      });
      expect((await findOrganisation(store.db, 'org-demo'))?.illustrative).toBe(true);
      // By id (one row by the key): the same row the list gives; an id differing in case is no id.
      const listed = await listOrganisations(store.db);
      expect(await findOrganisation(store.db, 'org-echo')).toEqual(listed.find((o) => o.id === 'org-echo'));
      expect(await findOrganisation(store.db, 'org-demo')).toEqual(listed.find((o) => o.id === 'org-demo'));
      expect(await findOrganisation(store.db, 'ORG-ECHO')).toBeUndefined();
    });
  });
}
