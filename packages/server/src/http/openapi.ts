import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI document, built from the route schemas (so it covers every route by construction),
 * served at /api/v1/openapi.json, and the Swagger UI docs page at /api/v1/docs (its assets ship
 * in the npm package: it works offline).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CivicLedger API',
        version: '1',
        description:
          'JSON API of CivicLedger. Sign in with POST /api/v1/session (sets an HTTP-only session cookie and a `civic_csrf` cookie); send the CSRF token back in the `x-csrf-token` header on every POST/PUT/PATCH/DELETE. Errors are `{"error":{"code","message","field"?,"requestId"}}`; codes are listed in docs/errors.md. Organisation routes answer 404 to non-members and 403 to members whose role lacks the right.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'civic_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
    staticCSP: false,
  });
  app.get(
    '/api/v1/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true, response: { 200: { type: 'object', additionalProperties: true } } },
    },
    async () => app.swagger(),
  );
}
