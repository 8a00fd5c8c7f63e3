import { addDays, isoWeekday, ok, type CalendarDate, type Result } from '@civic/core';
import { incidentCountsOf, incidentSearchFor, type IncidentCounts } from '@civic/store';
import type { AppContext } from '../context.ts';
import { StampedAnswers } from './stamped-answers.ts';
import {
  organisationName,
  resolveFilters,
  toStoreViewer,
  type SearchIncidentsInput,
} from './search-incidents.ts';

/** A place on the map: its name and coordinates as on its newest incident, and how many incidents. */
export interface SummaryPlace {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly count: number;
}

export interface IncidentSummary {
  readonly count: number;
  /** Always false: every match is counted (kept for clients of the capped summary it replaced). */
  readonly truncated: boolean;
  /** Per ISO week (its Monday), ascending. */
  readonly weeks: readonly { readonly week: string; readonly count: number }[];
  /** Per month (YYYY-MM), ascending. */
  readonly months: readonly { readonly month: string; readonly count: number }[];
  /** Places with coordinates (one per name, spelled case- and space-insensitively), most incidents first, then by name. */
  readonly places: readonly SummaryPlace[];
}

export type SummarizeIncidentsInput = Omit<
  SearchIncidentsInput,
  'limit' | 'offset' | 'after' | 'withTotal' | 'totalCap'
>;

/** Monday of the ISO week of a day. */
export function weekOf(day: CalendarDate): CalendarDate {
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * Counts of the incidents a search would find (the same filters and visibility), per week, per
 * month and per place, for the timeline chart and the map. The database counts per day and per
 * place; this rolls the days up. Without a filter (the Monitor page's first view) the counts are
 * read from the ones the store maintains (incident-counts.repository.ts), so even a new process
 * over a million incidents does not count them; with one, the matching incidents are counted.
 */
export async function summarizeIncidents(
  ctx: AppContext,
  input: SummarizeIncidentsInput,
): Promise<Result<IncidentSummary>> {
  const filters = resolveFilters(input);
  if (!filters.ok) return filters;
  const organisation = await organisationName(ctx, filters.value.organisation);
  const query = {
    ...filters.value,
    ...(organisation === undefined ? {} : { organisation }),
    ...(input.q === undefined ? {} : { q: input.q }),
    viewer: toStoreViewer(input.viewer),
  };
  // The stamp is read before the counts: a write racing them leaves the answer under the older stamp.
  const summary = await summaries.answer(ctx, JSON.stringify(query), async () =>
    summaryOf(
      isBlank(query)
        ? await incidentCountsOf(ctx.store.db, query.viewer)
        : await incidentSearchFor(ctx.store.db, ctx.store.dialect).counts(query),
    ),
  );
  return ok(summary);
}

/** A query whose only non-empty field is the viewer (a blank text query finds everything). */
function isBlank(query: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(query).every(
    ([k, v]) => k === 'viewer' || v === undefined || (k === 'q' && typeof v === 'string' && v.trim() === ''),
  );
}

/**
 * Summaries answered again without counting while no incident changed (the incidents' stamp; see
 * StampedAnswers). A filtered summary of a million incidents takes seconds; the Monitor page asks
 * for one on every visit.
 */
const summaries = new StampedAnswers<IncidentSummary>(32);

/** The summary of the database's counts. */
export function summaryOf(counts: IncidentCounts): IncidentSummary {
  const weeks = new Map<string, number>();
  const months = new Map<string, number>();
  for (const { day, count } of counts.days) {
    const week = weekOf(day as CalendarDate);
    weeks.set(week, (weeks.get(week) ?? 0) + count);
    months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + count);
  }
  const places = new Map<
    string,
    { name: string; latitude: number; longitude: number; count: number; latest: bigint }
  >();
  for (const p of counts.places) {
    const key = p.place.trim().toLowerCase();
    const seen = places.get(key);
    if (seen === undefined)
      places.set(key, {
        name: p.place,
        latitude: p.latitude,
        longitude: p.longitude,
        count: p.count,
        latest: p.latest,
      });
    else if (p.latest > seen.latest)
      places.set(key, {
        name: p.place,
        latitude: p.latitude,
        longitude: p.longitude,
        count: seen.count + p.count,
        latest: p.latest,
      });
    else seen.count += p.count;
  }
  const sorted = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => ({ [key]: k, count: n }) as { [P in K]: string } & { count: number });
  return {
    count: counts.count,
    truncated: false,
    weeks: sorted(weeks, 'week'),
    months: sorted(months, 'month'),
    places: [...places.values()]
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
      .map(({ name, latitude, longitude, count }) => ({ name, latitude, longitude, count })),
  };
}
