/**
 * HTTP shapes of the people routes (issue 13): members of an organisation, invitations and their
 * acceptance, and the signed-in user's second factor with its recovery codes. The web app derives
 * its types from these with `Static<…>`; the server validates with them and the OpenAPI document
 * shows them.
 */
import { Type, type Static } from 'typebox';

export const RoleName = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('accountant'),
    Type.Literal('lawyer'),
    Type.Literal('monitor'),
    Type.Literal('viewer'),
  ],
  { description: 'admin, accountant, lawyer, monitor or viewer' },
);
const LocaleName = Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('kk')]);

export const MemberParams = Type.Object({
  orgId: Type.String({ maxLength: 100 }),
  userId: Type.String({ minLength: 1, maxLength: 100 }),
});

export const MemberView = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleName,
  since: Type.String({ description: 'When the user joined (ISO instant)' }),
  version: Type.Integer({ description: 'Send it back with PATCH …/members/{userId}' }),
});
export type MemberView = Static<typeof MemberView>;

export const InvitationView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: RoleName,
  createdAt: Type.String(),
  expiresAt: Type.String({ description: 'The link stops working at this instant (7 days after)' }),
});
export type InvitationView = Static<typeof InvitationView>;

export const InvitationList = Type.Object({ invitations: Type.Array(InvitationView) });

export const InviteBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    role: RoleName,
  },
  { additionalProperties: false },
);

export const InviteResult = Type.Object({
  status: Type.Union([Type.Literal('invited'), Type.Literal('added')], {
    description: '`added`: an existing account joined at once; `invited`: an invitation was made',
  }),
  member: Type.Union([MemberView, Type.Null()]),
  invitation: Type.Union([InvitationView, Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()], {
    description: 'The invitation link (APP_URL or this server, then /invitation/{token}); null when added',
  }),
  mailed: Type.Boolean({ description: 'Whether the link was e-mailed (SMTP_URL set and the send worked)' }),
});
export type InviteResult = Static<typeof InviteResult>;

export const MemberPatchBody = Type.Object(
  {
    role: RoleName,
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version the change was made from: a stale one answers 409 MEMBER_VERSION_CONFLICT',
      }),
    ),
  },
  { additionalProperties: false },
);

export const InvitationParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

export const InvitationDetails = Type.Object({
  email: Type.String(),
  role: RoleName,
  organisationName: Type.String(),
  expiresAt: Type.String(),
});
export type InvitationDetails = Static<typeof InvitationDetails>;

export const AcceptInvitationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    locale: Type.Optional(LocaleName),
  },
  { additionalProperties: false },
);

export const AcceptInvitationResult = Type.Object({
  organisationId: Type.String({ description: 'The organisation joined' }),
  csrfToken: Type.String(),
  expiresAt: Type.String(),
});
export type AcceptInvitationResult = Static<typeof AcceptInvitationResult>;
