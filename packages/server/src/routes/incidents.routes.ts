import { searchIncidents, type IncidentCursor, type IncidentRecord, type SearchIncidentsInput } from '@civic/app';
import { KAZAKHSTAN_OUTLINE } from '@civic/formats';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const Obj = { type: 'object', additionalProperties: true } as const;
const text = { type: 'string', maxLength: 200 } as const;
const Filters = {
  q: { type: 'string', maxLength: 500, description: 'Words to find (full text)' },
  from: { type: 'string', maxLength: 20, description: 'First day (YYYY-MM-DD)' },
  to: { type: 'string', maxLength: 20, description: 'Last day (YYYY-MM-DD)' },
  place: { ...text, description: 'A place or region in any spelling the gazetteer knows' },
  action: { ...text, description: 'An action type or a synonym' },
  legalBasis: { ...text, description: 'An article ("CoAO 460-1"): that article and its parts' },
  organisation: { ...text, description: 'An organisation (name or id)' },
} as const;

type FilterQuery = { q?: string; from?: string; to?: string; place?: string; action?: string; legalBasis?: string; organisation?: string };

/** The filters of the query string, empty ones left out, with the signed-in user as the viewer. */
function searchInput(req: FastifyRequest): SearchIncidentsInput {
  const q = req.query as FilterQuery;
  const out: Record<string, string> = {};
  for (const k of ['q', 'from', 'to', 'place', 'action', 'legalBasis', 'organisation'] as const) {
    const v = q[k];
    if (v !== undefined && v.trim() !== '') out[k] = v;
  }
  return { ...out, viewer: principalOf(req) };
}

const cursorText = (c: IncidentCursor | null): string | null => (c === null ? null : Buffer.from(JSON.stringify(c), 'utf8').toString('base64url'));
function cursorOf(text: string | undefined): IncidentCursor | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as IncidentCursor;
  } catch {
    return undefined;
  }
}

const incidentJson = (i: IncidentRecord) => ({
  id: i.id, date: i.date, dateTo: i.dateTo, organisation: i.organisation, organisationId: i.organisationId, place: i.place, region: i.region,
  latitude: i.latitude, longitude: i.longitude, authority: i.authority, action: i.action, legalBasis: i.legalBasis, penaltyMci: i.penaltyMci,
  suspensionMonths: i.suspensionMonths, outcome: i.outcome, sources: i.sources, notes: i.notes, visibility: i.visibility,
});

const SUMMARY_CAP = 100_000;

/** Monday of the ISO week of a day (YYYY-MM-DD). */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Incidents the signed-in user may see — public ones, what their networks share, and their own
 * organisations' private ones — searched with filters; and a summary for charts (counts per week
 * and month, places with coordinates, the country outline).
 */
export const incidentsRoutes: RouteModule = (app, deps) => {
  const tags = ['incidents'];
  app.get(
    '/api/v1/incidents',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Search incidents (newest first) with filters; only what you may see',
        querystring: { type: 'object', additionalProperties: false, properties: { ...Filters, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 }, after: { type: 'string', maxLength: 2000, description: 'The `next` of the previous page' }, total: { type: 'boolean', default: false } } },
        response: { 200: { type: 'object', required: ['incidents', 'limit', 'offset', 'hasMore', 'next'], properties: { incidents: { type: 'array', items: Obj }, limit: { type: 'integer' }, offset: { type: 'integer' }, hasMore: { type: 'boolean' }, next: { type: ['string', 'null'] }, total: { type: 'integer' } } }, '4xx': errorRef },
      },
    },
    async (req) => {
      const q = req.query as { limit: number; offset: number; after?: string; total: boolean };
      const after = cursorOf(q.after);
      const r = unwrap(await searchIncidents(deps.ctx, { ...searchInput(req), limit: q.limit, offset: q.offset, withTotal: q.total, ...(after ? { after } : {}) }));
      return { incidents: r.incidents.map(incidentJson), limit: r.limit, offset: r.offset, hasMore: r.hasMore, next: cursorText(r.next), ...(r.total === undefined ? {} : { total: r.total }) };
    },
  );

  app.get(
    '/api/v1/incidents/summary',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Counts of the matching incidents per week and per month, their places with coordinates, and the country outline (for the timeline chart and the map)',
        querystring: { type: 'object', additionalProperties: false, properties: Filters },
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const input = searchInput(req);
      const weeks = new Map<string, number>();
      const months = new Map<string, number>();
      const places = new Map<string, { name: string; latitude: number; longitude: number; count: number }>();
      let count = 0;
      let after: IncidentCursor | undefined;
      for (;;) {
        const page = unwrap(await searchIncidents(deps.ctx, { ...input, limit: 1000, ...(after ? { after } : {}) }));
        for (const i of page.incidents) {
          count++;
          weeks.set(weekOf(i.date), (weeks.get(weekOf(i.date)) ?? 0) + 1);
          months.set(i.date.slice(0, 7), (months.get(i.date.slice(0, 7)) ?? 0) + 1);
          if (i.latitude !== null && i.longitude !== null) {
            const key = i.place.trim().toLowerCase();
            const p = places.get(key);
            if (p) p.count++;
            else places.set(key, { name: i.place, latitude: i.latitude, longitude: i.longitude, count: 1 });
          }
        }
        if (!page.hasMore || page.next === null || count >= SUMMARY_CAP) break;
        after = page.next;
      }
      const sorted = (m: Map<string, number>, key: string) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => ({ [key]: k, count: n }));
      return {
        count,
        truncated: count >= SUMMARY_CAP,
        weeks: sorted(weeks, 'week'),
        months: sorted(months, 'month'),
        places: [...places.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
        outline: KAZAKHSTAN_OUTLINE,
      };
    },
  );
};
