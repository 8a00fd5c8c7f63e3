/**
 * HTTP shapes of an incident entered and changed from the web (issue 13): the thirteen fields of
 * the incident CSV (docs/formats.md, "Incident CSV") in camelCase, with the range end, the office,
 * who may see it and the owner organisation; the gazetteer's suggestions; briefs listed and edited.
 * The domain's checks (a real date, a known action, a known place or coordinates, http(s) sources,
 * non-negative numbers) run behind these shapes in the validator `civic incidents import` uses, so
 * the web form, the API and the CLI refuse the same input with the same field named.
 */
import { Type, type Static } from 'typebox';

/** A value or null as one JSON-schema type list (see cases.ts: `anyOf` would coerce null to ""). */
const orNull = <T>(type: 'string' | 'number' | 'integer', options: Record<string, unknown> = {}) =>
  Type.Unsafe<T | null>({ ...options, type: [type, 'null'] });
const Text = (max = 500) => orNull<string>('string', { maxLength: max });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Version = Type.Integer({
  minimum: 1,
  description: 'The version the change was made from; a stale one answers 409 naming the field `version`',
});

export const IncidentSourceSchema = Type.Object(
  {
    url: Type.String({ maxLength: 2000, description: 'An absolute http(s) URL' }),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    date: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' })),
  },
  { additionalProperties: false },
);

const incidentFields = {
  date: Type.String({ maxLength: 21, description: 'YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD' }),
  dateTo: Type.Optional(Type.String({ maxLength: 10, description: 'The last day of a range (YYYY-MM-DD)' })),
  organisation: Type.String({ maxLength: 300, description: 'The organisation acted against' }),
  place: Type.String({
    maxLength: 300,
    description:
      'A place of the gazetteer in any spelling (see GET /api/v1/places), or any place with coordinates',
  }),
  latitude: Type.Optional(orNull<number>('number')),
  longitude: Type.Optional(orNull<number>('number')),
  authority: Type.Optional(Text(500)),
  office: Type.Optional(Text(500)),
  action: Type.String({ maxLength: 100, description: 'An action type or one of its synonyms' }),
  legalBasis: Type.Optional(Text(200)),
  penaltyMci: Type.Optional(orNull<number>('number')),
  suspensionMonths: Type.Optional(orNull<number>('number')),
  outcome: Type.Optional(Text(1000)),
  sources: Type.Optional(Type.Array(IncidentSourceSchema, { maxItems: 50 })),
  sourceUrl: Type.Optional(
    Type.String({
      maxLength: 20000,
      description: 'The CSV’s source_url: http(s) URLs separated by spaces (when `sources` is not given)',
    }),
  ),
  notes: Type.Optional(Text(20000)),
  visibility: Type.Optional(
    Type.Union([Type.Literal('public'), Type.Literal('network'), Type.Literal('private')], {
      description:
        'Who may see it: anyone signed in, the owner and its networks, or the owner only (default public)',
    }),
  ),
  org: Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'The owner organisation (one where you may write incidents); by default your only such organisation',
    }),
  ),
};

export const IncidentBodySchema = Type.Object(incidentFields, { additionalProperties: false });
export type IncidentBody = Static<typeof IncidentBodySchema>;

export const IncidentPatchSchema = Type.Object(
  {
    version: Version,
    date: Type.Optional(incidentFields.date),
    dateTo: incidentFields.dateTo,
    organisation: Type.Optional(incidentFields.organisation),
    place: Type.Optional(incidentFields.place),
    latitude: incidentFields.latitude,
    longitude: incidentFields.longitude,
    authority: incidentFields.authority,
    office: incidentFields.office,
    action: Type.Optional(incidentFields.action),
    legalBasis: incidentFields.legalBasis,
    penaltyMci: incidentFields.penaltyMci,
    suspensionMonths: incidentFields.suspensionMonths,
    outcome: incidentFields.outcome,
    sources: incidentFields.sources,
    sourceUrl: incidentFields.sourceUrl,
    notes: incidentFields.notes,
    visibility: incidentFields.visibility,
    org: incidentFields.org,
  },
  { additionalProperties: false },
);
export type IncidentPatch = Static<typeof IncidentPatchSchema>;

export const IncidentParamsSchema = Type.Object({ id: Id });

const NullableString = orNull<string>('string');
const NullableNumber = orNull<number>('number');

/** An incident as the API shows it: codes with their labels in the request's language. */
export const IncidentViewSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  date: Type.String(),
  dateTo: Type.String(),
  organisation: Type.String(),
  organisationId: NullableString,
  place: Type.String(),
  placeLabel: Type.String({
    description: 'The place in the request’s language (as it was named on that day)',
  }),
  region: NullableString,
  regionLabel: NullableString,
  latitude: NullableNumber,
  longitude: NullableNumber,
  authority: NullableString,
  office: NullableString,
  action: Type.String(),
  actionLabel: Type.String(),
  legalBasis: NullableString,
  legalBasisLabel: NullableString,
  penaltyMci: NullableNumber,
  suspensionMonths: NullableNumber,
  outcome: NullableString,
  sources: Type.Array(IncidentSourceSchema),
  notes: NullableString,
  visibility: Type.String(),
  ownerOrganisationId: NullableString,
  createdAt: Type.String(),
  /** The case it was promoted from, when the reader is a member of its organisation. */
  promotedFrom: Type.Union([
    Type.Object({ caseId: Type.String(), organisationId: Type.String() }),
    Type.Null(),
  ]),
  /** Whether the reader may change it. */
  editable: Type.Boolean(),
});
export type IncidentView = Static<typeof IncidentViewSchema>;

export const PlacesQuerySchema = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The start of a name, in any language or spelling',
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const PlaceSuggestionSchema = Type.Object({
  id: Type.String({ description: 'The gazetteer id' }),
  name: Type.String({ description: 'The name in the request’s language' }),
  value: Type.String({ description: 'The name to send as an incident’s `place`' }),
  region: NullableString,
  kind: Type.String({ description: 'city, region or country' }),
});
export const PlacesSchema = Type.Object({ places: Type.Array(PlaceSuggestionSchema) });
export type PlaceSuggestion = Static<typeof PlaceSuggestionSchema>;
