import {
  candidateJson,
  confirmForeignCandidate,
  importBankJson,
  importWarningsJson,
  importBankStatement,
  listForeignCandidates,
  listRates,
  receiptJson,
  rejectForeignCandidate,
  withAudit,
  type CandidateStatus,
} from '@civic/app';
import {
  CANDIDATE_REASON_LABELS,
  domainError,
  labelOf,
  ok,
  parseCalendarDate,
  type Locale,
} from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf, membershipOf } from '../http/access.ts';
import { RateListSchema, RatesQuerySchema } from '../http/api/index.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';
import { isStream, uploadSource, IMPORT_BODY_LIMIT, STATEMENT_TYPES } from './upload-source.ts';

const Obj = { type: 'object', additionalProperties: true } as const;
/** A candidate's reasons with their `label` in the request's language. */
function withReasonLabels(c: Parameters<typeof candidateJson>[0], lang: Locale) {
  return {
    ...candidateJson(c),
    reasons: c.reasons.map((r) => ({ ...r, label: labelOf(CANDIDATE_REASON_LABELS, r.code, lang) })),
  };
}

const list = (key: string) =>
  ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: Obj } } }) as const;
const CandidateParams = {
  type: 'object',
  required: ['orgId', 'candidateId'],
  properties: { orgId: { type: 'string' }, candidateId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;
const read = { access: { org: 'ledger:read' } } as const;
const write = { access: { org: 'ledger:write' } } as const;

/**
 * The ledger of an organisation: receipts, expenditures, grants, sources, balances; bank statement
 * imports (the file is the request body); foreign-funding candidates to confirm or reject.
 * Money is exact decimal text with its currency.
 */
export const ledgerRoutes: RouteModule = (app, deps) => {
  const base = '/api/v1/orgs/:orgId/ledger';
  const tags = ['ledger'];

  // The statement is not buffered: the route reads the request body as it arrives, and a 1C
  // statement streams into the import (a file of any size in constant memory).
  app.register((scoped, _opts, next) => {
    scoped.removeContentTypeParser([...STATEMENT_TYPES]);
    scoped.addContentTypeParser([...STATEMENT_TYPES], (_req, payload, done) => {
      done(null, payload);
    });
    scoped.post(
      `${base}/imports`,
      {
        config: write,
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Import a bank statement (the file is the body, application/octet-stream): 1C, CSV, CAMT.053, MT940',
          description:
            'One transaction: a file with an error anywhere is refused whole (the error names file, line and field). Lines already imported count as duplicates. Incoming lines that look foreign become candidates.',
          params: OrgParamsSchema,
          querystring: {
            type: 'object',
            required: ['fileName'],
            additionalProperties: false,
            properties: {
              fileName: { type: 'string', minLength: 1, maxLength: 255 },
              format: { type: 'string', enum: ['1c', 'csv', 'camt053', 'mt940'] },
              currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
              currencyColumn: { type: 'string', minLength: 1, maxLength: 200 },
              acceptUnbalanced: { type: 'string', enum: ['true', 'false'] },
            },
          },
          response: { 200: Obj, '4xx': errorRef },
        },
      },
      async (req) => {
        const q = req.query as {
          fileName: string;
          format?: '1c' | 'csv' | 'camt053' | 'mt940';
          currency?: string;
          currencyColumn?: string;
          acceptUnbalanced?: 'true' | 'false';
        };
        const source = isStream(req.body) ? await uploadSource(req.body, IMPORT_BODY_LIMIT) : null;
        if (source === null)
          throw new ApiError(
            domainError(
              'REQUEST_INVALID',
              'send the statement file as the request body (application/octet-stream)',
              { field: 'body' },
            ),
          );
        const orgId = membershipOf(req).organisationId;
        const result = await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await importBankStatement(tx, {
            source,
            fileName: q.fileName,
            org: orgId,
            ...(q.format ? { format: q.format } : {}),
            ...(q.currency ? { currency: q.currency } : {}),
            ...(q.currencyColumn ? { currencyColumn: q.currencyColumn } : {}),
            ...(q.acceptUnbalanced === 'true' ? { acceptUnbalanced: true } : {}),
          });
          if (!r.ok) return r;
          const summary = { batchId: r.value.batchId, ...importBankJson(r.value) };
          const warnings = importWarningsJson(r.value);
          await audit.record({
            entity: 'bank-import',
            entityId: r.value.batchId,
            action: 'create',
            organisationId: orgId,
            after: { fileName: q.fileName, ...summary },
          });
          return ok({ ...summary, warnings });
        });
        return unwrap(result);
      },
    );
    next();
  });

  app.get(
    `${base}/candidates`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Incoming payments proposed as foreign funding, for a person to confirm or reject',
        params: OrgParamsSchema,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { status: { type: 'string', enum: ['proposed', 'confirmed', 'rejected'] } },
        },
        response: { 200: list('candidates'), '4xx': errorRef },
      },
    },
    async (req) => ({
      candidates: (
        await listForeignCandidates(
          deps.ctx,
          membershipOf(req).organisationId,
          (req.query as { status?: CandidateStatus }).status,
        )
      ).map((c) => withReasonLabels(c, req.locale)),
    }),
  );

  app.post(
    `${base}/candidates/:candidateId/confirm`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Confirm a candidate as a receipt of foreign funding (existing source, new source, or the suggested one)',
        params: CandidateParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            sourceId: { type: 'string', minLength: 1 },
            grantId: { type: 'string', minLength: 1 },
            newSource: {
              type: 'object',
              required: ['category'],
              additionalProperties: false,
              properties: {
                name: { type: 'string' },
                category: {
                  type: ['string', 'null'],
                  enum: [
                    'foreign-state',
                    'international-organisation',
                    'foreign-organisation',
                    'foreign-citizen',
                    'stateless-person',
                    null,
                  ],
                },
                country: { type: ['string', 'null'] },
              },
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['candidate', 'receipt'],
            properties: { candidate: Obj, receipt: Obj },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const orgId = membershipOf(req).organisationId;
      const { candidateId } = req.params as { candidateId: string };
      const body = (req.body ?? {}) as {
        sourceId?: string;
        grantId?: string;
        newSource?: { name?: string; category: string | null; country?: string | null };
      };
      const actor = actorOf(req);
      const result = await withAudit(deps.ctx, actor, async (tx, audit) => {
        const r = await confirmForeignCandidate(tx, orgId, {
          candidateId,
          decidedBy: actor.label,
          ...(body.sourceId ? { sourceId: body.sourceId } : {}),
          ...(body.grantId ? { grantId: body.grantId } : {}),
          ...(body.newSource ? { newSource: body.newSource } : {}),
        });
        if (!r.ok) return r;
        const out = { candidate: candidateJson(r.value.candidate), receipt: receiptJson(r.value.receipt) };
        await audit.record({
          entity: 'receipt',
          entityId: r.value.receipt.id,
          action: 'create',
          organisationId: orgId,
          after: out.receipt,
        });
        await audit.record({
          entity: 'foreign-candidate',
          entityId: candidateId,
          action: 'confirm',
          organisationId: orgId,
          before: { status: 'proposed' },
          after: out.candidate,
        });
        return ok(out);
      });
      return unwrap(result);
    },
  );

  app.post(
    `${base}/candidates/:candidateId/reject`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Reject a candidate: the payment is not foreign funding',
        params: CandidateParams,
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const orgId = membershipOf(req).organisationId;
      const { candidateId } = req.params as { candidateId: string };
      const actor = actorOf(req);
      const result = await withAudit(deps.ctx, actor, async (tx, audit) => {
        const r = await rejectForeignCandidate(tx, orgId, { candidateId, decidedBy: actor.label });
        if (!r.ok) return r;
        await audit.record({
          entity: 'foreign-candidate',
          entityId: candidateId,
          action: 'reject',
          organisationId: orgId,
          before: { status: 'proposed' },
          after: candidateJson(r.value),
        });
        return ok(candidateJson(r.value));
      });
      return unwrap(result);
    },
  );

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/rates',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary:
          'Official exchange rates of a currency as imported, newest first, in every base currency held (KZT from the NBK, INR from the RBI, …), each row with its base',
        querystring: RatesQuerySchema,
        response: { 200: RateListSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const q = req.query;
      const to = q.to === undefined ? undefined : unwrap(parseCalendarDate(q.to, 'to'));
      const rates = await listRates(deps.ctx, { currency: q.currency, to, base: q.base, limit: q.limit });
      return {
        currency: q.currency,
        rates: rates.map((r) => ({
          base: r.base,
          date: r.date,
          rate: r.text,
          units: r.units,
          source: r.source,
        })),
      };
    },
  );
};
