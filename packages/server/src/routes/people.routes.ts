import {
  acceptInvitation,
  changeMemberRole,
  invitationDetails,
  inviteMember,
  openInvitations,
} from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf, membershipOf } from '../http/access.ts';
import {
  AcceptInvitationBody,
  AcceptInvitationResult,
  InvitationDetails,
  InvitationList,
  InvitationParams,
  InviteBody,
  InviteResult,
  MemberParams,
  MemberPatchBody,
  MemberView,
} from '../http/api/people.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import { sendInvitationLink } from './invitation-link.ts';
import type { RouteModule } from './route-module.ts';
import { setSessionCookies } from './session.routes.ts';

const manage = { access: { org: 'members:manage' } } as const;
const tags = ['organisations'];

/**
 * People (issue 13): an organisation admin invites by e-mail with a role (the link is e-mailed when
 * SMTP_URL is set and always returned for the admin to copy), lists open invitations and changes
 * roles; the invited person opens the link, sets a password and is signed in. Removing a member is
 * DELETE …/members/{userId} in orgs.routes.ts.
 */
export const peopleRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/orgs/:orgId/members',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invite someone by e-mail with a role (admins); an existing account joins at once',
        description:
          'Answers 201 with `status: "invited"`, the invitation and its `link` (valid 7 days, accepted once), e-mailed when SMTP_URL is set (`mailed`); or `status: "added"` with the member when the e-mail already has an account. 409 MEMBER_EXISTS when that account is a member already.',
        params: OrgParamsSchema,
        body: InviteBody,
        response: { 201: InviteResult, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const organisationId = membershipOf(req).organisationId;
      const outcome = unwrap(await inviteMember(deps.ctx, actorOf(req), { organisationId, ...req.body }));
      if (outcome.status === 'added')
        return reply
          .code(201)
          .send({ status: 'added', member: outcome.member, invitation: null, link: null, mailed: false });
      const { link, mailed } = await sendInvitationLink(
        deps,
        req,
        { ...outcome.invitation, token: outcome.token },
        outcome.organisationName,
      );
      return reply
        .code(201)
        .send({ status: 'invited', member: null, invitation: outcome.invitation, link, mailed });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invitations not yet accepted and still valid, newest first (admins)',
        params: OrgParamsSchema,
        response: { 200: InvitationList, '4xx': errorRef },
      },
    },
    async (req) => ({ invitations: await openInvitations(deps.ctx, membershipOf(req).organisationId) }),
  );

  app.patch(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Change a member's role (admins) from its `version`; the last admin cannot be demoted (409 MEMBER_LAST_ADMIN)",
        params: MemberParams,
        body: MemberPatchBody,
        response: { 200: MemberView, '4xx': errorRef },
      },
    },
    async (req) =>
      unwrap(
        await changeMemberRole(deps.ctx, actorOf(req), {
          organisationId: membershipOf(req).organisationId,
          userId: req.params.userId,
          role: req.body.role,
          version: req.body.version,
        }),
      ),
  );

  app.get(
    '/api/v1/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'The invitation behind a link: organisation, role, e-mail, expiry',
        description: '404 INVITATION_NOT_FOUND, 409 INVITATION_USED, 410 INVITATION_EXPIRED.',
        params: InvitationParams,
        response: { 200: InvitationDetails, '4xx': errorRef },
      },
    },
    async (req) => unwrap(await invitationDetails(deps.ctx, req.params.token)),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Accept an invitation: create the account with a password and sign in',
        description:
          'Sets the session cookies like POST /api/v1/session. 404 INVITATION_NOT_FOUND, 409 INVITATION_USED, 410 INVITATION_EXPIRED, 400 USER_PASSWORD_WEAK (field password).',
        params: InvitationParams,
        body: AcceptInvitationBody,
        response: { 201: AcceptInvitationResult, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const s = unwrap(
        await acceptInvitation(deps.ctx, {
          token: req.params.token,
          ...req.body,
          locale: req.body.locale ?? req.locale,
          ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
        }),
      );
      setSessionCookies(reply, deps, s.token, s.csrfToken);
      return reply
        .code(201)
        .send({ organisationId: s.organisationId, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
    },
  );
};
