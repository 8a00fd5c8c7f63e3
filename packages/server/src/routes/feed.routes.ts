import { atomFeed } from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FeedQuerySchema } from '../http/api/index.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/**
 * `GET /api/v1/feed.atom[?lang=ru|kk|en]`: the public Atom feed (RFC 4287) of published briefs and
 * public incidents, no session needed. A published feed leaves the building: its title, incident
 * titles (dates in words) and summaries, and every brief's title and summary, are in the language
 * asked, else the request's (Accept-Language, else English); `<updated>` stays RFC 3339.
 */
export const feedRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/feed.atom',
    {
      config: { access: 'public' },
      schema: {
        tags: ['waves'],
        summary: 'Atom feed (RFC 4287) of published briefs and public incidents; no session needed',
        querystring: FeedQuerySchema,
        response: { 200: { type: 'string', description: 'application/atom+xml' }, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? req.locale;
      const xml = unwrap(await atomFeed(deps.ctx, { baseUrl: `${req.protocol}://${req.host}`, lang }));
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('content-language', lang)
        .header('vary', 'accept-language')
        .send(xml);
    },
  );
};
