import { checkObligation } from '@civic/app';
import { labelOf, LINT_CODE_LABELS, lintMessage } from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { membershipOf } from '../http/access.ts';
import { ObligationCheck, ObligationCheckParams } from '../http/api/obligation-check.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/**
 * An obligation checked before its filing is prepared (issue 13): the same lint a draft gets, from
 * the ledger as it is now, so a finding (a source without country, a receipt without a grant) links
 * to the record's form and the page checks again after saving.
 */
export const obligationCheckRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/orgs/:orgId/obligations/:obligationId/check',
    {
      config: { access: { org: 'filings:read' } },
      schema: {
        tags: ['filings'],
        summary: "Check an obligation's filing-to-be against the ledger now: the lint's problems and records",
        description: '404 OBLIGATION_NOT_FOUND for an id that is not an obligation of this organisation.',
        params: ObligationCheckParams,
        response: { 200: ObligationCheck, '4xx': errorRef },
      },
    },
    async (req) => {
      const check = unwrap(
        await checkObligation(deps.ctx, {
          org: membershipOf(req).organisationId,
          obligationId: req.params.obligationId,
        }),
      );
      return {
        ...check,
        problems: check.problems.map((p) => ({
          code: p.code,
          severity: p.severity,
          label: labelOf(LINT_CODE_LABELS, p.code, req.locale),
          message: lintMessage(p, req.locale),
          records: p.records.map((r) => ({ kind: r.kind, id: r.id })),
        })),
      };
    },
  );
};
