import { getFiling, listFilings, listObligations, renderFiling } from '@civic/app';
import { domainError } from '@civic/core';
import { membershipOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { jsonSafe } from '../http/json-safe.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const Obj = { type: 'object', additionalProperties: true } as const;

const ObligationSchema = {
  type: 'object',
  required: ['id', 'title', 'form', 'period', 'dueOn', 'status', 'citation', 'verified', 'receiptIds'],
  properties: {
    id: { type: 'string' },
    organisation: { type: 'string' },
    obligationId: { type: 'string' },
    title: { type: 'string' },
    trigger: { type: 'string', enum: ['each-receipt', 'period'] },
    form: { type: 'string' },
    formTitle: { type: 'string' },
    period: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, label: { type: 'string' } } },
    dueOn: { type: 'string' },
    status: { type: 'string', description: 'upcoming, due, filed-on-time, filed-late or missed (see docs/rule-packs.md)' },
    citation: { type: 'string' },
    citationUrl: { type: ['string', 'null'] },
    verified: { type: 'boolean' },
    notes: { type: 'array', items: { type: 'string' } },
    receiptIds: { type: 'array', items: { type: 'string' } },
    filingId: { type: ['string', 'null'] },
    submittedOn: { type: ['string', 'null'] },
  },
} as const;

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Obligations derived from the ledger and the rule pack, and the organisation's filings. */
export const filingsRoutes: RouteModule = (app, deps) => {
  const tags = ['filings'];
  const read = { access: { org: 'filings:read' } } as const;

  app.get(
    '/api/v1/orgs/:orgId/obligations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every obligation with its due day, citation and status on a day (default today)',
        params: OrgParamsSchema,
        querystring: { type: 'object', additionalProperties: false, properties: { asOf: { type: 'string', format: 'date' }, from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
        response: { 200: { type: 'object', required: ['asOf', 'obligations'], properties: { asOf: { type: 'string' }, obligations: { type: 'array', items: ObligationSchema } } }, '4xx': errorRef },
      },
    },
    async (req) => {
      const q = req.query as { asOf?: string; from?: string; to?: string };
      return jsonSafe(unwrap(await listObligations(deps.ctx, { org: membershipOf(req).organisationId, asOf: q.asOf, from: q.from, to: q.to })));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/filings',
    { config: read, schema: { tags, summary: 'Filings: drafts and submitted, with corrections', params: OrgParamsSchema, response: { 200: { type: 'object', required: ['filings'], properties: { filings: { type: 'array', items: Obj } } }, '4xx': errorRef } } },
    async (req) => ({ filings: jsonSafe(unwrap(await listFilings(deps.ctx, { org: membershipOf(req).organisationId }))) }),
  );

  app.get(
    '/api/v1/orgs/:orgId/filings/:filingId/document',
    {
      config: read,
      schema: {
        tags,
        summary: 'A filing rendered as PDF, XLSX or JSON (a download)',
        params: { type: 'object', required: ['orgId', 'filingId'], properties: { orgId: { type: 'string' }, filingId: { type: 'string', minLength: 1, maxLength: 100 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['pdf', 'xlsx', 'json'], default: 'pdf' }, lang: { type: 'string', enum: ['en', 'ru', 'kk'] } } },
        response: { 200: { description: 'The file', type: 'string', format: 'binary' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const { filingId } = req.params as { filingId: string };
      const q = req.query as { format: string; lang?: string };
      const filing = await getFiling(deps.ctx, filingId);
      // Another organisation's filing is as unknown here as one that does not exist.
      if (!filing.ok || filing.value.organisation !== membershipOf(req).organisationId) throw new ApiError(domainError('FILING_NOT_FOUND', `no filing "${filingId}"`, { field: 'filingId' }));
      const bytes = unwrap(await renderFiling(deps.ctx, { filingId, format: q.format, lang: q.lang ?? req.locale }));
      return reply
        .type(MIME[q.format] ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${filingId}.${q.format}"`)
        .send(Buffer.from(bytes));
    },
  );
};
