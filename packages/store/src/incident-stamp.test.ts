import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type StoreConnection } from './database.ts';
import { incidentStamp } from './incident-stamp.ts';
import { incidentSearchFor } from './incident-search.ts';
import {
  deleteIncident,
  insertIncidents,
  setIncidentVisibility,
  type NewIncident,
} from './incident.repository.ts';
import { insertOrganisation } from './organisation.repository.ts';
import { freshStore, sampleIncident, testDialects } from './test-support.ts';
import { inTransaction } from './transaction.ts';

const incident = (id: string): NewIncident => sampleIncident(id, '2021-05-04', { notes: 'stamp' });

// Real parts: a SQLite file or a PostgreSQL database, and a second connection to it (as another
// server process would have). The stamp must move on every write of an incident, by any
// connection, by SQL by hand too, and be seen moving inside the writing transaction.
for (const dialect of testDialects()) {
  describe(`incident stamp on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let other: StoreConnection;
    beforeAll(async () => {
      store = await freshStore(dialect);
      other = openConnection(store.url);
    });
    afterAll(async () => {
      await other.close();
      await store.close();
    });
    const stamp = async (db = store.db) => {
      const s = await incidentStamp(db);
      expect(s).toMatch(/^\d+:\d+$/);
      return s;
    };

    it('stays while only reads happen and moves on each write of incidents by any connection', async () => {
      const seen = new Set<string | undefined>([await stamp()]);
      const expectMoved = async () => {
        const s = await stamp();
        expect(seen.has(s)).toBe(false);
        expect(await stamp()).toBe(s);
        seen.add(s);
      };
      await insertIncidents(other.db, [incident('a1'), incident('a2')]);
      await expectMoved();
      await setIncidentVisibility(other.db, 'a1', 'private', null);
      await expectMoved();
      await deleteIncident(store.db, 'a2');
      await expectMoved();
      await sql`UPDATE incident SET notes = 'by hand' WHERE id = 'a1'`.execute(other.db);
      await expectMoved();
      // A statement that changes no row may move it too; it never stays put over a change.
      await sql`DELETE FROM incident`.execute(other.db);
      await expectMoved();
    });

    it('comes with a search page, the same as read alone (PostgreSQL: in the page’s own statement; none with no row)', async () => {
      await insertIncidents(store.db, [incident('p1')]);
      const search = incidentSearchFor(store.db, dialect);
      const page = await search.search({ viewer: { kind: 'all' }, q: 'stamp', limit: 5, offset: 0 });
      expect(page.items.map((i) => i.id)).toEqual(['p1']);
      expect(page.stamp).toBe(await stamp());
      const none = await search.search({ viewer: { kind: 'all' }, q: 'nowhere', limit: 5, offset: 0 });
      expect(none.items).toEqual([]);
      if (dialect === 'postgres') expect(none.stamp).toBeUndefined();
      else expect(none.stamp).toBe(await stamp());
    });

    it('moves with each statement inside the writing transaction (PostgreSQL) or gives none there (SQLite), and a rollback never leaves one seen inside', async () => {
      const before = await stamp();
      const inside: (string | undefined)[] = [];
      await expect(
        inTransaction(store, async (tx) => {
          await insertIncidents(tx.db, [incident('t1')]);
          inside.push(await incidentStamp(tx.db));
          await setIncidentVisibility(tx.db, 't1', 'private', null);
          inside.push(await incidentStamp(tx.db));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      if (dialect === 'sqlite') expect(inside).toEqual([undefined, undefined]);
      else {
        expect(inside[0]).toMatch(/^\d+:\d+$/);
        expect(inside[0]).not.toBe(before);
        expect(inside[1]).not.toBe(inside[0]);
      }
      const after = await stamp();
      expect(inside).not.toContain(after);
      // Another table's write leaves PostgreSQL's stamp alone (SQLite's moves with any write).
      await insertOrganisation(other.db, { id: 'org-s', name: 'Stamp', createdAt: '2026-12-10T00:00:00Z' });
      if (dialect === 'postgres') expect(await stamp()).toBe(after);
    });
  });
}
