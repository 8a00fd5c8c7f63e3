import { setOrganisationBin, withAudit } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OrganisationDetails, OrganisationDetailsBody } from '../http/api/index.ts';
import { actorOf, membershipOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/**
 * The organisation's details after it was opened (issue 13): its admin sets or corrects the BIN that
 * filings and objections print (a BIN mistyped at creation, or one it did not have then). Audited
 * with the number before and after.
 */
export const orgDetailsRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.patch(
    '/api/v1/orgs/:orgId',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['organisations'],
        summary: "Set or correct the organisation's BIN (admins); null or empty clears it",
        params: OrgParamsSchema,
        body: OrganisationDetailsBody,
        response: { 200: OrganisationDetails, '4xx': errorRef },
      },
    },
    async (req) => {
      const org = membershipOf(req).organisationId;
      const r = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const changed = await setOrganisationBin(tx, org, req.body.bin);
          if (!changed.ok) return changed;
          const { organisation: o, before } = changed.value;
          await audit.record({
            entity: 'organisation',
            entityId: o.id,
            action: 'update',
            organisationId: o.id,
            before: { bin: before },
            after: { bin: o.bin },
          });
          return changed;
        }),
      );
      const o = r.organisation;
      return { id: o.id, name: o.name, bin: o.bin, country: o.country, city: o.city, aliases: o.aliases };
    },
  );
};
