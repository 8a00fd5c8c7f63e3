import {
  changeIncident,
  createIncidentAs,
  mayChangeIncident,
  readIncident,
  type IncidentEditor,
  type VersionedIncident,
} from '@civic/app';
import {
  ACTION_TYPE_LABELS,
  completePlaces,
  labelOf,
  localLegalBasis,
  localPlaceName,
  placeName,
  type Locale,
} from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  IncidentBodySchema,
  IncidentParamsSchema,
  IncidentPatchSchema,
  IncidentViewSchema,
  PlacesQuerySchema,
  PlacesSchema,
  type IncidentView,
} from '../http/api/index.ts';
import { actorOf, principalOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const tags = ['incidents'];

/** An incident for the web: every code with its label, the place and region in the reader's language. */
export function incidentView(i: VersionedIncident, locale: Locale, editor: IncidentEditor): IncidentView {
  return {
    id: i.id,
    version: i.version,
    date: i.date,
    dateTo: i.dateTo,
    organisation: i.organisation,
    organisationId: i.organisationId,
    place: i.place,
    placeLabel: localPlaceName(i.place, locale, i.date),
    region: i.region,
    regionLabel: i.region === null ? null : localPlaceName(i.region, locale),
    latitude: i.latitude,
    longitude: i.longitude,
    authority: i.authority,
    office: i.office,
    action: i.action,
    actionLabel: labelOf(ACTION_TYPE_LABELS, i.action, locale),
    legalBasis: i.legalBasis,
    legalBasisLabel: localLegalBasis(i.legalBasis, locale),
    penaltyMci: i.penaltyMci,
    suspensionMonths: i.suspensionMonths,
    outcome: i.outcome,
    sources: [...i.sources],
    notes: i.notes,
    visibility: i.visibility,
    ownerOrganisationId: i.ownerOrganisationId,
    createdAt: i.createdAt,
    promotedFrom: i.promotedFrom,
    editable: mayChangeIncident(editor, i),
  };
}

/**
 * One incident entered (POST), read (GET) and changed from its `version` (PATCH) — the same
 * fields and checks as `civic incidents import`, who may see it honoured, every change audited —
 * and the gazetteer's suggestions for a place being typed.
 */
export const incidentRecordRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/incidents',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Enter an incident (monitors, lawyers and admins); owned by one of your organisations',
        description:
          'Validated as a row of the incident CSV: errors name the field. An unknown place without coordinates answers 400 INCIDENT_PLACE_UNKNOWN with `suggestions` (names of the gazetteer in the request’s language); it is never guessed.',
        body: IncidentBodySchema,
        response: { 201: IncidentViewSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const made = unwrap(await createIncidentAs(deps.ctx, actorOf(req), p, req.body));
      return reply.code(201).send(incidentView(made, req.locale, p));
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'One incident you may see, with its version and the case it was promoted from',
        params: IncidentParamsSchema,
        response: { 200: IncidentViewSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return incidentView(unwrap(await readIncident(deps.ctx, p, req.params.id)), req.locale, p);
    },
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Change an incident (the fields given; `version` is the one it was read at)',
        description:
          'A stale `version` answers 409 INCIDENT_VERSION_CONFLICT naming the field `version`. Only members of the owner organisation who may write incidents change it.',
        params: IncidentParamsSchema,
        body: IncidentPatchSchema,
        response: { 200: IncidentViewSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { version, ...patch } = req.body;
      const changed = await changeIncident(deps.ctx, actorOf(req), p, req.params.id, version, patch);
      return incidentView(unwrap(changed), req.locale, p);
    },
  );

  app.get(
    '/api/v1/places',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary:
          'Places of the gazetteer for a name being typed, in the request’s language, with their region',
        querystring: PlacesQuerySchema,
        response: { 200: PlacesSchema, '4xx': errorRef },
      },
    },
    async (req) => ({
      places: completePlaces(req.query.q, req.query.limit ?? 10).map((place) => ({
        id: place.id,
        name: placeName(place, req.locale),
        value: place.name,
        region:
          place.region === null || place.kind !== 'city' ? null : localPlaceName(place.region, req.locale),
        kind: place.kind,
      })),
    }),
  );
};
