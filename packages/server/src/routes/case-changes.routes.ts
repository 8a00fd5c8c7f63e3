import {
  actionView,
  attachCaseDocument,
  caseView,
  createCase,
  getCase,
  listCasesOf,
  recordCaseAction,
  withAudit,
  type AppContext,
} from '@civic/app';
import { domainError, err, ok } from '@civic/core';
import { parseCaseAction, parseCaseInput } from '@civic/formats';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf, membershipOf } from '../http/access.ts';
import {
  AttachedDocument,
  CaseActionBody,
  CaseActionParams,
  CaseActionView,
  CaseDocumentParams,
  CaseDocumentQuery,
  CaseView,
  CreateCaseBody,
} from '../http/api/cases.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const write = { access: { org: 'cases:write' } } as const;
const tags = ['cases'];
/** A scanned ruling or court decision is a few MB; 20 MB leaves room for a photographed one. */
const DOCUMENT_LIMIT = 20 * 1024 * 1024;

/** The case, when it is the organisation's; another organisation's case is as unknown as a missing one. */
async function caseOfOrg(ctx: AppContext, orgId: string, caseId: string) {
  const c = await getCase(ctx, caseId);
  if (!c.ok || c.value.organisationId !== orgId)
    throw new ApiError(domainError('CASE_NOT_FOUND', `no case "${caseId}"`, { field: 'caseId' }));
  return c.value;
}

/** The pack a new case is judged by when the request names none: the organisation's latest case's. */
async function defaultPack(ctx: AppContext, orgId: string): Promise<string | undefined> {
  const cases = unwrap(await listCasesOf(ctx, orgId));
  return cases.at(-1)?.pack;
}

/**
 * The lawyer's changes to cases (issue 13): open a case, add an action of any kind (validated by
 * the case file's rules: dates that exist and come in a plausible order, article and tier known to
 * the pack), attach a document to an action (stored encrypted, with its sha256). Each is logged in
 * the organisation's hash-chained log and audited with before/after.
 */
export const caseChangesRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/orgs/:orgId/cases';

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Open a case (optionally with its first actions), judged by a rule pack',
        params: OrgParamsSchema,
        body: CreateCaseBody,
        response: { 201: CaseView, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const pack = req.body.pack ?? (await defaultPack(deps.ctx, m.organisationId));
      if (pack === undefined)
        throw new ApiError(
          domainError('CASE_FIELD_REQUIRED', 'pack is required (the organisation has no case yet)', {
            field: 'pack',
          }),
        );
      const input = unwrap(parseCaseInput({ ...req.body, pack, actions: req.body.actions ?? [] }));
      const created = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await createCase(tx, input, { organisation: m.organisationId });
          if (!r.ok) return r;
          const view = caseView(r.value, m.organisationName);
          await audit.record({
            entity: 'case',
            entityId: r.value.id,
            action: 'create',
            organisationId: m.organisationId,
            after: view,
          });
          return ok(view);
        }),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    `${base}/:caseId/actions`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Add an action to a case: notice, summons, inspection, protocol, ruling, suspension, appeal, court decision (with its outcome), withdrawal, payment',
        params: CaseActionParams,
        body: CaseActionBody,
        response: { 201: CaseActionView, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const before = await caseOfOrg(deps.ctx, m.organisationId, req.params.caseId);
      const input = unwrap(parseCaseAction(req.body));
      if (input.kind === 'court-decision' && (input.outcome ?? null) === null)
        throw new ApiError(
          domainError('CASE_FIELD_REQUIRED', 'outcome is required for a court decision', {
            field: 'outcome',
          }),
        );
      const added = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await recordCaseAction(tx, before.id, input);
          if (!r.ok) return r;
          const after = await getCase(tx, before.id);
          if (!after.ok) return after;
          await audit.record({
            entity: 'case',
            entityId: before.id,
            action: 'add-action',
            organisationId: m.organisationId,
            before: caseView(before),
            after: caseView(after.value),
          });
          return ok(actionView(r.value));
        }),
      );
      return reply.code(201).send(added);
    },
  );

  app.post(
    `${base}/:caseId/actions/:actionId/documents`,
    {
      config: write,
      bodyLimit: DOCUMENT_LIMIT,
      schema: {
        tags,
        summary:
          'Attach a document to an action (the file is the body, application/octet-stream; stored encrypted with its sha256)',
        params: CaseDocumentParams,
        querystring: CaseDocumentQuery,
        response: { 201: AttachedDocument, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const m = membershipOf(req);
      const c = await caseOfOrg(deps.ctx, m.organisationId, req.params.caseId);
      const bytes = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0)
        throw new ApiError(
          domainError('REQUEST_INVALID', 'send the document as the request body (application/octet-stream)', {
            field: 'body',
          }),
        );
      const action = c.actions.find((a) => a.id === req.params.actionId);
      const attached = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          if (!action)
            return err(
              domainError('CASE_ACTION_NOT_FOUND', `case ${c.id} has no action "${req.params.actionId}"`, {
                field: 'actionId',
              }),
            );
          const r = await attachCaseDocument(tx, c.id, action.id, {
            name: req.query.name,
            content: new Uint8Array(bytes),
          });
          if (!r.ok) return r;
          await audit.record({
            entity: 'case-document',
            entityId: r.value.id,
            action: 'create',
            organisationId: m.organisationId,
            before: { actionId: action.id, documents: action.documents },
            after: { actionId: action.id, name: req.query.name, ...r.value },
          });
          return ok(r.value);
        }),
      );
      return reply.code(201).send(attached);
    },
  );
};
