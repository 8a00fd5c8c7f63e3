import {
  briefVersions,
  changeBriefSummary,
  findWaveBrief,
  ownedBrief,
  setBriefPublished,
  type Principal,
} from '@civic/app';
import { domainError, roleAllows } from '@civic/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  BriefParamsSchema,
  BriefPatchSchema,
  BriefSchema,
  BriefVersionListSchema,
} from '../http/api/index.ts';
import { actorOf, principalOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const tags = ['waves'];

/** Only monitors and admins (incidents:publish) write, change, publish and take back briefs. */
export function requirePublisher(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (!p.memberships.some((m) => roleAllows(m.role, 'incidents:publish')))
    throw new ApiError(domainError('AUTH_FORBIDDEN', 'only monitors and admins write and publish briefs'));
  return p;
}

/**
 * A brief's summary edited from its version, and a published brief taken back; both audited, and
 * both only by a monitor or admin who may see every incident the brief prints (app's ownedBrief).
 */
export const briefsRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.patch(
    '/api/v1/briefs/:briefId',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Change a brief’s summary (monitors and admins); it is rendered again',
        description: 'A stale `version` answers 409 BRIEF_VERSION_CONFLICT naming the field `version`.',
        params: BriefParamsSchema,
        body: BriefPatchSchema,
        response: { 200: BriefSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      unwrap(await ownedBrief(deps.ctx, req.params.briefId, requirePublisher(req)));
      const { version, summary } = req.body;
      return unwrap(await changeBriefSummary(deps.ctx, actorOf(req), req.params.briefId, version, summary));
    },
  );

  app.post(
    '/api/v1/briefs/:briefId/unpublish',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Take a published brief back (monitors and admins): private again, out of the Atom feed',
        params: BriefParamsSchema,
        response: { 200: BriefSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      unwrap(await ownedBrief(deps.ctx, req.params.briefId, requirePublisher(req)));
      return unwrap(await setBriefPublished(deps.ctx, actorOf(req), req.params.briefId, false));
    },
  );

  app.get(
    '/api/v1/briefs/:briefId/versions',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'The published versions of a brief, newest first, each with its date and text',
        description:
          'A published brief\u2019s versions for anyone signed in; a draft\u2019s for a monitor or admin who may see all its incidents; otherwise 404 BRIEF_NOT_FOUND.',
        params: BriefParamsSchema,
        response: { 200: BriefVersionListSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const { briefId } = req.params;
      const b = await findWaveBrief(deps.ctx, briefId);
      if (!b.ok || b.value.publishedAt === null) {
        // A draft is as unknown as a missing brief to whoever may not act on it (as GET …/{briefId}).
        const p = principalOf(req);
        if (!p.memberships.some((m) => roleAllows(m.role, 'incidents:publish')))
          throw new ApiError(domainError('BRIEF_NOT_FOUND', `no brief "${briefId}"`, { field: 'briefId' }));
        unwrap(await ownedBrief(deps.ctx, briefId, p));
      }
      return { versions: await briefVersions(deps.ctx, briefId) };
    },
  );
};
