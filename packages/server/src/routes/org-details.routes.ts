import { updateOrganisationDetails } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OrganisationDetails, OrganisationDetailsBody } from '../http/api/index.ts';
import { actorOf, membershipOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/**
 * The organisation's details after it was opened (issue 13): its admin corrects its name (the old
 * one stays an alias) or sets the BIN that filings and objections print (a BIN mistyped at creation,
 * or one it did not have then). One audit entry with the fields before and after.
 */
export const orgDetailsRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.patch(
    '/api/v1/orgs/:orgId',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['organisations'],
        summary:
          "Correct the organisation's name or BIN (admins); fields left out stay; a null or empty BIN clears it",
        params: OrgParamsSchema,
        body: OrganisationDetailsBody,
        response: { 200: OrganisationDetails, '4xx': errorRef },
      },
    },
    async (req) => {
      // The use case records the change for the signed-in user (channel web), in its transaction.
      const { organisation: o } = unwrap(
        await updateOrganisationDetails(
          { ...deps.ctx, actor: actorOf(req) },
          membershipOf(req).organisationId,
          req.body,
        ),
      );
      return { id: o.id, name: o.name, bin: o.bin, country: o.country, city: o.city, aliases: o.aliases };
    },
  );
};
