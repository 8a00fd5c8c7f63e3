import {
  createWaveBrief,
  detectWavesInDatabase,
  findWaveBrief,
  briefsVisibleTo,
  ownedBrief,
  briefListing,
  setBriefPublished,
  reportedWaves,
  toStoreViewer,
  waveJson,
  withAudit,
  type BriefRow,
  type Principal,
} from '@civic/app';
import {
  ACTION_TYPE_LABELS,
  domainError,
  labelOf,
  localLegalBasis,
  ok,
  roleAllows,
  waveCategoryLabel,
} from '@civic/core';
import type { FastifyRequest } from 'fastify';
import { BriefListSchema, BriefSchema } from '../http/api/index.ts';
import { actorOf, principalOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const Obj = { type: 'object', additionalProperties: true } as const;
/** Replications for the web: fewer than the CLI's 999 so that a page answers quickly (p-values to 1/200). */
export const WEB_WAVE_REPLICATIONS = 199;
const Detection = {
  seed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 1 },
  replications: { type: 'integer', minimum: 1, maximum: 9999, default: WEB_WAVE_REPLICATIONS },
  from: { type: 'string', maxLength: 20 },
  to: { type: 'string', maxLength: 20 },
} as const;
const BriefParams = {
  type: 'object',
  required: ['briefId'],
  properties: { briefId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;
const tags = ['waves'];

const mayPublish = (p: Principal): boolean =>
  p.memberships.some((m) => roleAllows(m.role, 'incidents:publish'));

function requirePublisher(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (!mayPublish(p))
    throw new ApiError(domainError('AUTH_FORBIDDEN', 'only monitors and admins write and publish briefs'));
  return p;
}

/** A brief as the API lists it (the `BriefSchema` of `@civic/server/api`). */
const briefJson = (b: BriefRow) => briefListing(b);

/**
 * A brief the caller may read: a published one, or a draft for a monitor or admin who may see every
 * incident it prints (app's ownedBrief). Otherwise as unknown as a missing one.
 */
async function readableBrief(req: FastifyRequest, deps: Parameters<RouteModule>[1]): Promise<BriefRow> {
  const { briefId } = req.params as { briefId: string };
  const b = await findWaveBrief(deps.ctx, briefId);
  if (b.ok && b.value.publishedAt !== null) return b.value;
  if (b.ok && req.principal && mayPublish(req.principal))
    return unwrap(await ownedBrief(deps.ctx, briefId, req.principal));
  throw new ApiError(domainError('BRIEF_NOT_FOUND', `no brief "${briefId}"`, { field: 'briefId' }));
}

/**
 * Waves detected in the incidents the user may see (seeded: the same seed gives the same
 * answer), briefs on a wave (write, preview as HTML, publish); the public Atom feed of
 * published briefs and public incidents is feed.routes.ts.
 */
export const wavesRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/waves',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: `Coordinated waves in the incidents you may see (space–time permutation scan; seed 1 and ${WEB_WAVE_REPLICATIONS} replications unless given)`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...Detection, all: { type: 'boolean', default: false } },
        },
        response: { 200: Obj, '4xx': errorRef },
      },
    },
    async (req) => {
      const q = req.query as { seed: number; replications: number; from?: string; to?: string; all: boolean };
      const r = unwrap(
        await detectWavesInDatabase(deps.ctx, {
          seed: q.seed,
          replications: q.replications,
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          viewer: toStoreViewer(principalOf(req)),
        }),
      );
      const waves = reportedWaves(r.waves, q.all);
      return {
        seed: r.seed,
        replications: r.replications,
        incidents: r.scanned.size,
        // Each wave's category and actions with their labels in the request's language.
        waves: waves.map((w) => ({
          ...waveJson(w),
          categoryLabel: waveCategoryLabel(w.category, req.locale),
          actionLabels: w.actionTypes.map((a) => labelOf(ACTION_TYPE_LABELS, a, req.locale)),
          legalBasisLabels: w.legalBasis.map((b) => localLegalBasis(b, req.locale) ?? b),
        })),
      };
    },
  );

  app.get(
    '/api/v1/briefs',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary:
          'Briefs: published ones, and for monitors and admins the drafts whose incidents they may all see',
        response: { 200: BriefListSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return { briefs: (await briefsVisibleTo(deps.ctx, p, { drafts: mayPublish(p) })).map(briefJson) };
    },
  );

  app.post(
    '/api/v1/briefs',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Write a brief on a detected wave (monitors and admins); it is stored unpublished',
        body: {
          type: 'object',
          required: ['waveId'],
          additionalProperties: false,
          properties: {
            waveId: { type: 'string', minLength: 1, maxLength: 200 },
            lang: { type: 'string', enum: ['en', 'ru', 'kk'], default: 'en' },
            ...Detection,
          },
        },
        response: { 201: BriefSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const p = requirePublisher(req);
      const body = req.body as {
        waveId: string;
        lang: string;
        seed: number;
        replications: number;
        from?: string;
        to?: string;
      };
      const made = unwrap(
        await withAudit(deps.ctx, actorOf(req), async (tx, audit) => {
          const r = await createWaveBrief(tx, { ...body, viewer: toStoreViewer(p) });
          if (!r.ok) return r;
          await audit.record({
            entity: 'brief',
            entityId: r.value.brief.id,
            action: 'create',
            organisationId: null,
            after: briefJson(r.value.brief),
          });
          return ok(r.value.brief);
        }),
      );
      return reply.code(201).send(briefJson(made));
    },
  );

  app.get(
    '/api/v1/briefs/:briefId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A brief as a self-contained HTML page (published briefs for anyone; unpublished ones for monitors and admins)',
        params: BriefParams,
        response: { 200: { type: 'string', description: 'text/html' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const b = await readableBrief(req, deps);
      // A self-contained page (inline SVG, no scripts); the app shows it in a sandboxed srcdoc frame.
      return reply.type('text/html; charset=utf-8').send(b.html);
    },
  );

  app.post(
    '/api/v1/briefs/:briefId/publish',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Publish a brief (monitors and admins): it becomes public and enters the Atom feed',
        params: BriefParams,
        response: { 200: BriefSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const p = requirePublisher(req);
      const { briefId } = req.params as { briefId: string };
      unwrap(await ownedBrief(deps.ctx, briefId, p));
      return unwrap(await setBriefPublished(deps.ctx, actorOf(req), briefId, true));
    },
  );
};
