import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate, searchWords } from '@civic/core';
import { insertIncidents, type NewIncident } from './incident.repository.ts';
import { reindexOrganisationIncidents } from './incident-reindex.ts';
import { insertOrganisation, setOrganisationAliases } from './organisation.repository.ts';
import { incidentSearchFor, SqliteIncidentSearch, type IncidentQuery } from './incident-search.ts';
import { up as reindex } from './migrations/2026-12-05-570-incident-stemmed-search.ts';
import { up as rekeyLegalBases } from './migrations/2026-12-05-572-legal-basis-key.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// Real parts: a SQLite file and a real PostgreSQL database per dialect; the stemming is core's.
function incident(id: string, day: number, notes: string, over: Partial<NewIncident> = {}): NewIncident {
  const date = calendarDate(`2021-01-${String(day).padStart(2, '0')}`);
  return {
    id,
    date,
    dateTo: date,
    organisation: 'Test Org',
    organisationId: null,
    place: 'Uralsk',
    latitude: null,
    longitude: null,
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
    notes,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-05T00:00:00Z',
    ...over,
  };
}

const DATA: NewIncident[] = [
  incident('r1', 1, 'Организация оштрафована на 100 МРП'),
  incident('r2', 2, 'Решение суда о наложении штрафа'),
  incident('r3', 3, 'Дело рассмотрено судом, назначен штрафом в 400 МРП'),
  incident('r4', 4, 'Направлено уведомлением налогового органа'),
  incident('r5', 5, 'Іс сотта қаралды'),
  incident('r6', 6, 'Хабарлама Өскеменде берілді, инспектор Алматыдан келді'),
  incident('r7', 7, 'Ұйымға айыппұл салынды'),
  incident('r8', 8, 'fine paid, court hearing postponed'),
  incident('r9', 9, 'проверка', { place: 'Алматы' }),
  incident('r10', 10, 'inspection', { place: 'Almaty' }),
  incident('r11', 11, 'протокол', { organisation: 'Эркиндик Канаты' }),
  incident('r12', 12, 'protocol', { organisation: 'Erkindik Kanaty' }),
  incident('b1', 13, '', { legalBasis: 'CoAO 460-1' }),
  incident('b2', 14, '', { legalBasis: 'ст. 460-1 ч. 2 КоАП РК' }),
  incident('b3', 15, '', { legalBasis: 'ӘҚБтК 460-1-бабы 2-бөлігі' }),
  incident('b4', 16, '', { legalBasis: 'CoAO 460-12' }),
  incident('b5', 17, '', { legalBasis: 'УК РК ст. 403' }),
  incident('b6', 18, '', { legalBasis: 'Закон о НКО, статья 5' }),
];

// Every row: a legal-basis filter → the ids it selects (all of CoAO 460-1, never 460-12).
const BASES: readonly [string, string[]][] = [
  ['CoAO 460-1', ['b3', 'b2', 'b1']],
  ['460-1', ['b3', 'b2', 'b1']],
  ['ст. 460-1 КоАП', ['b3', 'b2', 'b1']],
  ['ӘҚБтК 460-1', ['b3', 'b2', 'b1']],
  ['CoAO Art. 460-1(2)', ['b3', 'b2', 'b1']],
  ['статья 460-1 часть 3 Кодекса об административных правонарушениях', ['b3', 'b2', 'b1']],
  ['460-12', ['b4']],
  ['КоАП', ['b4', 'b3', 'b2', 'b1']],
  ['CC 403', ['b5']],
  ['статья 5', ['b6']],
  ['Закон о НКО ст. 5', ['b6']],
  ['CoAO 489', []],
];

// Every row: a query → the ids it finds, newest first, the same on both dialects.
const QUERIES: readonly [string, string, string[]][] = [
  ['штраф finds штрафа, штрафом and оштрафована', 'штраф', ['r3', 'r2', 'r1']],
  ['an inflected query finds the other forms', 'штрафом', ['r3', 'r2', 'r1']],
  ['суд finds суда and судом', 'суд', ['r3', 'r2']],
  ['судом finds суд forms', 'судом', ['r3', 'r2']],
  ['уведомление finds уведомлением', 'уведомление', ['r4']],
  ['уведомления finds уведомлением', 'уведомления', ['r4']],
  ['a stem prefix', 'уведомл*', ['r4']],
  ['a phrase of inflected words', '"решение суда"', ['r2']],
  ['a phrase matches by stems', '"решения суду"', ['r2']],
  ['Kazakh locative -та: сот finds сотта', 'сот', ['r5']],
  ['Kazakh dative -қа in the query finds the locative in the text', 'сотқа', ['r5']],
  ['Kazakh locative -де: Өскемен finds Өскеменде', 'Өскемен', ['r6']],
  [
    'Kazakh ablative -дан: Алматы finds Алматыдан (and both spellings of the place)',
    'Алматы',
    ['r10', 'r9', 'r6'],
  ],
  ['a place in Latin letters finds it in Cyrillic', 'Almaty', ['r10', 'r9']],
  ['a Latin organisation name finds the Cyrillic one', 'erkindik', ['r12', 'r11']],
  ['a Cyrillic organisation name finds the Latin one', 'Эркиндик Канаты', ['r12', 'r11']],
  ['Kazakh dative -ға: ұйым finds Ұйымға', 'ұйым', ['r7']],
  ['Kazakh genitive -ның in the query', 'ұйымның', ['r7']],
  ['Latin words are not stemmed into Russian ones', 'court', ['r8']],
  ['no false match across languages', 'штрафы court', []],
  ['notes are not transliterated', 'proverka', []],
];

for (const dialect of testDialects()) {
  describe(`incident search in Russian and Kazakh on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await inTransaction(store, async (tx) => insertIncidents(tx.db, DATA));
    });
    afterAll(async () => store.close());

    const ids = async (q: string, extra: Partial<IncidentQuery> = {}) => {
      const page = await incidentSearchFor(store.db, dialect).search(
        { viewer: { kind: 'all' }, limit: 50, offset: 0, q, ...extra },
        { withTotal: true },
      );
      expect(page.total).toBe(page.items.length);
      return page.items.map((i) => i.id);
    };

    it.each(QUERIES)('%s', async (_name, q, expected) => {
      expect(await ids(q)).toEqual(expected);
    });

    it.each(BASES)('legal basis %s', async (legalBasis, expected) => {
      expect(await ids('', { legalBasis })).toEqual(expected);
    });

    it('finds the same rows when a filter makes the search go filters-first', async () => {
      expect(await ids('штраф', { action: 'notice' })).toEqual(['r3', 'r2', 'r1']);
      expect(await ids('сотқа', { organisation: 'test org' })).toEqual(['r5']);
      if (dialect !== 'sqlite') return;
      // SQLite in steps of one row: the filters-first steps test each row's text (instr), not FTS5.
      const tiny = new SqliteIncidentSearch(store.db, 1);
      for (const [q, expected] of [
        ['штраф', ['r3', 'r2', 'r1']],
        ['сотқа', ['r5']],
        ['Эркиндик', ['r12', 'r11']],
      ] as const) {
        const page = await tiny.search(
          { viewer: { kind: 'all' }, limit: 50, offset: 0, q, action: 'notice' },
          { withTotal: true },
        );
        expect(page.items.map((i) => i.id)).toEqual(expected);
        expect(page.total).toBe(expected.length);
      }
    });

    it('counts by day with the stemmed query', async () => {
      const counts = await incidentSearchFor(store.db, dialect).counts({
        viewer: { kind: 'all' },
        q: 'суда',
      });
      expect(counts.count).toBe(2);
    });

    it('migration 572 gives rows written before it the article-first legal-basis key', async () => {
      // The key the writer stored before this issue: the folded text, part and all.
      await store.db
        .updateTable('incident')
        .set({ legal_basis_key: sql<string>`lower(legal_basis)` })
        .where('legal_basis', 'is not', null)
        .execute();
      expect(await ids('', { legalBasis: '460-1' })).toEqual([]);
      await rekeyLegalBases(store.db);
      for (const [legalBasis, expected] of BASES) expect(await ids('', { legalBasis })).toEqual(expected);
    });

    it('migration 570 re-indexes rows written before stemming', async () => {
      // Put back the text the writer produced before this issue: folded words, unstemmed.
      const rows = await store.db.selectFrom('incident').select(['seq', 'notes']).execute();
      for (const r of rows)
        await store.db
          .updateTable('incident')
          .set({ search_text: searchWords(r.notes ?? '').join(' ') })
          .where('seq', '=', r.seq)
          .execute();
      if (dialect === 'sqlite') {
        await sql`INSERT INTO incident_fts (incident_fts) VALUES ('rebuild')`.execute(store.db);
        await store.db.deleteFrom('incident_term').execute();
      }
      expect(await ids('штраф')).toEqual([]);
      await reindex(store.db);
      for (const [, q, expected] of QUERIES) expect(await ids(q)).toEqual(expected);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`organisation aliases on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await insertOrganisation(store.db, { id: 'org-echo', name: 'Echo', createdAt: '2026-12-05T00:00:00Z' });
      await inTransaction(store, async (tx) =>
        insertIncidents(tx.db, [
          incident('e1', 1, 'уведомление', { organisation: 'Эхо' }),
          incident('e2', 2, 'notice', { organisation: 'Echo' }),
          incident('e3', 3, 'notice', { organisation: 'Other' }),
        ]),
      );
    });
    afterAll(async () => store.close());

    const ids = async (q: string) =>
      (
        await incidentSearchFor(store.db, dialect).search({
          viewer: { kind: 'all' },
          limit: 50,
          offset: 0,
          q,
        })
      ).items.map((i) => i.id);

    it('Эхо and Echo find each other once the alias is set and the incidents re-indexed', async () => {
      // No scheme turns Эхо into Echo (it gives "ekho"): without the alias each finds its own.
      expect(await ids('Echo')).toEqual(['e2']);
      expect(await ids('Эхо')).toEqual(['e1']);
      const reindexed = await inTransaction(store, async (tx) => {
        await setOrganisationAliases(tx.db, 'org-echo', ['Эхо']);
        return reindexOrganisationIncidents(tx.db, ['Echo', 'Эхо'], dialect);
      });
      expect(reindexed).toBe(2);
      expect(await ids('Echo')).toEqual(['e2', 'e1']);
      expect(await ids('Эхо')).toEqual(['e2', 'e1']);
      expect(await ids('echo уведомление')).toEqual(['e1']);
    });

    it('indexes a new incident under every name of its organisation', async () => {
      await inTransaction(store, async (tx) =>
        insertIncidents(tx.db, [incident('e4', 4, 'summons', { organisation: 'ЭХО' })]),
      );
      expect(await ids('echo summons')).toEqual(['e4']);
    });
  });
}
