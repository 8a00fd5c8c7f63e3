import {
  decodeIncidentCursor,
  encodeIncidentCursor,
  searchIncidents,
  summarizeIncidents,
  type IncidentRecord,
  type SearchIncidentsInput,
} from '@civic/app';
import {
  ACTION_TYPE_LABELS,
  AUTHORITY_TYPE_LABELS,
  authorityTypeOf,
  labelOf,
  localLegalBasis,
  type Locale,
} from '@civic/core';
import { KAZAKHSTAN_OUTLINE } from '@civic/formats';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { JSON_TYPE, keptJsonBody } from '../http/json-body.ts';
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

type FilterQuery = {
  q?: string;
  from?: string;
  to?: string;
  place?: string;
  action?: string;
  legalBasis?: string;
  organisation?: string;
};

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

const labelOrNull = (code: string | null, locale: Locale): string | null =>
  code === null ? null : labelOf(AUTHORITY_TYPE_LABELS, code, locale);

/** An incident as JSON: its codes, each with its label in the request's language. */
const incidentJson = (i: IncidentRecord, locale: Locale) => ({
  id: i.id,
  date: i.date,
  dateTo: i.dateTo,
  organisation: i.organisation,
  organisationId: i.organisationId,
  place: i.place,
  region: i.region,
  latitude: i.latitude,
  longitude: i.longitude,
  authority: i.authority,
  authorityType: authorityTypeOf(i.authority),
  authorityTypeLabel: labelOrNull(authorityTypeOf(i.authority), locale),
  action: i.action,
  actionLabel: labelOf(ACTION_TYPE_LABELS, i.action, locale),
  legalBasis: i.legalBasis,
  legalBasisLabel: localLegalBasis(i.legalBasis, locale),
  penaltyMci: i.penaltyMci,
  suspensionMonths: i.suspensionMonths,
  outcome: i.outcome,
  sources: i.sources,
  notes: i.notes,
  visibility: i.visibility,
});

/** The route counts matches up to this many (`totalCapped` when there are more); the CLI counts them all. */
export const TOTAL_CAP = 10_000;

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
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...Filters,
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            after: { type: 'string', maxLength: 2000, description: 'The `next` of the previous page' },
            total: {
              type: 'boolean',
              default: false,
              description: `Also count the matches, up to ${TOTAL_CAP}`,
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['incidents', 'limit', 'offset', 'hasMore', 'next'],
            properties: {
              incidents: { type: 'array', items: Obj },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              hasMore: { type: 'boolean' },
              next: { type: ['string', 'null'] },
              total: {
                type: 'integer',
                description: `With total=true: the number of matches, counted up to ${TOTAL_CAP}`,
              },
              totalCapped: {
                type: 'boolean',
                description: `With total=true: true when more than ${TOTAL_CAP} match (then total is ${TOTAL_CAP})`,
              },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { limit: number; offset: number; after?: string; total: boolean };
      const after =
        q.after === undefined || q.after === '' ? undefined : unwrap(decodeIncidentCursor(q.after, 'after'));
      const r = unwrap(
        await searchIncidents(deps.ctx, {
          ...searchInput(req),
          limit: q.limit,
          offset: q.offset,
          withTotal: q.total,
          totalCap: TOTAL_CAP,
          ...(after ? { after } : {}),
        }),
      );
      // A kept page (search-incidents.ts) is the same array each time, and everything else in the
      // body comes from the same kept page (its key holds the limit and offset): its body is kept
      // with it per language, not mapped and serialised again on every request.
      const body = keptJsonBody(r.incidents, req.locale, () => ({
        incidents: r.incidents.map((i) => incidentJson(i, req.locale)),
        limit: r.limit,
        offset: r.offset,
        hasMore: r.hasMore,
        next: r.next === null ? null : encodeIncidentCursor(r.next),
        ...(r.total === undefined ? {} : { total: r.total, totalCapped: r.totalCapped ?? false }),
      }));
      return reply.type(JSON_TYPE).send(body);
    },
  );

  app.get(
    '/api/v1/incidents/summary',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary:
          'Counts of every matching incident per week and per month, their places with coordinates, and the country outline (for the timeline chart and the map); `truncated` is always false',
        querystring: { type: 'object', additionalProperties: false, properties: Filters },
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const summary = unwrap(await summarizeIncidents(deps.ctx, searchInput(req)));
      return {
        ...summary,
        outline: KAZAKHSTAN_OUTLINE,
      };
    },
  );
};
