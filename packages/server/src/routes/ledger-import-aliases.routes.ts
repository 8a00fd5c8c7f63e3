import {
  addImportAlias,
  aliasTargets,
  listImportAliases,
  removeImportAlias,
  withAudit,
  type AppContext,
} from '@civic/app';
import { labelOf, ONEC_FIELD_LABELS, type Locale } from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  ImportAliasBodySchema,
  ImportAliasListSchema,
  ImportAliasParamsSchema,
  type ImportAliasBody,
  type ImportAliasList,
} from '../http/api/index.ts';
import { actorOf, membershipOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const read = { access: { org: 'ledger:read' } } as const;
const write = { access: { org: 'ledger:write' } } as const;
const path = '/api/v1/orgs/:orgId/ledger/import-aliases';

/** The organisation's aliases and the fields they may name, labels in the request's language. */
async function aliasList(ctx: AppContext, org: string, locale: Locale): Promise<ImportAliasList> {
  return {
    aliases: (await listImportAliases(ctx, org)).map((a) => ({
      ...a,
      targetLabel: labelOf(ONEC_FIELD_LABELS, a.target, locale),
    })),
    targets: aliasTargets(locale),
  };
}

/**
 * A bank's own 1C field names for the organisation (issue 13), from the import page: GET lists them
 * (with the fields they may be read as), PUT or POST saves one (`{field, target}`; again for a
 * field replaces its target), DELETE …/{field} removes one. Saved aliases apply to every later
 * preview and import of the organisation, the CLI's included. Each change is audited.
 */
export const ledgerImportAliasRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    path,
    {
      config: read,
      schema: {
        tags: ['ledger'],
        summary: "The organisation's 1C field aliases and the fields a bank's field may be read as",
        params: OrgParamsSchema,
        response: { 200: ImportAliasListSchema, '4xx': errorRef },
      },
    },
    async (req) => aliasList(deps.ctx, membershipOf(req).organisationId, req.locale),
  );

  const save = async (req: FastifyRequest<{ Body: ImportAliasBody }>): Promise<ImportAliasList> => {
    const org = membershipOf(req).organisationId;
    const result = await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
      const r = await addImportAlias(tx, org, req.body);
      if (!r.ok) return r;
      const { alias, before } = r.value;
      await audit.record({
        entity: 'import-alias',
        entityId: alias.field,
        action: before === null ? 'create' : 'update',
        organisationId: org,
        ...(before === null ? {} : { before: { field: alias.field, target: before } }),
        after: alias,
      });
      return r;
    });
    unwrap(result);
    return aliasList(deps.ctx, org, req.locale);
  };
  for (const method of ['PUT', 'POST'] as const)
    app.route({
      method,
      url: path,
      config: write,
      schema: {
        tags: ['ledger'],
        summary: "Save a 1C field alias for the organisation's imports: the bank's field read as a known one",
        params: OrgParamsSchema,
        body: ImportAliasBodySchema,
        response: { 200: ImportAliasListSchema, '4xx': errorRef },
      },
      handler: save,
    });

  app.delete(
    `${path}/:field`,
    {
      config: write,
      schema: {
        tags: ['ledger'],
        summary: 'Remove one of the organisation’s 1C field aliases',
        params: ImportAliasParamsSchema,
        response: { 200: ImportAliasListSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const org = membershipOf(req).organisationId;
      const result = await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
        const r = await removeImportAlias(tx, org, req.params.field);
        if (!r.ok) return r;
        await audit.record({
          entity: 'import-alias',
          entityId: r.value.field,
          action: 'delete',
          organisationId: org,
          before: r.value,
        });
        return r;
      });
      unwrap(result);
      return aliasList(deps.ctx, org, req.locale);
    },
  );
};
