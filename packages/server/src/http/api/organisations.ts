/**
 * HTTP shapes for opening an organisation from the web (issue 13): the rule packs to pick from, the
 * form's body and what opening gives (the organisation and its first admin's invitation), and the
 * pending invitations' cancel and resend.
 */
import { Type, type Static } from 'typebox';
import { InvitationView, MemberView } from './people.ts';

export const RulePackOption = Type.Object({
  id: Type.String({ description: 'The pack id to send as `pack`' }),
  name: Type.String({ description: "The pack's name in the request's language" }),
  jurisdiction: Type.String({ description: 'ISO 3166 alpha-2: the country of organisations under it' }),
});
export type RulePackOption = Static<typeof RulePackOption>;

export const RulePackList = Type.Object({ packs: Type.Array(RulePackOption) });
export type RulePackList = Static<typeof RulePackList>;

export const OrganisationCreateBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The name as the organisation writes it',
    }),
    cyrillicName: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Its name in Cyrillic letters when `name` is in Latin ones («ОФ «Эхо»»): Russian and Kazakh filings and objections use it',
      }),
    ),
    bin: Type.Optional(Type.String({ maxLength: 12, description: 'The 12-digit BIN (may be left empty)' })),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    pack: Type.String({
      minLength: 1,
      maxLength: 50,
      description: 'A rule pack id from GET /api/v1/rule-packs',
    }),
    adminEmail: Type.String({
      minLength: 3,
      maxLength: 254,
      description: "The first organisation admin's e-mail: invited (or added when the account exists)",
    }),
  },
  { additionalProperties: false },
);
export type OrganisationCreateBody = Static<typeof OrganisationCreateBody>;

export const CreatedOrganisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  bin: Type.Union([Type.String(), Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
  aliases: Type.Array(Type.String()),
});

export const OrganisationCreated = Type.Object({
  organisation: CreatedOrganisation,
  status: Type.Union([Type.Literal('invited'), Type.Literal('added')], {
    description:
      '`invited`: the first admin got an invitation; `added`: the account existed and is admin now',
  }),
  member: Type.Union([MemberView, Type.Null()]),
  invitation: Type.Union([InvitationView, Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()], {
    description: 'The invitation link to copy; null when added',
  }),
  mailed: Type.Boolean({ description: 'Whether the link was e-mailed (SMTP_URL set and the send worked)' }),
  fingerprint: Type.String({ description: "The fingerprint of the organisation's new signing key" }),
});
export type OrganisationCreated = Static<typeof OrganisationCreated>;

export const InvitationIdParams = Type.Object({
  orgId: Type.String({ maxLength: 100 }),
  invitationId: Type.String({ minLength: 1, maxLength: 100 }),
});

export const InvitationResent = Type.Object({
  invitation: InvitationView,
  link: Type.String({ description: 'The new link; the old one stops working' }),
  mailed: Type.Boolean({ description: 'Whether the new link was e-mailed' }),
});
export type InvitationResent = Static<typeof InvitationResent>;

/** PATCH /api/v1/orgs/{orgId}: the organisation's details an admin may change after opening it. */
export const OrganisationDetailsBody = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        maxLength: 400,
        description:
          'Its name as registered (1 to 200 characters); the old name stays among its aliases; a name another organisation has is refused',
      }),
    ),
    bin: Type.Optional(
      Type.Union([Type.String({ maxLength: 20 }), Type.Null()], {
        description:
          'The 12-digit BIN (spaces and dashes as printed are dropped; its control digit is checked); null or empty clears it',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OrganisationDetailsBody = Static<typeof OrganisationDetailsBody>;

export const OrganisationDetails = Type.Object({
  id: Type.String(),
  name: Type.String(),
  bin: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
  city: Type.Union([Type.String(), Type.Null()]),
  aliases: Type.Array(Type.String()),
});
export type OrganisationDetails = Static<typeof OrganisationDetails>;
