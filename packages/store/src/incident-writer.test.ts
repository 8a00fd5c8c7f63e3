import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { sql } from 'kysely';
import { IncidentWriter } from './incident-writer.ts';
import type { NewIncident } from './incident.repository.ts';
import { incidentSearchFor } from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

function incident(n: number): NewIncident {
  const day = calendarDate(
    `2020-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
  );
  return {
    id: `w${String(n).padStart(6, '0')}`,
    date: day,
    dateTo: day,
    organisation: `Echo ${String(n % 7)}`,
    organisationId: null,
    place: 'Almaty',
    latitude: 43.2567,
    longitude: 76.9286,
    country: 'KZ',
    region: 'Almaty',
    authority: 'State Revenue Department',
    office: null,
    action: n % 2 === 0 ? 'notice' : 'fine',
    legalBasis: 'CoAO 460-1',
    penaltyMci: n % 2 === 0 ? null : 100,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: `протокол ${String(n)}`,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-06T00:00:00Z',
  };
}

class Boom extends Error {}

// Loading an empty table drops its secondary indexes and builds them at finish (both dialects):
// a load that fails must get them back with everything else, and a finished one must have them.
for (const dialect of testDialects()) {
  describe(`the incident bulk writer on an empty table, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const indexes = async (db = store.db): Promise<string[]> => {
      const q =
        dialect === 'postgres'
          ? sql<{
              name: string;
            }>`select indexname as name from pg_indexes where tablename = 'incident' order by 1`
          : sql<{
              name: string;
            }>`select name from sqlite_master where type = 'index' and tbl_name = 'incident' order by 1`;
      return (await q.execute(db)).rows.map((r) => r.name);
    };
    const count = async (): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('incident')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('a load that fails leaves no row and every index', async () => {
      const before = await indexes();
      expect(before.length).toBeGreaterThan(3);
      await expect(
        inTransaction(store, async (tx) => {
          const writer = await IncidentWriter.open(tx.db);
          await writer.add(Array.from({ length: 6000 }, (_, i) => incident(i)));
          expect(await indexes(tx.db)).not.toEqual(before);
          throw new Boom('the last row is bad');
        }),
      ).rejects.toBeInstanceOf(Boom);
      expect(await count()).toBe(0);
      expect(await indexes()).toEqual(before);
    });

    it('a finished load has every index and is found by its words', async () => {
      const before = await indexes();
      await inTransaction(store, async (tx) => {
        const writer = await IncidentWriter.open(tx.db);
        await writer.add(Array.from({ length: 6000 }, (_, i) => incident(i)));
        await writer.finish();
      });
      expect(await count()).toBe(6000);
      expect(await indexes()).toEqual(before);
      const found = await incidentSearchFor(store.db, dialect).search({
        viewer: { kind: 'all' },
        q: 'протокол 4321',
        limit: 10,
        offset: 0,
      });
      expect(found.items.map((i) => i.id)).toContain('w004321');
    });

    // PostgreSQL builds the indexes with more memory (maintenance_work_mem) and puts it back.
    if (dialect === 'postgres')
      it('a finished load leaves the transaction its own index-build memory', async () => {
        const setting = async (db = store.db): Promise<string | undefined> =>
          (await sql<{ mem: string }>`select current_setting('maintenance_work_mem') as mem`.execute(db))
            .rows[0]?.mem;
        await inTransaction(store, async (tx) => {
          await sql`set local maintenance_work_mem = '5MB'`.execute(tx.db);
          await sql`delete from incident`.execute(tx.db);
          const writer = await IncidentWriter.open(tx.db);
          await writer.add(Array.from({ length: 100 }, (_, i) => incident(i)));
          await writer.finish();
          expect(await setting(tx.db)).toBe('5MB');
          throw new Boom('rolled back');
        }).catch((e: unknown) => {
          if (!(e instanceof Boom)) throw e;
        });
      });

    // PostgreSQL stores the loaded rows in seq (date) order, as SQLite's rowid table does, so a page
    // walked newest first reads neighbouring rows (the load goes through a staging table), and
    // the table is not marked as clustered.
    if (dialect === 'postgres')
      it('a finished load is stored in seq order, not marked clustered', async () => {
        const stored = await sql<{
          seq: string;
        }>`select seq::text as seq from incident order by ctid`.execute(store.db);
        const seqs = stored.rows.map((r) => BigInt(r.seq));
        expect(seqs).toHaveLength(6000);
        expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        const marked = await sql<{
          n: string;
        }>`select count(*)::text as n from pg_index where indrelid = to_regclass('incident') and indisclustered`.execute(
          store.db,
        );
        expect(marked.rows[0]?.n).toBe('0');
      });
  });
}

// The id stays unique through a load into an empty table, which on PostgreSQL drops the id's
// unique constraint and adds it back after the rows: a file repeating an id is refused whole, and
// the constraint is back afterwards under its own name.
for (const dialect of testDialects()) {
  describe(`incident ids through a load into an empty table, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const uniques = async (): Promise<string[]> => {
      if (dialect !== 'postgres') return [];
      const q = sql<{
        name: string;
      }>`select conname || ' ' || pg_get_constraintdef(oid) as name from pg_constraint where conrelid = to_regclass('incident') and contype = 'u' order by 1`;
      return (await q.execute(store.db)).rows.map((r) => r.name);
    };
    const load = async (incidents: readonly NewIncident[]): Promise<void> =>
      inTransaction(store, async (tx) => {
        const writer = await IncidentWriter.open(tx.db);
        await writer.add(incidents);
        await writer.finish();
      });
    const count = async (): Promise<number> =>
      (await store.db.selectFrom('incident').select('id').execute()).length;

    it('a load repeating an id is refused whole', async () => {
      const before = await uniques();
      if (dialect === 'postgres') expect(before).toEqual(['incident_id_key UNIQUE (id)']);
      const rows = Array.from({ length: 3000 }, (_, i) => incident(i));
      rows.push({ ...incident(2999), id: 'w000017' });
      await expect(load(rows)).rejects.toThrow(/unique/i);
      expect(await count()).toBe(0);
      expect(await uniques()).toEqual(before);
    });

    it('after a load, an id already stored is refused', async () => {
      const before = await uniques();
      await load(Array.from({ length: 3000 }, (_, i) => incident(i)));
      expect(await count()).toBe(3000);
      expect(await uniques()).toEqual(before);
      await expect(load([{ ...incident(3000), id: 'w000017' }])).rejects.toThrow(/unique/i);
      expect(await count()).toBe(3000);
    });
  });
}
