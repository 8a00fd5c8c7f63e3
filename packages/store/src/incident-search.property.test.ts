import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  calendarDate,
  canSeeRecord,
  incidentSearchText,
  legalBasisFilterKey,
  legalBasisMatches,
  organisationFilterKey,
  parseSearchQuery,
  searchWords,
  seededRandom,
  type SearchClause,
  type Visibility,
} from '@civic/core';
import { insertIncidents, type NewIncident } from './incident.repository.ts';
import {
  incidentSearchFor,
  SqliteIncidentSearch,
  type IncidentQuery,
  type IncidentSearch,
  type IncidentViewer,
} from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// Combined queries (words, phrases, prefixes + place, region, action, legal basis, organisation,
// dates, viewer, cursor paging) give exactly the incidents of a plain in-memory filter of the same
// data, in the same order (and the same count, capped or not), on both dialects — and on SQLite also when its filtered text search
// takes many small alternating steps (a first budget of 1–3 rows).

const WORDS = ['grant', 'audit', 'report', 'late', 'отчёт', 'проверка', 'есеп', 'granted', 'auditor'];
const PLACES = [
  ['Almaty', 'Almaty'],
  ['Astana', 'Astana'],
  ['Taraz', 'Jambyl Region'],
  ['Uralsk', 'West Kazakhstan Region'],
] as const;
const ORGS = ['Echo', 'KIBHR', 'Erkindik Kanaty', 'Ақиқат Қоры'];
const OWNERS = [null, 'org-a', 'org-b', 'org-c'];
const BASES = [null, 'CoAO 460-1', 'CoAO 460-1 part 2', 'CoAO 460-12', 'CoAO 489'];
const ACTIONS = ACTION_TYPES.slice(0, 4);
const VIS: Visibility[] = ['public', 'public', 'network', 'private'];

function dataset(n: number): NewIncident[] {
  const r = seededRandom(11);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const [place, region] = pick(PLACES);
    const date = calendarDate(`2020-01-${String(1 + r.int(12)).padStart(2, '0')}`);
    const visibility = pick(VIS);
    const owner = visibility === 'public' ? pick(OWNERS) : pick(OWNERS.slice(1));
    return {
      id: `p${i}`,
      date,
      dateTo: date,
      organisation: pick(ORGS),
      organisationId: null,
      place,
      latitude: null,
      longitude: null,
      country: 'KZ',
      region,
      authority: null,
      office: null,
      action: pick(ACTIONS),
      legalBasis: pick(BASES),
      penaltyMci: null,
      suspensionMonths: null,
      outcome: null,
      sources: [],
      notes: Array.from({ length: r.int(5) }, () => pick(WORDS)).join(' '),
      visibility,
      ownerOrganisationId: owner,
      createdAt: '2026-11-30T00:00:00Z',
    };
  });
}

const DATA = dataset(400);

/** The reference: every incident of DATA the query selects, newest first (a day's incidents in reverse insertion order). */
function reference(q: Omit<IncidentQuery, 'limit' | 'offset'>): string[] {
  const clauses = parseSearchQuery(q.q ?? '');
  const matchesText = (words: readonly string[], c: SearchClause) =>
    c.anyOf !== undefined
      ? c.anyOf.some((w) => words.includes(w))
      : words.some((_, at) =>
          c.words.every((w, k) => {
            const word = words[at + k];
            return (
              word !== undefined && (c.prefix && k === c.words.length - 1 ? word.startsWith(w) : word === w)
            );
          }),
        );
  return DATA.map((incident, index) => ({ incident, index }))
    .filter(({ incident: i }) => {
      const words = searchWords(incidentSearchText(i));
      const basis = i.legalBasis === null ? null : legalBasisFilterKey(i.legalBasis);
      const viewer = q.viewer;
      return (
        clauses.every((c) => matchesText(words, c)) &&
        (q.place === undefined || i.place === q.place) &&
        (q.region === undefined || i.region === q.region) &&
        (q.action === undefined || i.action === q.action) &&
        (q.organisation === undefined ||
          organisationFilterKey(i.organisation) === organisationFilterKey(q.organisation)) &&
        (q.legalBasis === undefined || (basis !== null && legalBasisMatches(q.legalBasis, basis))) &&
        (q.from === undefined || i.date >= q.from) &&
        (q.to === undefined || i.date <= q.to) &&
        (viewer.kind === 'all' ||
          (viewer.kind === 'public'
            ? i.visibility === 'public'
            : canSeeRecord(
                {
                  organisationIds: viewer.organisationIds,
                  networkOrganisationIds: viewer.peerOrganisationIds,
                },
                i.ownerOrganisationId ?? null,
                i.visibility,
              )))
      );
    })
    .sort((a, b) =>
      a.incident.date === b.incident.date ? b.index - a.index : a.incident.date < b.incident.date ? 1 : -1,
    )
    .map(({ incident }) => incident.id);
}

const orgIds = fc.subarray(['org-a', 'org-b', 'org-c']);
const viewerArb: fc.Arbitrary<IncidentViewer> = fc.oneof(
  fc.constant<IncidentViewer>({ kind: 'all' }),
  fc.constant<IncidentViewer>({ kind: 'public' }),
  fc.record({ kind: fc.constant('member' as const), organisationIds: orgIds, peerOrganisationIds: orgIds }),
);
const clauseArb = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((w) => `${w.slice(0, 1 + (w.length >> 1))}*`),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `"${a} ${b}"`),
  fc.constantFrom('almaty', 'алматы', 'echo', '460-1', 'kibhr', 'акикат', 'zzz', 'ta*'),
);
const day = fc.integer({ min: 1, max: 12 }).map((d) => `2020-01-${String(d).padStart(2, '0')}`);
const FILTER_KEYS = ['place', 'region', 'action', 'legalBasis', 'organisation', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
/** Present one time in three (a query with every filter at once would match nothing). */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const queryArb = fc
  .record({
    q: fc.array(clauseArb, { maxLength: 2 }).map((cs) => cs.join(' ')),
    place: sometimes(fc.constantFrom(...PLACES.map(([p]) => p))),
    region: sometimes(fc.constantFrom(...PLACES.map(([, r]) => r))),
    action: sometimes(fc.constantFrom(...ACTIONS)),
    legalBasis: sometimes(fc.constantFrom('CoAO 460-1', 'coao 460-1 part 2', 'CoAO 489')),
    organisation: sometimes(fc.constantFrom(...ORGS, 'echo', 'nobody')),
    from: sometimes(day),
    to: sometimes(day),
    viewer: viewerArb,
  })
  .map(({ viewer, q, ...filters }) => {
    const present: { -readonly [K in FilterKey]?: string } = {};
    for (const k of FILTER_KEYS) {
      const v = filters[k];
      if (v !== undefined) present[k] = v;
    }
    return { viewer, q, ...present };
  });

/** Every page of a query by keyset paging (`limit` rows a page), concatenated. */
async function allPages(
  search: IncidentSearch,
  q: Omit<IncidentQuery, 'limit' | 'offset'>,
  limit: number,
): Promise<string[]> {
  const out: string[] = [];
  let after: IncidentQuery['after'];
  for (let n = 0; n < 500; n++) {
    const page = await search.search({ ...q, limit, offset: 0, ...(after === undefined ? {} : { after }) });
    out.push(...page.items.map((i) => i.id));
    if (!page.hasMore || page.next === null) return out;
    after = page.next;
  }
  throw new Error('paging did not end');
}

for (const dialect of testDialects()) {
  describe(`incident search on ${dialect}: combined queries agree with a plain filter`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await inTransaction(store, async (tx) => insertIncidents(tx.db, DATA));
    });
    afterAll(async () => store.close());

    it('pages of any size, with the total, give the reference rows in order', async () => {
      await fc.assert(
        fc.asyncProperty(queryArb, fc.integer({ min: 1, max: 40 }), async (q, limit) => {
          const expected = reference(q);
          const search = incidentSearchFor(store.db, dialect);
          expect(await allPages(search, q, limit)).toEqual(expected);
          const first = await search.search({ ...q, limit, offset: 0 }, { withTotal: true });
          expect(first.total).toBe(expected.length);
          const cap = Math.max(0, expected.length + (limit % 3) - 1); // one below, at, or one above the count
          const capped = await search.search({ ...q, limit, offset: 0 }, { withTotal: true, totalCap: cap });
          expect([capped.total, capped.totalCapped]).toEqual([
            Math.min(expected.length, cap),
            expected.length > cap,
          ]);
          expect((await search.counts(q)).count).toBe(expected.length);
          const offset = Math.min(expected.length, 3);
          expect((await search.search({ ...q, limit, offset })).items.map((i) => i.id)).toEqual(
            expected.slice(offset, offset + limit),
          );
        }),
        { numRuns: 120 },
      );
    });

    if (dialect === 'sqlite') {
      it('gives the same rows and counts when its filtered text search takes many tiny steps', async () => {
        await fc.assert(
          fc.asyncProperty(
            queryArb,
            fc.integer({ min: 1, max: 25 }),
            fc.integer({ min: 1, max: 3 }),
            async (q, limit, budget) => {
              const search = new SqliteIncidentSearch(store.db, budget);
              const expected = reference(q);
              expect(await allPages(search, q, limit)).toEqual(expected);
              expect((await search.search({ ...q, limit, offset: 0 }, { withTotal: true })).total).toBe(
                expected.length,
              );
              const capped = await search.search(
                { ...q, limit, offset: 0 },
                { withTotal: true, totalCap: limit },
              );
              expect([capped.total, capped.totalCapped]).toEqual([
                Math.min(expected.length, limit),
                expected.length > limit,
              ]);
              // The counts for charts: filters with fewer rows than 64 budgets test each row's text, others collect the FTS matches.
              expect((await search.counts(q)).count).toBe(expected.length);
            },
          ),
          { numRuns: 120 },
        );
      });
    }
  });
}
