import { exportLedgerJournal } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { JOURNAL_FILE_EXTENSIONS, JournalExportQuerySchema } from '../http/api/index.ts';
import { membershipOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  journal: 'text/plain; charset=utf-8',
} as const;

/**
 * `GET /api/v1/orgs/:orgId/ledger/export?format=ledger|hledger|beancount|csv[&scope=funding|all]`:
 * the organisation's books as a journal for ledger-cli, hledger or beancount, or the journal CSV —
 * the same text `civic ledger export` writes (app's exportLedgerJournal), as a download named in
 * ASCII (`journal-funding.ledger`). Any member who may read the ledger (viewer and up).
 */
export const ledgerExportRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/orgs/:orgId/ledger/export',
    {
      config: { access: { org: 'ledger:read' } },
      schema: {
        tags: ['ledger'],
        summary: "Download the organisation's books as a ledger, hledger or beancount journal, or CSV",
        params: OrgParamsSchema,
        querystring: JournalExportQuerySchema,
        response: { 200: { description: 'The journal', type: 'string' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const { format, scope = 'funding', lang = req.locale } = req.query;
      const chunks: string[] = [];
      unwrap(
        await exportLedgerJournal(deps.ctx, {
          org: membershipOf(req).organisationId,
          format,
          scope,
          lang,
          write: (chunk) => void chunks.push(chunk),
        }),
      );
      return reply
        .type(format === 'csv' ? MIME.csv : MIME.journal)
        .header(
          'content-disposition',
          `attachment; filename="journal-${scope}.${JOURNAL_FILE_EXTENSIONS[format]}"`,
        )
        .send(chunks.join(''));
    },
  );
};
