import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate, type Visibility } from '@civic/core';
import {
  deleteIncident,
  insertIncidents,
  IncidentWriter,
  setIncidentVisibility,
  type NewIncident,
} from './incident.repository.ts';
import { replaceIncident } from './incident-edit.repository.ts';
import { incidentCountsOf } from './incident-counts.repository.ts';
import { incidentSearchFor, type IncidentCounts, type IncidentViewer } from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import * as migration720 from './migrations/2026-12-07-720-incident-counts.ts';
import { freshStore, testDialects } from './test-support.ts';

// The summary's maintained counts (migration 720) equal a recount of the incident table after any
// sequence of imports (one or several batches, also writers whose batches share days and places),
// edits, deletes, changes of visibility and imports rolled back — the tables row for row, and
// every viewer's counts as the search counts them — on both dialects.

const PLACES: readonly [string, number | null, number | null][] = [
  ['Almaty', 43.25, 76.95],
  ['almaty ', 43.2, 76.9],
  ['Astana', 51.17, 71.43],
  ['Taraz', null, null],
  ['Нигде', 50, null],
];
const OWNERS = [null, 'org-a', 'org-b'];
const VIS: Visibility[] = ['public', 'network', 'private'];
const DAYS = ['2020-01-01', '2020-01-02', '2020-02-29', '2021-12-31'];

const fields = fc.record({
  place: fc.constantFrom(...PLACES),
  day: fc.constantFrom(...DAYS),
  visibility: fc.constantFrom(...VIS),
  owner: fc.constantFrom(...OWNERS),
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
function incident(f: Fields, id = `c${String(serial++)}`): NewIncident {
  const [place, latitude, longitude] = f.place;
  const date = calendarDate(f.day);
  return {
    id,
    date,
    dateTo: date,
    organisation: 'Echo',
    organisationId: null,
    place,
    latitude,
    longitude,
    country: 'KZ',
    region: null,
    authority: null,
    office: null,
    action: 'notice',
    legalBasis: null,
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: f.visibility,
    ownerOrganisationId: f.owner,
    createdAt: '2026-12-07T00:00:00Z',
  };
}

type Op =
  | { kind: 'import'; batches: Fields[][] }
  | { kind: 'rolled-back'; rows: Fields[] }
  | { kind: 'edit'; pick: number; to: Fields }
  | { kind: 'delete'; pick: number }
  | { kind: 'visibility'; pick: number; visibility: Visibility; owner: string | null };

const anImport = fc.record({
  kind: fc.constant('import' as const),
  batches: fc.array(fc.array(fields, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
});
const first: fc.Arbitrary<Op> = anImport;
const op: fc.Arbitrary<Op> = fc.oneof(
  anImport,
  fc.record({
    kind: fc.constant('rolled-back' as const),
    rows: fc.array(fields, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), to: fields }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('visibility' as const),
    pick: fc.nat(),
    visibility: fc.constantFrom(...VIS),
    owner: fc.constantFrom(...OWNERS),
  }),
);

const VIEWERS: IncidentViewer[] = [
  { kind: 'all' },
  { kind: 'public' },
  { kind: 'member', organisationIds: ['org-a'], peerOrganisationIds: ['org-b'] },
  { kind: 'member', organisationIds: ['org-b'], peerOrganisationIds: [] },
];

const sorted = (c: IncidentCounts) => ({
  ...c,
  places: [...c.places].sort((a, b) =>
    `${a.place}|${String(a.latitude)}|${String(a.longitude)}` <
    `${b.place}|${String(b.latitude)}|${String(b.longitude)}`
      ? -1
      : 1,
  ),
});

for (const dialect of testDialects()) {
  describe(`the incident summary's maintained counts, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const ids = async (): Promise<string[]> =>
      (await store.db.selectFrom('incident').select('id').orderBy('id').execute()).map((r) => r.id);

    /** Each run starts from an empty database (so a failure shrinks to the operations that cause it). */
    async function empty(): Promise<void> {
      await store.db.deleteFrom('incident').execute();
      await store.db.deleteFrom('incident_day_count').execute();
      await store.db.deleteFrom('incident_place_count').execute();
      if (dialect === 'sqlite')
        await sql`insert into incident_fts (incident_fts) values ('rebuild')`.execute(store.db);
    }

    async function apply(o: Op): Promise<void> {
      const all = await ids();
      const target = all.length === 0 ? undefined : all[('pick' in o ? o.pick : 0) % all.length];
      if (o.kind === 'import') {
        await inTransaction(store, async (tx) => {
          const writer = await IncidentWriter.open(tx.db);
          for (const batch of o.batches) await writer.add(batch.map((f) => incident(f)));
          await writer.finish();
        });
      } else if (o.kind === 'rolled-back') {
        await expect(
          inTransaction(store, async (tx) => {
            await insertIncidents(
              tx.db,
              o.rows.map((f) => incident(f)),
            );
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
      } else if (target === undefined) return;
      else if (o.kind === 'edit')
        await inTransaction(store, (tx) => replaceIncident(tx.db, incident(o.to, target)));
      else if (o.kind === 'delete') await inTransaction(store, (tx) => deleteIncident(tx.db, target));
      else await inTransaction(store, (tx) => setIncidentVisibility(tx.db, target, o.visibility, o.owner));
    }

    async function expectRecount(): Promise<void> {
      const days = await sql<
        Record<string, unknown>
      >`select visibility, owner, day, n from incident_day_count order by 1, 2, 3`.execute(store.db);
      const dayRecount = await sql<
        Record<string, unknown>
      >`select visibility, coalesce(owner_organisation_id, '') as owner, date as day, count(*) as n from incident group by 1, 2, 3 order by 1, 2, 3`.execute(
        store.db,
      );
      const norm = (rows: Record<string, unknown>[]) =>
        rows.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
        );
      expect(norm(days.rows)).toEqual(norm(dayRecount.rows));
      const places = await sql<
        Record<string, unknown>
      >`select visibility, owner, place, latitude, longitude, n, latest from incident_place_count order by 1, 2, 3, 4, 5`.execute(
        store.db,
      );
      const placeRecount = await sql<
        Record<string, unknown>
      >`select visibility, coalesce(owner_organisation_id, '') as owner, place, latitude, longitude, count(*) as n, max(seq) as latest
        from incident where latitude is not null and longitude is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(
        store.db,
      );
      expect(norm(places.rows)).toEqual(norm(placeRecount.rows));
      const search = incidentSearchFor(store.db, dialect);
      for (const viewer of VIEWERS)
        expect(sorted(await incidentCountsOf(store.db, viewer))).toEqual(
          sorted(await search.counts({ viewer })),
        );
    }

    it('equal a recount after random imports, edits, deletes and changes of visibility', async () => {
      await fc.assert(
        fc.asyncProperty(first, fc.array(op, { minLength: 1, maxLength: 6 }), async (start, ops) => {
          await empty();
          await apply(start);
          for (const o of ops) await apply(o);
          await expectRecount();
        }),
        { seed: 20261207, numRuns: 15 },
      );
    });

    it('are counted by their migration from the incidents already stored', async () => {
      await empty();
      const rows = fc.sample(fields, { numRuns: 40, seed: 7 }).map((f) => incident(f));
      await insertIncidents(store.db, rows);
      await setIncidentVisibility(store.db, rows[0]?.id ?? '', 'private', 'org-b');
      await migration720.down(store.db);
      await migration720.up(store.db);
      expect(
        Number(
          (
            await store.db
              .selectFrom('incident_day_count')
              .select((e) => e.fn.sum('n').as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(40);
      await expectRecount();
    });
  });
}
