import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '@civic/app';
import Fastify, { type FastifyInstance } from 'fastify';

export interface ServerOptions {
  /** The built web app (packages/web/dist); served at / when it exists. */
  readonly webRoot?: string;
  readonly logger?: boolean;
}

/**
 * Builds the HTTP app without listening, so tests drive it through `inject()`.
 * Routes live under /api/v1; the web build is served from the same port.
 */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, genReqId: () => crypto.randomUUID() });

  app.get('/api/v1/health', async () => ({ status: 'ok', database: ctx.store.dialect }));

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, prefix: '/' });
    // Client-side routes: any non-API GET falls back to the app shell.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'not found' } });
    });
  }
  return app;
}
