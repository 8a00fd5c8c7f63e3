import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { insertIncidents, type NewIncident } from './incident.repository.ts';
import { incidentSearchFor, SqliteIncidentSearch, type IncidentSearch } from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// Issue 17: a common word with a rare place (the web bench's "search + place" route) and a rare
// word with a common place, where SQLite's filtered text search goes on with one side after the
// first step of each (SearchStepPlan). Many incidents share a day (ties, ordered by insertion),
// pages are read by offset and by cursor, and each page must be the same slice of a plain filter
// of the data, on both dialects.

const PLACES = ['Almaty', 'Astana', 'Taraz'] as const;

/** 400 incidents on 8 days (50 a day): every one says "grant", every 7th "audit", every 25th is in Taraz. */
function data(): NewIncident[] {
  return Array.from({ length: 400 }, (_, n) => {
    const date = calendarDate(`2021-03-0${String(1 + (n % 8))}`);
    const place = n % 25 === 0 ? 'Taraz' : (PLACES[n % 2] ?? 'Almaty');
    return {
      id: `s${String(n).padStart(3, '0')}`,
      date,
      dateTo: date,
      organisation: 'Echo',
      organisationId: null,
      place,
      latitude: null,
      longitude: null,
      country: 'KZ',
      region: place,
      authority: null,
      office: null,
      action: 'notice',
      legalBasis: null,
      penaltyMci: null,
      suspensionMonths: null,
      outcome: null,
      sources: [],
      notes: n % 7 === 0 ? 'grant audit' : 'grant report',
      visibility: n % 3 === 0 ? 'network' : 'public',
      ownerOrganisationId: n % 3 === 0 ? 'org-a' : null,
      createdAt: '2026-12-07T00:00:00Z',
    };
  });
}

/** The expected order: newest day first, then the later inserted first. */
function expected(rows: readonly NewIncident[], keep: (r: NewIncident, n: number) => boolean): string[] {
  return rows
    .map((r, n) => ({ r, n }))
    .filter(({ r, n }) => keep(r, n))
    .sort((a, b) => (a.r.date === b.r.date ? b.n - a.n : a.r.date < b.r.date ? 1 : -1))
    .map(({ r }) => r.id);
}

for (const dialect of testDialects()) {
  describe(`a filtered text search, stepping by the better side, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    const rows = data();
    const engines: [string, () => IncidentSearch][] = [];
    beforeAll(async () => {
      store = await freshStore(dialect);
      await inTransaction(store, async (tx) => insertIncidents(tx.db, rows));
      engines.push(['default budgets', () => incidentSearchFor(store.db, dialect)]);
      // SQLite with a small first budget: many steps, each side's rate measured on few rows.
      if (dialect === 'sqlite') engines.push(['first budget 8', () => new SqliteIncidentSearch(store.db, 8)]);
    });
    afterAll(async () => store.close());

    const publicViewer = { kind: 'public' } as const;
    const cases: [string, { q: string; place?: string }, (r: NewIncident, n: number) => boolean][] = [
      ['a common word, a rare place', { q: 'grant', place: 'Taraz' }, (r) => r.place === 'Taraz'],
      [
        'a rarer word, a common place',
        { q: 'audit', place: 'Almaty' },
        (r, n) => r.place === 'Almaty' && n % 7 === 0,
      ],
      ['a word no incident has, a place', { q: 'election', place: 'Almaty' }, () => false],
    ];

    it.each(cases)('%s: every page by offset and by cursor', async (_name, q, keep) => {
      const want = expected(rows, (r, n) => r.visibility === 'public' && keep(r, n));
      for (const [, engine] of engines) {
        for (const limit of [1, 5, 13]) {
          const byOffset: string[] = [];
          for (let offset = 0; offset <= want.length; offset += limit) {
            const page = await engine().search({ ...q, viewer: publicViewer, limit, offset });
            byOffset.push(...page.items.map((i) => i.id));
            expect(page.hasMore).toBe(offset + limit < want.length);
          }
          expect(byOffset).toEqual(want);
          const byCursor: string[] = [];
          let after;
          for (let k = 0; k <= want.length; k++) {
            const page = await engine().search({
              ...q,
              viewer: publicViewer,
              limit,
              offset: 0,
              ...(after === undefined ? {} : { after }),
            });
            byCursor.push(...page.items.map((i) => i.id));
            if (!page.hasMore || page.next === null) break;
            after = page.next;
          }
          expect(byCursor).toEqual(want);
        }
      }
    });

    it('a member also sees their network incidents, in the same order', async () => {
      const member = { kind: 'member', organisationIds: ['org-a'], peerOrganisationIds: [] } as const;
      const want = expected(rows, (r) => r.place === 'Taraz');
      for (const [, engine] of engines) {
        const page = await engine().search({
          q: 'grant',
          place: 'Taraz',
          viewer: member,
          limit: 50,
          offset: 0,
        });
        expect(page.items.map((i) => i.id)).toEqual(want);
      }
    });
  });
}
