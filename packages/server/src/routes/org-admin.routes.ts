import { openOrganisation, rulePackOptions } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf } from '../http/access.ts';
import { OrganisationCreateBody, OrganisationCreated, RulePackList } from '../http/api/organisations.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import { sendInvitationLink } from './invitation-link.ts';
import type { RouteModule } from './route-module.ts';

const tags = ['organisations'];

/**
 * Opening an organisation from the web (issue 13): the instance admin names it, picks its rule pack
 * and invites its first admin. The organisation is made by the same app function as `civic init
 * --org` (its signing key with it); the invitation is the members' one.
 */
export const orgAdminRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/rule-packs',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: "The rule packs an organisation may be opened under, named in the request's language",
        response: { 200: RulePackList, '4xx': errorRef },
      },
    },
    async (req) => ({ packs: await rulePackOptions(deps.ctx, req.locale) }),
  );

  app.post(
    '/api/v1/orgs',
    {
      config: { access: 'instance-admin' },
      schema: {
        tags,
        summary: 'Open an organisation and invite its first admin (instance admins)',
        description:
          'Answers 201 with the organisation, its signing key\u2019s `fingerprint` and the first admin\u2019s invitation `link` (e-mailed when SMTP_URL is set: `mailed`), or `status: "added"` when that e-mail already has an account. 400 names the field at fault: ORG_NAME_REQUIRED (name), ORG_CYRILLIC_NAME_INVALID (cyrillicName), ORG_BIN_INVALID (bin), ORG_PACK_INVALID (pack), USER_EMAIL_INVALID (adminEmail).',
        body: OrganisationCreateBody,
        response: { 201: OrganisationCreated, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const opened = unwrap(await openOrganisation(deps.ctx, actorOf(req), req.body));
      const o = opened.organisation;
      const organisation = {
        id: o.id,
        name: o.name,
        bin: o.bin,
        city: o.city,
        country: o.country,
        aliases: [...o.aliases],
      };
      const { admin, fingerprint } = opened;
      if (admin.status === 'added')
        return reply.code(201).send({
          organisation,
          status: 'added',
          member: admin.member,
          invitation: null,
          link: null,
          mailed: false,
          fingerprint,
        });
      const sent = await sendInvitationLink(deps, req, { ...admin.invitation, token: admin.token }, o.name);
      return reply.code(201).send({
        organisation,
        status: 'invited',
        member: null,
        invitation: admin.invitation,
        ...sent,
        fingerprint,
      });
    },
  );
};
