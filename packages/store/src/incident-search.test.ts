import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate, canSeeRecord, VISIBILITIES, type ActionType, type Visibility } from '@civic/core';
import {
  countIncidents,
  deleteIncident,
  getIncident,
  insertIncidents,
  IncidentWriter,
  type NewIncident,
} from './incident.repository.ts';
import { incidentSearchFor, type IncidentQuery, type IncidentViewer } from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

function incident(id: string, over: Partial<NewIncident> = {}): NewIncident {
  return {
    id,
    date: calendarDate('2020-11-20'),
    dateTo: calendarDate('2020-11-20'),
    organisation: 'Echo',
    organisationId: null,
    place: 'Almaty',
    latitude: 43.2567,
    longitude: 76.9286,
    country: 'KZ',
    region: 'Almaty',
    authority: 'State Revenue Department',
    office: null,
    action: 'notice',
    legalBasis: 'CoAO 460-1',
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-11-29T00:00:00Z',
    ...over,
  };
}

const day = (d: string) => calendarDate(d);

// The same data on both dialects; every query below must give the same ids on both (the
// expectations are literal, so a dialect that differs fails).
const DATA: NewIncident[] = [
  incident('i1', {
    date: day('2020-11-20'),
    dateTo: day('2020-11-20'),
    organisation: 'Echo',
    notes: 'Уведомление о расхождениях в отчётах за 2018 год',
  }),
  incident('i2', {
    date: day('2020-11-26'),
    dateTo: day('2020-11-26'),
    organisation: 'KIBHR',
    notes: 'Accountant summoned the same evening',
    action: 'summons',
  }),
  incident('i3', {
    date: day('2021-01-15'),
    dateTo: day('2021-01-15'),
    organisation: 'Echo',
    action: 'fine',
    penaltyMci: 400,
    suspensionMonths: 3,
    outcome: 'dropped on 4 February 2021',
    authority: 'SRC, Almaly district',
  }),
  incident('i4', {
    date: day('2021-01-18'),
    dateTo: day('2021-01-18'),
    organisation: 'Erkindik Kanaty',
    place: 'Astana',
    region: 'Astana',
    action: 'fine',
    penaltyMci: 100,
    legalBasis: 'CoAO 460-1 part 1',
    notes: 'Штраф 100 МРП, Нұр-Сұлтан',
  }),
  incident('i5', {
    date: day('2019-05-02'),
    dateTo: day('2019-05-02'),
    organisation: 'Kadir Kassiet',
    place: 'Uralsk',
    region: 'West Kazakhstan Region',
    action: 'inspection',
    legalBasis: 'CoAO 460-12',
    notes: 'Tax audit',
  }),
  incident('i6', {
    date: day('2021-01-25'),
    dateTo: day('2021-01-25'),
    organisation: 'ILI',
    action: 'fine',
    visibility: 'private',
    ownerOrganisationId: 'org-ili',
    notes: 'private note about the fine',
  }),
  incident('i7', {
    date: day('2021-01-25'),
    dateTo: day('2021-01-25'),
    organisation: 'KIBHR',
    action: 'fine',
    visibility: 'network',
    ownerOrganisationId: 'org-kibhr',
    notes: 'network note, 800 MCI',
  }),
  incident('i8', {
    date: day('2021-02-04'),
    dateTo: day('2021-02-04'),
    organisation: 'Öskemen Group',
    place: 'Ust-Kamenogorsk',
    region: 'East Kazakhstan Region',
    action: 'withdrawal',
    legalBasis: null,
    notes: 'Charges withdrawn',
  }),
];

const all: IncidentViewer = { kind: 'all' };
const publicViewer: IncidentViewer = { kind: 'public' };

const queries: readonly [string, Partial<IncidentQuery>, string[]][] = [
  ['every incident, newest first', {}, ['i8', 'i7', 'i6', 'i4', 'i3', 'i2', 'i1', 'i5']],
  ['a Latin word in notes', { q: 'summoned' }, ['i2']],
  ['a Cyrillic word in notes, any case', { q: 'УВЕДОМЛЕНИЕ' }, ['i1']],
  ['Cyrillic with ё folded', { q: 'отчетах' }, ['i1']],
  ['a Kazakh spelling folds onto the Russian one', { q: 'нур султан' }, ['i4']],
  ['a place by its Russian name', { q: 'Алматы' }, ['i7', 'i6', 'i3', 'i2', 'i1']],
  ['a place by its Kazakh name (Өскемен)', { q: 'Өскемен' }, ['i8']],
  ['diacritics-insensitive', { q: 'oskemen group' }, ['i8']],
  ['words are ANDed', { q: 'echo dropped' }, ['i3']],
  ['a prefix', { q: 'accoun*' }, ['i2']],
  ['a prefix ending a phrase', { q: '"4 febr"*' }, ['i3']],
  ['a prefix no word has', { q: 'qqq*' }, []],
  ['a one-letter prefix with a filter', { q: 'n*', organisation: 'KIBHR' }, ['i7']],
  ['another one-letter prefix with a filter', { q: 's*', organisation: 'KIBHR' }, ['i7', 'i2']],
  ['a phrase', { q: '"4 february"' }, ['i3']],
  ['a phrase in the wrong order matches nothing', { q: '"february 4"' }, []],
  ['a hyphenated article is a phrase', { q: '460-1' }, ['i7', 'i6', 'i4', 'i3', 'i2', 'i1']],
  ['authority is searched', { q: 'almaly' }, ['i3']],
  ['outcome is searched', { q: 'dropped' }, ['i3']],
  ['date range', { from: '2021-01-01', to: '2021-01-25' }, ['i7', 'i6', 'i4', 'i3']],
  ['place filter', { place: 'Astana' }, ['i4']],
  ['region filter', { region: 'West Kazakhstan Region' }, ['i5']],
  ['action filter', { action: 'fine' }, ['i7', 'i6', 'i4', 'i3']],
  [
    'legal basis: the article and its parts, not 460-12',
    { legalBasis: 'coao  460-1' },
    ['i7', 'i6', 'i4', 'i3', 'i2', 'i1'],
  ],
  [
    'legal basis: a part finds the whole article (as wave categories group it)',
    { legalBasis: 'CoAO 460-1 part 1' },
    ['i7', 'i6', 'i4', 'i3', 'i2', 'i1'],
  ],
  ['organisation, case-insensitive', { organisation: 'kibhr' }, ['i7', 'i2']],
  ['filters and text together', { q: 'fine', action: 'fine', from: '2021-01-20' }, ['i6']],
  ['nothing matches', { q: 'zzzz' }, []],
];

for (const dialect of testDialects()) {
  describe(`incident search on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await inTransaction(store, async (tx) => insertIncidents(tx.db, DATA));
    });
    afterAll(async () => store.close());

    const search = (q: Partial<IncidentQuery>, viewer: IncidentViewer = all) =>
      incidentSearchFor(store.db, dialect).search(
        { viewer, limit: 50, offset: 0, ...q },
        { withTotal: true },
      );

    it.each(queries)('%s', async (_name, q, ids) => {
      const page = await search(q);
      expect(page.items.map((i) => i.id)).toEqual(ids);
      expect(page.total).toBe(ids.length);
    });

    it('reads an incident back as it was written', async () => {
      const back = await getIncident(store.db, 'i4');
      const { createdAt: _c, ...expected } = DATA[3] ?? incident('none');
      expect(back).toEqual({
        ...expected,
        createdAt: '2026-11-29T00:00:00Z',
        sourceActionId: null,
        ownerOrganisationId: null,
      });
    });

    it('pages with limit and offset', async () => {
      const first = await incidentSearchFor(store.db, dialect).search({ viewer: all, limit: 3, offset: 0 });
      const second = await incidentSearchFor(store.db, dialect).search({ viewer: all, limit: 3, offset: 3 });
      const last = await incidentSearchFor(store.db, dialect).search({ viewer: all, limit: 3, offset: 6 });
      expect([first.hasMore, second.hasMore, last.hasMore]).toEqual([true, true, false]);
      expect([...first.items, ...second.items, ...last.items].map((i) => i.id)).toEqual([
        'i8',
        'i7',
        'i6',
        'i4',
        'i3',
        'i2',
        'i1',
        'i5',
      ]);
    });

    const visibility: readonly [string, IncidentViewer, string[]][] = [
      ['the public sees public incidents only', publicViewer, ['i8', 'i4', 'i3', 'i2', 'i1', 'i5']],
      [
        'an owner sees its private incident',
        { kind: 'member', organisationIds: ['org-ili'], peerOrganisationIds: [] },
        ['i8', 'i6', 'i4', 'i3', 'i2', 'i1', 'i5'],
      ],
      [
        "a network peer sees network incidents, not others' private ones",
        { kind: 'member', organisationIds: ['org-echo'], peerOrganisationIds: ['org-echo', 'org-kibhr'] },
        ['i8', 'i7', 'i4', 'i3', 'i2', 'i1', 'i5'],
      ],
      [
        'an outsider of the network sees only public ones',
        { kind: 'member', organisationIds: ['org-other'], peerOrganisationIds: [] },
        ['i8', 'i4', 'i3', 'i2', 'i1', 'i5'],
      ],
    ];
    it.each(visibility)('%s', async (_name, viewer, ids) => {
      expect((await search({}, viewer)).items.map((i) => i.id)).toEqual(ids);
      // the full text honours visibility too
      const fine = (await search({ q: 'note' }, viewer)).items.map((i) => i.id);
      expect(fine).toEqual(ids.filter((id) => id === 'i6' || id === 'i7'));
    });

    it("decides visibility exactly as core's canSeeRecord does", async () => {
      const owners = [null, 'org-a', 'org-b', 'org-c'];
      const rows = owners.flatMap((owner) =>
        VISIBILITIES.map((v) =>
          incident(`vis-${owner ?? 'none'}-${v}`, {
            visibility: v,
            ownerOrganisationId: owner,
            notes: 'visibility matrix',
          }),
        ),
      );
      await inTransaction(store, async (tx) => insertIncidents(tx.db, rows));
      const viewers = [
        { organisationIds: ['org-a'], networkOrganisationIds: ['org-a', 'org-b'] },
        { organisationIds: ['org-b', 'org-c'], networkOrganisationIds: [] },
        { organisationIds: [], networkOrganisationIds: [] },
      ];
      for (const v of viewers) {
        const seen = (
          await search(
            { q: 'visibility matrix' },
            {
              kind: 'member',
              organisationIds: v.organisationIds,
              peerOrganisationIds: v.networkOrganisationIds,
            },
          )
        ).items
          .map((i) => i.id)
          .sort();
        const expected = rows
          .filter((r) => canSeeRecord(v, r.ownerOrganisationId ?? null, r.visibility))
          .map((r) => r.id)
          .sort();
        expect(seen).toEqual(expected);
      }
      for (const row of rows) expect(await deleteIncident(store.db, row.id)).toBe(true);
    });

    it('removes a deleted incident from the full-text index', async () => {
      await inTransaction(store, async (tx) =>
        insertIncidents(tx.db, [incident('tmp', { notes: 'ephemeral' })]),
      );
      expect((await search({ q: 'ephemeral' })).items.map((i) => i.id)).toEqual(['tmp']);
      expect(await deleteIncident(store.db, 'tmp')).toBe(true);
      expect((await search({ q: 'ephemeral' })).items).toEqual([]);
      expect(await countIncidents(store.db)).toBe(DATA.length);
    });

    it('writes nothing when the transaction fails (import atomicity)', async () => {
      const before = await countIncidents(store.db);
      await expect(
        inTransaction(store, async (tx) => {
          const writer = await IncidentWriter.open(tx.db);
          await writer.add(
            Array.from({ length: 1500 }, (_, n) =>
              incident(`bulk-${n}`, {
                action: 'fine' satisfies ActionType,
                visibility: 'public' satisfies Visibility,
                notes: 'rolled back',
              }),
            ),
          );
          await writer.finish();
          throw new Error('a bad row after 1500 good ones');
        }),
      ).rejects.toThrow('a bad row');
      expect(await countIncidents(store.db)).toBe(before);
      expect((await search({ q: 'rolled back' })).items).toEqual([]);
    });

    it('orders by date, then by insertion, whatever order the rows arrive in', async () => {
      await inTransaction(store, async (tx) =>
        insertIncidents(tx.db, [
          incident('o1', { date: day('2015-06-02'), dateTo: day('2015-06-02'), notes: 'ordering' }),
          incident('o2', { date: day('2015-06-01'), dateTo: day('2015-06-01'), notes: 'ordering' }),
        ]),
      );
      await inTransaction(store, async (tx) =>
        insertIncidents(tx.db, [
          incident('o3', { date: day('2015-06-01'), dateTo: day('2015-06-01'), notes: 'ordering' }),
        ]),
      );
      expect((await search({ q: 'ordering' })).items.map((i) => i.id)).toEqual(['o1', 'o3', 'o2']);
      expect(
        (await search({ q: 'ordering', from: '2015-06-01', to: '2015-06-01' })).items.map((i) => i.id),
      ).toEqual(['o3', 'o2']);
    });

    it('keeps its indexes after a first load into an empty table, and after a failed one', async () => {
      const empty = await freshStore(dialect);
      try {
        const indexes = async () => {
          const q =
            dialect === 'sqlite'
              ? sql<{
                  name: string;
                }>`select name from sqlite_master where type = 'index' and tbl_name = 'incident' order by name`
              : sql<{
                  name: string;
                }>`select indexname as name from pg_indexes where tablename = 'incident' order by indexname`;
          return (await q.execute(empty.db)).rows.map((r) => r.name);
        };
        const before = await indexes();
        expect(before.length).toBeGreaterThanOrEqual(5);
        await expect(
          inTransaction(empty, async (tx) => {
            const writer = await IncidentWriter.open(tx.db);
            await writer.add([incident('f1')]);
            throw new Error('fails before finish');
          }),
        ).rejects.toThrow('fails before finish');
        expect(await indexes()).toEqual(before);
        await inTransaction(empty, async (tx) =>
          insertIncidents(tx.db, [incident('ok1', { notes: 'first load' })]),
        );
        expect(await indexes()).toEqual(before);
        expect(
          (
            await incidentSearchFor(empty.db, dialect).search({
              q: 'first load',
              viewer: all,
              limit: 5,
              offset: 0,
            })
          ).items.map((i) => i.id),
        ).toEqual(['ok1']);
      } finally {
        await empty.close();
      }
    });

    it('bulk-writes many rows in batches and finds them', async () => {
      await inTransaction(store, async (tx) => {
        const writer = await IncidentWriter.open(tx.db);
        await writer.add(
          Array.from({ length: 2500 }, (_, n) =>
            incident(`many-${n}`, {
              organisation: `Org ${n % 50}`,
              notes: n === 1234 ? 'needle in the haystack' : 'hay',
            }),
          ),
        );
        await writer.finish();
      });
      expect((await search({ q: 'needle' })).items.map((i) => i.id)).toEqual(['many-1234']);
      expect((await search({ q: 'hay', organisation: 'org 7' })).total).toBe(50);
      // A prefix of more words than are expanded one by one: the engine's own prefix query.
      await inTransaction(store, async (tx) =>
        insertIncidents(
          tx.db,
          Array.from({ length: 70 }, (_, n) => incident(`zeta-${n}`, { notes: `zeta${n} marker` })),
        ),
      );
      expect((await search({ q: 'zeta*' })).total).toBe(70);
      expect((await search({ q: 'zeta6*' })).items.map((i) => i.id).sort()).toEqual(
        ['zeta-6', ...Array.from({ length: 10 }, (_, k) => `zeta-${60 + k}`)].sort(),
      );
    });
  });
}
