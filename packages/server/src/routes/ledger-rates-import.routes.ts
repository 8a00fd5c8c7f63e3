import { importRates, packOfOrganisation } from '@civic/app';
import { domainError } from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RatesImportQuerySchema, RatesImportSchema } from '../http/api/index.ts';
import { actorOf, membershipOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/** The largest rates file: years of daily NBK rates are a few megabytes. */
export const RATES_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * `POST /api/v1/orgs/:orgId/ledger/rates/import?fileName=…`: the web app's `civic import rates`.
 * The file (NBK daily XML or CSV `date,currency,rate,units`) is the body; it is read as the
 * organisation's rule pack's reference rates, in one transaction, audited as the CLI's import is.
 * A bad file is the import's own error (400 naming file, line and field) and stores nothing.
 */
export const ledgerRatesImportRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/orgs/:orgId/ledger/rates/import',
    {
      config: { access: { org: 'ledger:write' } },
      bodyLimit: RATES_BODY_LIMIT,
      schema: {
        tags: ['ledger'],
        summary:
          'Import official exchange rates (the file is the body, application/octet-stream): NBK daily XML or CSV date,currency,rate,units',
        description:
          "One transaction, read as the organisation's rule pack's reference rates: a file with an error anywhere is refused whole (the error names file, line and field). Rates already stored count as duplicates; missing or carried-forward equivalents are recomputed.",
        params: OrgParamsSchema,
        querystring: RatesImportQuerySchema,
        response: { 200: RatesImportSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const bytes = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0)
        throw new ApiError(
          domainError(
            'REQUEST_INVALID',
            'send the rates file as the request body (application/octet-stream)',
            {
              field: 'body',
            },
          ),
        );
      const pack = await packOfOrganisation(deps.ctx, membershipOf(req).organisationId);
      const r = await importRates(
        { ...deps.ctx, actor: actorOf(req) },
        { bytes: new Uint8Array(bytes), fileName: req.query.fileName, pack: pack?.id },
      );
      const v = unwrap(r);
      return { ...v, currencies: [...v.currencies] };
    },
  );
};
