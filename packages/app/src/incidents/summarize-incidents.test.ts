import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_TYPES, calendarDate, seededRandom, type Visibility } from '@civic/core';
import { deleteIncident, insertIncidents, setIncidentVisibility, type NewIncident } from '@civic/store';
import { freshContext, testDialects } from '../test-support.ts';
import {
  forgetKeptSearchPages,
  searchIncidents,
  type IncidentCursor,
  type IncidentViewerInput,
  type SearchIncidentsInput,
} from './search-incidents.ts';
import { summarizeIncidents, weekOf } from './summarize-incidents.ts';

// The summary the database aggregates equals the one the route used to build in JS from every
// page of the search (copied below as `pagedSummary`), for generated incidents and queries (words,
// place, region, action, dates, organisation, viewer), on both dialects. The data has place names
// that differ only in case and spaces (one map place), Cyrillic ones, coordinates that differ per
// spelling, rows with no coordinates, and dates across weeks, months and years.

const PLACES: readonly [string, number | null, number | null][] = [
  ['Almaty', 43.25, 76.95],
  ['almaty ', 43.2, 76.9],
  [' ALMATY', 43.25, 76.95],
  ['Astana', 51.17, 71.43],
  ['Алматы', 43.3, 76.9],
  ['алматы', 43.3, 76.9],
  ['Taraz', null, null],
  ['Uralsk', 51.23, 51.37],
  ['Нигде', 50, null],
];
const WORDS = ['grant', 'audit', 'report', 'отчёт', 'проверка'];
const ORGS = ['Echo', 'KIBHR', 'Ақиқат Қоры'];
const OWNERS = ['org-a', 'org-b', 'org-c'];
const VIS: Visibility[] = ['public', 'public', 'network', 'private'];
const ACTIONS = ACTION_TYPES.slice(0, 3);

function dataset(n: number): NewIncident[] {
  const r = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const [place, latitude, longitude] = pick(PLACES);
    // 2019-12-20 … 2020-03-18: weeks across a year's end, months with 28–31 days
    const date = calendarDate(new Date(Date.UTC(2019, 11, 20 + r.int(90))).toISOString().slice(0, 10));
    const visibility = pick(VIS);
    return {
      id: `s${i}`,
      date,
      dateTo: date,
      organisation: pick(ORGS),
      organisationId: null,
      place,
      latitude,
      longitude,
      country: 'KZ',
      region: place.trim() === 'Astana' ? 'Astana' : null,
      authority: null,
      office: null,
      action: pick(ACTIONS),
      legalBasis: null,
      penaltyMci: null,
      suspensionMonths: null,
      outcome: null,
      sources: [],
      notes: Array.from({ length: r.int(4) }, () => pick(WORDS)).join(' '),
      visibility,
      ownerOrganisationId: visibility === 'public' && r.int(2) === 0 ? null : pick(OWNERS),
      createdAt: '2026-11-30T00:00:00Z',
    };
  });
}

/** Monday of the ISO week, as the old route computed it. */
function oldWeekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The old route's aggregation over every page of the search (without its 100,000 cap). */
async function pagedSummary(ctx: Parameters<typeof searchIncidents>[0], input: SearchIncidentsInput) {
  const weeks = new Map<string, number>();
  const months = new Map<string, number>();
  const places = new Map<string, { name: string; latitude: number; longitude: number; count: number }>();
  let count = 0;
  let after: IncidentCursor | undefined;
  for (;;) {
    const page = await searchIncidents(ctx, { ...input, limit: 37, ...(after ? { after } : {}) });
    if (!page.ok) throw new Error(page.error.message);
    for (const i of page.value.incidents) {
      count++;
      weeks.set(oldWeekOf(i.date), (weeks.get(oldWeekOf(i.date)) ?? 0) + 1);
      months.set(i.date.slice(0, 7), (months.get(i.date.slice(0, 7)) ?? 0) + 1);
      if (i.latitude !== null && i.longitude !== null) {
        const key = i.place.trim().toLowerCase();
        const p = places.get(key);
        if (p) p.count++;
        else places.set(key, { name: i.place, latitude: i.latitude, longitude: i.longitude, count: 1 });
      }
    }
    if (!page.value.hasMore || page.value.next === null) break;
    after = page.value.next;
  }
  const sorted = (m: Map<string, number>, key: string) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => ({ [key]: k, count: n }));
  return {
    count,
    truncated: false,
    weeks: sorted(weeks, 'week'),
    months: sorted(months, 'month'),
    places: [...places.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
  };
}

const orgIds = fc.subarray(OWNERS);
const viewerArb: fc.Arbitrary<IncidentViewerInput> = fc.oneof(
  fc.constant<IncidentViewerInput>('all'),
  fc.constant<IncidentViewerInput>('public'),
  fc.record({ organisationIds: orgIds, networkOrganisationIds: orgIds }),
);
const day = fc
  .integer({ min: 0, max: 95 })
  .map((d) => new Date(Date.UTC(2019, 11, 18 + d)).toISOString().slice(0, 10));
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const queryArb = fc
  .record({
    q: sometimes(fc.constantFrom(...WORDS, 'almaty', 'алматы', 'rep*', 'zzz')),
    place: sometimes(fc.constantFrom('Almaty', 'Astana', 'Алматы', 'Uralsk')),
    action: sometimes(fc.constantFrom(...ACTIONS)),
    organisation: sometimes(fc.constantFrom(...ORGS)),
    from: sometimes(day),
    to: sometimes(day),
    viewer: viewerArb,
  })
  .map((q) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(q)) if (v !== undefined) out[k] = v;
    if (typeof out['from'] === 'string' && typeof out['to'] === 'string' && out['from'] > out['to'])
      delete out['to'];
    return out as SearchIncidentsInput;
  });

for (const dialect of testDialects()) {
  describe(`incident summary on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      await insertIncidents(ctx.store.db, dataset(700));
    });
    afterAll(async () => ctx.close());

    it('counts per week, month and place exactly as the paged aggregation did', async () => {
      await fc.assert(
        fc.asyncProperty(queryArb, async (q) => {
          const summary = await summarizeIncidents(ctx, q);
          expect(summary.ok && summary.value).toEqual(await pagedSummary(ctx, q));
        }),
        { numRuns: 60 },
      );
    });

    it('counts everything the viewer may see, and no place without both coordinates', async () => {
      const s = await summarizeIncidents(ctx, { viewer: 'all' });
      if (!s.ok) throw new Error(s.error.message);
      expect(s.value.count).toBe(700);
      expect(s.value.weeks.reduce((n, w) => n + w.count, 0)).toBe(700);
      expect(s.value.months.map((m) => m.month)).toEqual(['2019-12', '2020-01', '2020-02', '2020-03']);
      // Almaty's three spellings are one place, and so are the two Cyrillic ones; Taraz and Нигде have no coordinates.
      expect(s.value.places.map((p) => p.name.trim().toLowerCase()).sort()).toEqual([
        'almaty',
        'astana',
        'uralsk',
        'алматы',
      ]);
    });

    it('answers SEARCH_RANGE_INVALID when from is after to, and a week starts on its Monday', async () => {
      const r = await summarizeIncidents(ctx, { from: '2020-02-01', to: '2020-01-31' });
      expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['SEARCH_RANGE_INVALID', 'from']);
      const s = await searchIncidents(ctx, { from: '2020-02-01', to: '2020-01-31' });
      expect(s.ok ? null : s.error.code).toBe('SEARCH_RANGE_INVALID');
      expect((await summarizeIncidents(ctx, { from: '2020-02-01', to: '2020-02-01' })).ok).toBe(true);
      expect([
        weekOf(calendarDate('2020-01-05')),
        weekOf(calendarDate('2020-01-06')),
        weekOf(calendarDate('2019-12-31')),
      ]).toEqual(['2019-12-30', '2020-01-06', '2019-12-30']);
    });

    /** Asks twice (the second answer equal), adds one incident on `day`, and asks once more. */
    async function askAroundOneMore<T>(
      ask: () => Promise<T>,
      id: string,
      day: string,
    ): Promise<{ before: T; after: T }> {
      const before = await ask();
      expect(await ask()).toEqual(before);
      const [extra] = dataset(1);
      if (!extra) throw new Error('no incident');
      await insertIncidents(ctx.store.db, [
        { ...extra, id, date: calendarDate(day), dateTo: calendarDate(day) },
      ]);
      return { before, after: await ask() };
    }

    it('answers the same question again from the records as they are now (a kept answer never outlives a change)', async () => {
      const ask = async () => {
        const s = await summarizeIncidents(ctx, { viewer: 'all', from: '2020-03-01' });
        if (!s.ok) throw new Error(s.error.message);
        return s.value;
      };
      const { before, after } = await askAroundOneMore(ask, 'late-1', '2020-03-30');
      expect(after.count).toBe(before.count + 1);
      expect(after.months.find((m) => m.month === '2020-03')?.count).toBe(
        (before.months.find((m) => m.month === '2020-03')?.count ?? 0) + 1,
      );
    });

    it('answers the same search again from the records as they are now (a kept page never outlives a change)', async () => {
      const ask = async () => {
        const s = await searchIncidents(ctx, {
          viewer: 'all',
          from: '2020-03-01',
          limit: 5,
          withTotal: true,
        });
        if (!s.ok) throw new Error(s.error.message);
        return s.value;
      };
      const { before, after } = await askAroundOneMore(ask, 'later-1', '2020-04-30');
      expect(after.total).toBe((before.total ?? 0) + 1);
      expect(after.incidents[0]?.id).toBe('later-1');
      expect(after.incidents.slice(1)).toEqual(before.incidents.slice(0, 4));
    });

    it('searches afresh once the kept pages are forgotten, with the same page (both dialects keep pages)', async () => {
      const ask = async () => {
        const s = await searchIncidents(ctx, { viewer: 'all', q: 'grant', limit: 7 });
        if (!s.ok) throw new Error(s.error.message);
        return s.value.incidents;
      };
      const first = await ask();
      expect(first.length).toBeGreaterThan(0);
      const again = await ask();
      expect(again).toBe(first);
      forgetKeptSearchPages(ctx);
      const fresh = await ask();
      expect(fresh).not.toBe(first);
      expect(fresh).toEqual(first);
    });

    it('without a filter, answers from the maintained counts what counting the matches answers, for every viewer, also after changes', async () => {
      const viewers: IncidentViewerInput[] = [
        'all',
        'public',
        { organisationIds: ['org-a'], networkOrganisationIds: ['org-b'] },
        { organisationIds: ['org-c'], networkOrganisationIds: [] },
      ];
      const check = async () => {
        for (const viewer of viewers) {
          const s = await summarizeIncidents(ctx, { viewer, q: ' ' });
          expect(s.ok && s.value).toEqual(await pagedSummary(ctx, { viewer }));
        }
      };
      await check();
      await setIncidentVisibility(ctx.store.db, 's1', 'private', 'org-c');
      await setIncidentVisibility(ctx.store.db, 's2', 'public', null);
      await deleteIncident(ctx.store.db, 's3');
      await check();
    });
  });
}
