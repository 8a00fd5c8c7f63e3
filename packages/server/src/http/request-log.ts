import type { FastifyInstance } from 'fastify';

/**
 * One structured JSON line per request on the server's log (standard output under `npm start`):
 * `{"level":30,"time":…,"requestId":"…","method":"GET","route":"/api/v1/orgs/:orgId/ledger",
 * "status":200,"ms":3.4,"msg":"request"}`. The route is the pattern, never the URL (ids and tokens
 * stay out), and no header, cookie or body is written. Unexpected errors are logged with their
 * stack by the error handler (http/error-handler.ts). Fastify's own two lines per request are off
 * (`disableRequestLogging` in build-server.ts).
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
