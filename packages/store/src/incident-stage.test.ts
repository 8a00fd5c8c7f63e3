import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { IncidentRowMaker } from './incident-row-maker.ts';
import { IncidentWriter } from './incident-writer.ts';
import type { NewIncident } from './incident.repository.ts';
import { incidentSearchFor } from './incident-search.ts';
import { sqliteHandle } from './raw-sqlite.ts';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { freshStore } from './test-support.ts';

// On a plain SQLite store an import's rows (addRows) go through a temporary table and move to
// `incident` in seq order, a run at a time (incident-sqlite-stage.ts). Over several runs, into an
// empty table and into one with rows, the table ends as the row-by-row path leaves it; the ids are
// made in seq order within a run; the full-text index finds the moved rows; a failed load leaves
// nothing behind, the stage included.

const COUNT = 2_311;
const RUN = 490;

function incident(n: number): NewIncident {
  // Days in no order, several rows per day, so each run lands all over the table.
  const day = 1 + ((n * 7919) % 28);
  const month = 1 + ((n * 31) % 12);
  const date = calendarDate(
    `20${String(15 + (n % 9))}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
  return {
    id: `st${String(n).padStart(6, '0')}`,
    date,
    dateTo: date,
    organisation: `Fund ${String(n % 41)}`,
    organisationId: null,
    place: n % 2 === 0 ? 'Almaty' : 'Шымкент',
    latitude: null,
    longitude: null,
    country: 'KZ',
    region: null,
    authority: 'Court',
    office: null,
    action: n % 3 === 0 ? 'fine' : 'warning',
    legalBasis: 'CoAO 460-1',
    penaltyMci: n % 5,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: `протокол ${String(n)} stagedword${String(n % 3)}`,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-07T00:00:00Z',
  };
}

const maker = (): IncidentRowMaker =>
  new IncidentRowMaker({
    organisationIds: new Map(),
    organisationNames: new Map(),
    createdAt: '2026-12-07T00:00:00Z',
  });

class Undo extends Error {}

describe('staged incident loads on a plain SQLite store', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore('sqlite');
  });
  afterAll(async () => store.close());

  const rowsOf = async (db: Kysely<Database>): Promise<unknown[][]> =>
    (
      await sql<
        Record<string, unknown>
      >`select seq, id, date, organisation, place, action, penalty_mci, notes, search_text, created_at from incident order by seq`.execute(
        db,
      )
    ).rows.map((r) => Object.values(r).map((v) => (typeof v === 'bigint' ? String(v) : v)));

  const stageTables = (): unknown[] =>
    sqliteHandle(store.db)
      ?.prepare("select name from sqlite_temp_master where name = 'civic_incident_stage'")
      .all() ?? ['no handle'];

  /** Writes the incidents in a transaction that is rolled back, and returns the table and what search found then. */
  const load = async (
    already: boolean,
    write: (w: IncidentWriter, all: NewIncident[]) => Promise<void>,
  ): Promise<{ rows: unknown[][]; found: number }> => {
    let out = { rows: [] as unknown[][], found: -1 };
    await inTransaction(store, async (tx) => {
      if (already) {
        const first = await IncidentWriter.open(tx.db);
        await first.add([incident(COUNT), incident(COUNT + 1)]);
        await first.finish();
      }
      const writer = await IncidentWriter.open(tx.db, undefined, { stageRun: RUN });
      await write(
        writer,
        Array.from({ length: COUNT }, (_, n) => incident(n)),
      );
      await writer.finish();
      const found = await incidentSearchFor(tx.db, 'sqlite').search(
        { viewer: { kind: 'all' }, q: 'stagedword1', limit: 5000, offset: 0 },
        { withTotal: true },
      );
      out = { rows: await rowsOf(tx.db), found: found.total ?? -1 };
      throw new Undo();
    }).catch((e: unknown) => {
      if (!(e instanceof Undo)) throw e;
    });
    return out;
  };

  for (const already of [false, true])
    it(`moves ${String(COUNT)} rows in runs of ${String(RUN)} as the row-by-row path writes them (${already ? 'a table with rows' : 'an empty table'})`, async () => {
      const direct = await load(already, (w, all) => w.add(all));
      let made = 0;
      const staged = await load(already, async (w, all) => {
        const m = maker();
        for (let at = 0; at < all.length; at += 300)
          await w.addRows(m.rows(all.slice(at, at + 300)), () => `zz${String(made++).padStart(6, '0')}`);
        w.addTerms(m.takeTerms());
      });
      expect(made).toBe(COUNT);
      expect(staged.rows).toHaveLength(direct.rows.length);
      const withoutId = (rows: unknown[][]): unknown[][] => rows.map((r) => r.filter((_, c) => c !== 1));
      expect(withoutId(staged.rows)).toEqual(withoutId(direct.rows));
      // Ids made in seq order within a run: the rows of each run's ids, in seq order, in id order.
      const ours = staged.rows.map((r) => String(r[1])).filter((id) => id.startsWith('zz'));
      expect(new Set(ours).size).toBe(COUNT);
      for (let run = 0; run * RUN < COUNT; run++) {
        const ofRun = ours.filter((id) => Math.floor(Number(id.slice(2)) / RUN) === run);
        expect(ofRun.length).toBe(Math.min(RUN, COUNT - run * RUN));
        expect(ofRun).toEqual([...ofRun].sort());
      }
      // The full-text index has every moved row (one in three has the word).
      expect(staged.found).toBe(direct.found);
      const numbers = [...Array.from({ length: COUNT }, (_, n) => n), ...(already ? [COUNT, COUNT + 1] : [])];
      expect(staged.found).toBe(numbers.filter((n) => n % 3 === 1).length);
      expect(stageTables()).toEqual([]);
    });

  it('leaves nothing of a load that fails between runs, its stage included', async () => {
    const before = await rowsOf(store.db);
    await expect(
      inTransaction(store, async (tx) => {
        const writer = await IncidentWriter.open(tx.db, undefined, { stageRun: RUN });
        const all = Array.from({ length: 1_200 }, (_, n) => incident(n));
        let made = 0;
        await writer.addRows(maker().rows(all), () => `fail${String(made++)}`);
        throw new Undo();
      }),
    ).rejects.toBeInstanceOf(Undo);
    expect(await rowsOf(store.db)).toEqual(before);
    expect(stageTables()).toEqual([]);
  });

  it('fills the full-text index of a large load with a larger hash, then puts the setting back', async () => {
    const config = async (db: Kysely<Database>): Promise<unknown[]> =>
      (
        await sql<{
          k: string;
          v: unknown;
        }>`select k, v from incident_fts_config where k = 'hashsize'`.execute(db)
      ).rows;
    const many = 10_000;
    let found = -1;
    let after: unknown[] = [];
    await inTransaction(store, async (tx) => {
      await sql`insert into incident_fts (incident_fts, rank) values ('hashsize', 2097152)`.execute(tx.db);
      const writer = await IncidentWriter.open(tx.db, undefined, { stageRun: 4_000 });
      const m = maker();
      let made = 0;
      const all = Array.from({ length: many }, (_, n) => incident(n));
      for (let at = 0; at < many; at += 1_000)
        await writer.addRows(m.rows(all.slice(at, at + 1_000)), () => `big${String(made++)}`);
      writer.addTerms(m.takeTerms());
      await writer.finish();
      const page = await incidentSearchFor(tx.db, 'sqlite').search(
        { viewer: { kind: 'all' }, q: 'stagedword2', limit: 10, offset: 0 },
        { withTotal: true },
      );
      found = page.total ?? -1;
      after = await config(tx.db);
      throw new Undo();
    }).catch((e: unknown) => {
      if (!(e instanceof Undo)) throw e;
    });
    expect(found).toBe(Math.floor(many / 3)); // (n % 3 === 2)
    expect(after.map((r) => Number((r as { v: unknown }).v))).toEqual([2097152]);
  });
});
