import { cancelInvitation, resendInvitation } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf, membershipOf } from '../http/access.ts';
import { InvitationIdParams, InvitationResent } from '../http/api/organisations.ts';
import { InvitationView } from '../http/api/people.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import { sendInvitationLink } from './invitation-link.ts';
import type { RouteModule } from './route-module.ts';

const manage = { access: { org: 'members:manage' } } as const;
const tags = ['organisations'];

/**
 * A pending invitation cancelled or sent again by the organisation's admin (issue 13). The list of
 * pending ones is GET …/invitations (people.routes.ts).
 */
export const invitationsRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ref = (req: FastifyRequest, invitationId: string) => ({
    organisationId: membershipOf(req).organisationId,
    invitationId,
  });

  app.delete(
    '/api/v1/orgs/:orgId/invitations/:invitationId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel a pending invitation (admins): its link then answers 410 INVITATION_CANCELLED',
        description:
          '404 INVITATION_NOT_FOUND (not this organisation\u2019s), 409 INVITATION_USED (accepted already), 410 INVITATION_CANCELLED (cancelled already).',
        params: InvitationIdParams,
        response: { 200: InvitationView, '4xx': errorRef },
      },
    },
    async (req) => {
      const { cancelledAt: _at, ...view } = unwrap(
        await cancelInvitation(deps.ctx, actorOf(req), ref(req, req.params.invitationId)),
      );
      return view;
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/invitations/:invitationId/resend',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Send a pending invitation again (admins): a new link valid 7 days; the old one stops working',
        description:
          'The new link is e-mailed when SMTP_URL is set (`mailed`) and always returned to copy. 404 INVITATION_NOT_FOUND, 409 INVITATION_USED, 410 INVITATION_CANCELLED.',
        params: InvitationIdParams,
        response: { 200: InvitationResent, '4xx': errorRef },
      },
    },
    async (req) => {
      const r = unwrap(await resendInvitation(deps.ctx, actorOf(req), ref(req, req.params.invitationId)));
      const sent = await sendInvitationLink(
        deps,
        req,
        { ...r.invitation, token: r.token },
        r.organisationName,
      );
      return { invitation: r.invitation, ...sent };
    },
  );
};
