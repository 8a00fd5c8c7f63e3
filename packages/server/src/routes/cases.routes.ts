import {
  caseCheckView,
  caseSummary,
  caseView,
  checkCase,
  deadlinesICalendar,
  draftObjection,
  getCase,
  listCasesOf,
  listDeadlines,
  withAudit,
  type AppContext,
  type LegalCase,
  type Principal,
} from '@civic/app';
import {
  deadlineSummary,
  domainError,
  ok,
  parseCalendarDate,
  roleAllows,
  type CalendarDate,
} from '@civic/core';
import type { FastifyRequest } from 'fastify';
import { actorOf, membershipOf, principalOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const Obj = { type: 'object', additionalProperties: true } as const;
const list = (key: string) =>
  ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: Obj } } }) as const;
const CaseParams = {
  type: 'object',
  required: ['orgId', 'caseId'],
  properties: {
    orgId: { type: 'string', minLength: 1, maxLength: 100 },
    caseId: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;
const AsOfQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    asOf: {
      type: 'string',
      format: 'date',
      description: 'The day deadlines and limitation are judged against (default today)',
    },
  },
} as const;
const DeadlinesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...AsOfQuery.properties,
    all: { type: 'boolean', default: false, description: 'Include deadlines a later action made moot' },
    orgId: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'Only this organisation (one you belong to)',
    },
  },
} as const;
const read = { access: { org: 'cases:read' } } as const;
const write = { access: { org: 'cases:write' } } as const;
const tags = ['cases'];

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

function asOfOf(text: string | undefined): CalendarDate | undefined {
  return text === undefined ? undefined : unwrap(parseCalendarDate(text, 'asOf'));
}

/** Organisation ids where the principal may read cases. */
function caseOrgs(p: Principal): Set<string> {
  return new Set(p.memberships.filter((m) => roleAllows(m.role, 'cases:read')).map((m) => m.organisationId));
}

/** The case, if it belongs to the organisation of the URL; another organisation's case is as unknown as a missing one. */
async function caseOfOrg(ctx: AppContext, req: FastifyRequest): Promise<LegalCase> {
  const { caseId } = req.params as { caseId: string };
  const c = await getCase(ctx, caseId);
  if (!c.ok || c.value.organisationId !== membershipOf(req).organisationId)
    throw new ApiError(domainError('CASE_NOT_FOUND', `no case "${caseId}"`, { field: 'caseId' }));
  return c.value;
}

/** The deadlines of every case in the organisations the user may read cases of (one, with `orgId`). */
async function deadlinesFor(ctx: AppContext, req: FastifyRequest) {
  const q = req.query as { asOf?: string; all: boolean; orgId?: string };
  const orgs = caseOrgs(principalOf(req));
  if (q.orgId !== undefined && !orgs.has(q.orgId))
    throw new ApiError(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
  const r = unwrap(await listDeadlines(ctx, { asOf: asOfOf(q.asOf), includeMoot: q.all }));
  return {
    asOf: r.asOf,
    // Each deadline's summary in the request's language.
    deadlines: r.deadlines
      .filter((d) => (q.orgId === undefined ? orgs.has(d.organisationId) : d.organisationId === q.orgId))
      .map((d) => ({ ...d, summary: deadlineSummary(d, req.locale) })),
  };
}

/**
 * Cases of organisations (legal actions against them), their checks (findings with citations and
 * whether each rule is verified), deadlines across the user's organisations (JSON and iCalendar),
 * and objection drafts (DOCX/PDF in ru/kk/en; drafting is logged and audited).
 */
export const casesRoutes: RouteModule = (app, deps) => {
  const base = '/api/v1/orgs/:orgId/cases';

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Cases across the organisations you belong to',
        response: { 200: list('cases'), '4xx': errorRef },
      },
    },
    async (req) => {
      const orgs = caseOrgs(principalOf(req));
      const names = new Map(principalOf(req).memberships.map((m) => [m.organisationId, m.organisationName]));
      const all = unwrap(await listCasesOf(deps.ctx));
      return {
        cases: all
          .filter((c) => orgs.has(c.organisationId))
          .map((c) => caseSummary(c, names.get(c.organisationId))),
      };
    },
  );

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'Cases of one organisation',
        params: OrgParamsSchema,
        response: { 200: list('cases'), '4xx': errorRef },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      return {
        cases: unwrap(await listCasesOf(deps.ctx, m.organisationId)).map((c) =>
          caseSummary(c, m.organisationName),
        ),
      };
    },
  );

  app.get(
    `${base}/:caseId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A case with its actions in order (the timeline)',
        params: CaseParams,
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => caseView(await caseOfOrg(deps.ctx, req), membershipOf(req).organisationName, req.locale),
  );

  app.get(
    `${base}/:caseId/check`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'The check of every action: limitation, penalty amount, appeal, findings with citation and verified state',
        params: CaseParams,
        querystring: AsOfQuery,
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const c = await caseOfOrg(deps.ctx, req);
      const asOf = asOfOf((req.query as { asOf?: string }).asOf);
      return caseCheckView(
        unwrap(await checkCase(deps.ctx, c.id, asOf === undefined ? {} : { asOf })),
        req.locale,
      );
    },
  );

  app.get(
    `${base}/:caseId/objection`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Draft the objection (a complaint when the case has a ruling) as DOCX or PDF, in Russian, Kazakh or English (a download; logged and audited)',
        params: CaseParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lang: { type: 'string', enum: ['ru', 'kk', 'en'] },
            format: { type: 'string', enum: ['docx', 'pdf'], default: 'docx' },
            asOf: AsOfQuery.properties.asOf,
            to: { type: 'string', enum: ['court', 'higher-official'], default: 'court' },
          },
        },
        response: { 200: { description: 'The file', type: 'string', format: 'binary' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const c = await caseOfOrg(deps.ctx, req);
      const q = req.query as { lang?: string; format: 'docx' | 'pdf'; asOf?: string; to?: string };
      const asOf = asOfOf(q.asOf);
      const lang = q.lang ?? req.locale;
      const orgId = membershipOf(req).organisationId;
      const drafted = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await draftObjection(tx, c.id, {
            lang,
            format: q.format,
            ...(q.to === undefined ? {} : { to: q.to }),
            ...(asOf === undefined ? {} : { asOf }),
          });
          if (!r.ok) return r;
          await audit.record({
            entity: 'objection',
            entityId: c.id,
            action: 'draft',
            organisationId: orgId,
            after: {
              caseId: c.id,
              lang,
              format: q.format,
              sha256: r.value.sha256,
              size: r.value.bytes.byteLength,
            },
          });
          return ok(r.value);
        }),
      );
      return reply
        .type(MIME[q.format])
        .header('content-disposition', `attachment; filename="${drafted.fileName}"`)
        .header('x-content-sha256', drafted.sha256)
        .send(Buffer.from(drafted.bytes));
    },
  );

  app.get(
    '/api/v1/deadlines',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Deadlines of every case across the organisations you belong to, by date',
        querystring: DeadlinesQuery,
        response: {
          200: {
            type: 'object',
            required: ['asOf', 'deadlines'],
            properties: { asOf: { type: 'string' }, deadlines: { type: 'array', items: Obj } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => deadlinesFor(deps.ctx, req),
  );

  app.get(
    '/api/v1/deadlines.ics',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'The same deadlines as an iCalendar file (RFC 5545)',
        querystring: DeadlinesQuery,
        response: { 200: { description: 'text/calendar', type: 'string' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const r = await deadlinesFor(deps.ctx, req);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="deadlines.ics"')
        .send(deadlinesICalendar(r.deadlines, { now: deps.ctx.now(), lang: req.locale }));
    },
  );
};
