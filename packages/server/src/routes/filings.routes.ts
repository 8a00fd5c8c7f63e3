import {
  exportBundle,
  timestampFiling,
  getFiling,
  lintStoredFiling,
  listFilings,
  listObligations,
  obligationsCalendar,
  prepareFiling,
  renderFiling,
  submitFiling,
  withAudit,
  type AppContext,
} from '@civic/app';
import { domainError, err, labelOf, LINT_CODE_LABELS, lintMessage, ok } from '@civic/core';
import type { FastifyRequest } from 'fastify';
import { actorOf, membershipOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { JSON_TYPE, keptJsonBody } from '../http/json-body.ts';
import { jsonSafe } from '../http/json-safe.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const Obj = { type: 'object', additionalProperties: true } as const;

/** A period's report may cover tens of thousands of receipts: the list shows the first ones and the count. */
const RECEIPT_IDS_SHOWN = 100;

/** What the calendar view needs of an obligation (`fields=calendar`). */
const CALENDAR_FIELDS = ['id', 'title', 'form', 'period', 'dueOn', 'status', 'filingId'] as const;

const ObligationSchema = {
  type: 'object',
  required: ['id', 'title', 'form', 'period', 'dueOn', 'status'],
  description: 'With fields=all (the default) every property below is present.',
  properties: {
    id: { type: 'string' },
    organisation: { type: 'string' },
    obligationId: { type: 'string' },
    title: { type: 'string' },
    trigger: { type: 'string', enum: ['each-receipt', 'period'] },
    form: { type: 'string' },
    formTitle: { type: 'string' },
    period: {
      type: 'object',
      properties: { from: { type: 'string' }, to: { type: 'string' }, label: { type: 'string' } },
    },
    dueOn: { type: 'string' },
    status: {
      type: 'string',
      description: 'upcoming, due, filed-on-time, filed-late or missed (see docs/rule-packs.md)',
    },
    citation: { type: 'string', description: 'The source the due date rests on, as the pack cites it' },
    citationUrl: { type: ['string', 'null'] },
    legalBasis: {
      type: 'array',
      items: { type: 'string' },
      description: 'The legal bases as a lawyer cites them, in the request’s language (from the pack)',
    },
    verified: { type: 'boolean' },
    notes: { type: 'array', items: { type: 'string' } },
    caveats: {
      type: 'array',
      items: { type: 'string' },
      description: 'The pack’s notes on the unverified rules it rests on, in the request’s language',
    },
    receiptIds: {
      type: 'array',
      items: { type: 'string' },
      description: `The receipts it covers: the first ${RECEIPT_IDS_SHOWN} (all of them: \`receiptCount\`; \`civic obligations --json\` lists every one)`,
    },
    receiptCount: { type: 'integer', description: 'How many receipts it covers' },
    filingId: { type: ['string', 'null'] },
    submittedOn: { type: ['string', 'null'] },
  },
} as const;

interface ObligationsQuery {
  asOf?: string;
  from?: string;
  to?: string;
  dueFrom?: string;
  dueTo?: string;
  status?: string;
}

const obligationsInput = (req: FastifyRequest, q: ObligationsQuery) => ({
  org: membershipOf(req).organisationId,
  asOf: q.asOf,
  from: q.from,
  to: q.to,
  dueFrom: q.dueFrom,
  dueTo: q.dueTo,
});

const STATUS = 'upcoming|due|filed-on-time|filed-late|missed';

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const FilingParams = {
  type: 'object',
  required: ['orgId', 'filingId'],
  properties: { orgId: { type: 'string' }, filingId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/** The filing, if it belongs to the organisation of the route; another organisation's is "not found". */
async function filingOf(ctx: AppContext, req: FastifyRequest) {
  const { filingId } = req.params as { filingId: string };
  const filing = await getFiling(ctx, filingId);
  if (!filing.ok || filing.value.organisation !== membershipOf(req).organisationId)
    throw new ApiError(domainError('FILING_NOT_FOUND', `no filing "${filingId}"`, { field: 'filingId' }));
  return filing.value;
}

/** Obligations derived from the ledger and the rule pack; filings prepared, linted, rendered, submitted. */
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
        description:
          'Sorted by due day. A page of at most `limit` (default 200) after `offset`; `total` counts what the `status` filter keeps, `counts` every status. Derived answers are cached until the ledger changes.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            asOf: { type: 'string', format: 'date' },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            dueFrom: {
              type: 'string',
              format: 'date',
              description: 'only obligations due on or after this day',
            },
            dueTo: {
              type: 'string',
              format: 'date',
              description: 'only obligations due on or before this day',
            },
            status: {
              type: 'string',
              pattern: `^(${STATUS})(,(${STATUS}))*$`,
              description: 'comma-separated statuses to keep',
            },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
            offset: { type: 'integer', minimum: 0, default: 0 },
            fields: {
              type: 'string',
              enum: ['all', 'calendar'],
              default: 'all',
              description: `calendar: only ${CALENDAR_FIELDS.join(', ')} (a month of due days in a few kilobytes)`,
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['asOf', 'obligations', 'total', 'counts'],
            properties: {
              asOf: { type: 'string' },
              obligations: { type: 'array', items: ObligationSchema },
              total: { type: 'integer' },
              counts: { type: 'object', additionalProperties: { type: 'integer' } },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req, reply) => {
      const q = req.query as ObligationsQuery & { limit: number; offset: number; fields: 'all' | 'calendar' };
      const list = unwrap(
        await listObligations(deps.ctx, {
          ...obligationsInput(req, q),
          status: q.status?.split(','),
          limit: q.limit,
          offset: q.offset,
          lang: req.locale,
        }),
      );
      // A page answered from the stored obligations' cache is the same array each time: its body
      // is kept with it (serialising a thousand obligations was a third of the route's CPU).
      const variant = JSON.stringify([q.fields, list.asOf, list.total, list.counts]);
      const body = keptJsonBody(list.obligations, variant, () => {
        const obligations = list.obligations.map((o) =>
          q.fields === 'calendar'
            ? Object.fromEntries(CALENDAR_FIELDS.map((f) => [f, o[f]]))
            : {
                ...o,
                receiptIds:
                  o.receiptIds.length > RECEIPT_IDS_SHOWN
                    ? o.receiptIds.slice(0, RECEIPT_IDS_SHOWN)
                    : o.receiptIds,
                receiptCount: o.receiptIds.length,
              },
        );
        return { ...list, obligations };
      });
      return reply.type(JSON_TYPE).send(body);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/obligations.ics',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The obligations as an iCalendar file (RFC 5545): one all-day event on each due day, with reminders',
        params: OrgParamsSchema,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            asOf: { type: 'string', format: 'date' },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            dueFrom: { type: 'string', format: 'date' },
            dueTo: { type: 'string', format: 'date' },
          },
        },
        response: { 200: { description: 'text/calendar', type: 'string' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const ics = unwrap(
        await obligationsCalendar(deps.ctx, {
          ...obligationsInput(req, req.query as ObligationsQuery),
          lang: req.locale,
        }),
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="obligations.ics"')
        .send(ics);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/filings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Filings: drafts and submitted, with corrections',
        params: OrgParamsSchema,
        response: {
          200: {
            type: 'object',
            required: ['filings'],
            properties: { filings: { type: 'array', items: Obj } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => ({
      filings: jsonSafe(unwrap(await listFilings(deps.ctx, { org: membershipOf(req).organisationId }))),
    }),
  );

  app.get(
    '/api/v1/orgs/:orgId/filings/:filingId/document',
    {
      config: read,
      schema: {
        tags,
        summary: 'A filing rendered as PDF, XLSX or JSON (a download)',
        params: {
          type: 'object',
          required: ['orgId', 'filingId'],
          properties: {
            orgId: { type: 'string' },
            filingId: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['pdf', 'xlsx', 'json'], default: 'pdf' },
            lang: { type: 'string', enum: ['en', 'ru', 'kk'] },
          },
        },
        response: { 200: { description: 'The file', type: 'string', format: 'binary' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const q = req.query as { format: string; lang?: string };
      const filingId = (await filingOf(deps.ctx, req)).id;
      const bytes = unwrap(
        await renderFiling(deps.ctx, { filingId, format: q.format, lang: q.lang ?? req.locale }),
      );
      return reply
        .type(MIME[q.format] ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${filingId}.${q.format}"`)
        .send(Buffer.from(bytes));
    },
  );

  const write = { access: { org: 'filings:write' } } as const;

  app.post(
    '/api/v1/orgs/:orgId/filings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Prepare a filing (a draft) from the ledger for an obligation, or for a form and period',
        params: OrgParamsSchema,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            obligationId: { type: 'string', minLength: 1, maxLength: 300 },
            form: { type: 'string', minLength: 1, maxLength: 50 },
            period: {
              type: 'object',
              required: ['from', 'to'],
              additionalProperties: false,
              properties: {
                from: { type: 'string', format: 'date' },
                to: { type: 'string', format: 'date' },
              },
            },
            corrects: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'The submitted filing this one corrects',
            },
          },
          anyOf: [{ required: ['obligationId'] }, { required: ['form', 'period'] }],
        },
        response: { 201: Obj, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const orgId = membershipOf(req).organisationId;
      const body = req.body as {
        obligationId?: string;
        form?: string;
        period?: { from: string; to: string };
        corrects?: string;
      };
      if (body.obligationId !== undefined && !body.obligationId.startsWith(`${orgId}:`))
        throw new ApiError(
          domainError('OBLIGATION_NOT_FOUND', `no obligation "${body.obligationId}"`, {
            field: 'obligationId',
          }),
        );
      const filing = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await prepareFiling(tx, {
            org: orgId,
            obligationId: body.obligationId,
            form: body.form,
            period: body.period,
            corrects: body.corrects,
          });
          // The use case names its CLI option; the API's input is obligationId.
          if (!r.ok)
            return r.error.field === 'obligation'
              ? err({ ...r.error, field: body.obligationId !== undefined ? 'obligationId' : 'form' })
              : r;
          await audit.record({
            entity: 'filing',
            entityId: r.value.id,
            action: 'prepare',
            organisationId: orgId,
            after: {
              id: r.value.id,
              form: r.value.form,
              state: r.value.state,
              contentHash: r.value.contentHash,
            },
          });
          return ok(r.value);
        }),
      );
      return reply.code(201).send(jsonSafe(filing));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/filings/:filingId/lint',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Lint a filing against the ledger as it is now: every problem with its code, message and records',
        params: FilingParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: { type: 'string', format: 'date' } },
        },
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const f = await filingOf(deps.ctx, req);
      const lint = unwrap(
        await lintStoredFiling(deps.ctx, { filingId: f.id, asOf: (req.query as { asOf?: string }).asOf }),
      );
      // Each problem's code with its message and label in the request's language.
      const problems = lint.problems.map(({ params: _params, ...p }) => ({
        ...p,
        message: lintMessage({ ...p, params: _params }, req.locale),
        label: labelOf(LINT_CODE_LABELS, p.code, req.locale),
      }));
      return jsonSafe({ ...lint, problems });
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/filings/:filingId/submission',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record that a draft was submitted (day, channel, incoming number); the filing is immutable from then on',
        params: FilingParams,
        body: {
          type: 'object',
          required: ['submittedOn', 'channel', 'incomingNumber'],
          additionalProperties: false,
          properties: {
            submittedOn: { type: 'string', format: 'date' },
            channel: { type: 'string', minLength: 1, maxLength: 100 },
            incomingNumber: { type: 'string', minLength: 1, maxLength: 100 },
            acknowledgedLintErrors: {
              type: 'array',
              maxItems: 100,
              items: { type: 'string', maxLength: 100 },
              description:
                "The lint error codes the person confirmed submitting with; required when the filing's check finds errors (else 409 FILING_LINT_UNACKNOWLEDGED with `lintErrors`)",
            },
          },
        },
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const f = await filingOf(deps.ctx, req);
      const { acknowledgedLintErrors = [], ...body } = req.body as {
        submittedOn: string;
        channel: string;
        incomingNumber: string;
        acknowledgedLintErrors?: string[];
      };
      const orgId = membershipOf(req).organisationId;
      const submitted = await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
        const r = await submitFiling(tx, { filingId: f.id, ...body, acknowledgedLintErrors });
        if (!r.ok) return r;
        await audit.record({
          entity: 'filing',
          entityId: f.id,
          action: 'submit',
          organisationId: orgId,
          before: { state: f.state },
          after: { state: r.value.state, ...body, acknowledgedLintErrors },
        });
        return ok(r.value);
      });
      // With TSA_URL, the submitted filing's head is timestamped at once (the filing page shows it);
      // an authority that fails leaves it without one, and the submission stands.
      if (submitted.ok) await timestampFiling(deps.ctx, { id: f.id, organisation: orgId }, deps.tsa);
      return jsonSafe(unwrap(submitted));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/filings/:filingId/bundle',
    {
      config: read,
      schema: {
        tags,
        summary: 'The proof bundle of a filing (canonical JSON with hashes; `civic verify` checks it)',
        params: FilingParams,
        response: { 200: { description: 'The bundle', type: 'string' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const f = await filingOf(deps.ctx, req);
      const b = unwrap(await exportBundle(deps.ctx, { filingId: f.id, tsa: deps.tsa }));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${f.id}.bundle.json"`)
        .send(b.text);
    },
  );
};
