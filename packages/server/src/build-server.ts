import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { DEFAULT_LOGIN_LIMITS, type AppContext, type TsaConfig } from '@civic/app';
import { domainError, pickLocale } from '@civic/core';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { registerErrorHandler, sendError } from './http/error-handler.ts';
import type { Access } from './http/access.ts';
import { checkRouteDeclaration, registerGuard } from './http/guard.ts';
import { JSON_BODY_LIMIT, registerBodyLimits } from './http/body-limits.ts';
import { registerInstanceLock } from './http/instance-lock-watch.ts';
import { LoginThrottle } from './http/login-throttle.ts';
import { registerOpenApi } from './http/openapi.ts';
import { DecoyHost } from './http/decoy-host.ts';
import { jsonBody } from './http/json-body.ts';
import { registerRequestLog } from './http/request-log.ts';
import { ApiErrorSchema } from './http/schemas.ts';
import { registerSecurityHeaders, setSecurityHeaders } from './http/security-headers.ts';
import { ROUTE_MODULES } from './routes/index.ts';
import type { MailSettings, RouteModule, ServerDeps } from './routes/route-module.ts';

/** A registered API route and its access rule (for tests that sweep every route). */
export interface ApiRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/ route with its access rule, in registration order. */
    apiRoutes: ApiRoute[];
  }
}

export interface ServerOptions {
  /** The built web app (packages/web/dist); served at / when it exists. */
  readonly webRoot?: string;
  /** Fastify's logger: false (default), true, or options such as `{ level: 'warn' }`. */
  readonly logger?: boolean | { readonly level: string; readonly stream?: { write(line: string): void } };
  /**
   * Trust X-Forwarded-* from a reverse proxy (for the client IP and https): false, true (every
   * hop), a number of hops, or a list of proxy addresses/CIDRs (see http/trust-proxy.ts).
   */
  readonly trustProxy?: boolean | number | string;
  /** Mark cookies Secure (default: only when trustProxy is on, i.e. behind a TLS proxy). */
  readonly secureCookies?: boolean;
  /** Sign-in attempts allowed per account and per address in the window (default 5 and 20 a minute). */
  readonly loginRateLimit?: {
    /** Attempts per account in the window (default 5). */
    readonly max: number;
    readonly windowMs: number;
    /** Attempts per client address in the window (default 20). */
    readonly maxPerAddress?: number;
  };
  /** The folder of scheduled backups (BACKUP_DIR), for the admin page's backup status. */
  readonly backupDir?: string | undefined;
  /** SMTP_URL, APP_URL and MAIL_FROM (for a user's "send what is queued"). */
  readonly mail?: MailSettings | undefined;
  /** TSA_URL: the RFC 3161 time-stamping authority for bundles (docs/security.md). */
  readonly tsa?: TsaConfig | undefined;
  /** How often the server looks for a lock made elsewhere, in ms (default 3000; see http/instance-lock-watch.ts). */
  readonly lockPollMs?: number;
  /** Called once when the server locks itself (the entry point drops the key from its environment). */
  readonly onLocked?: () => void;
  /** Extra route modules (tests use this to add probe routes). */
  readonly extraRoutes?: readonly RouteModule[];
}

/** Fastify's trustProxy: a number of hops as a function of the hop's index (0 = the socket's peer). */
function trustProxyOption(
  v: boolean | number | string | undefined,
): boolean | string | ((addr: string, hop: number) => boolean) {
  if (typeof v === 'number') return (_addr, hop) => hop < v;
  return v ?? false;
}

/**
 * Builds the HTTP app without listening, so tests drive it through `inject()`.
 * Routes live under /api/v1 (every one with an access rule and JSON schemas); the web build is
 * served from the same port with client-side routes falling back to index.html.
 */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request (http/request-log.ts) instead of Fastify's two, with the id named as in
    // error bodies.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    trustProxy: trustProxyOption(options.trustProxy),
    genReqId: () => crypto.randomUUID(),
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    // 64 KB for a JSON body; the upload routes declare their own (issue 12: http/body-limits.ts).
    bodyLimit: JSON_BODY_LIMIT,
    // Path parameters up to 500 characters reach the route schemas (400 naming the parameter);
    // longer ones and malformed URLs get the usual error body too, not Fastify's own.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: (e, req, reply) => {
      req.locale = pickLocale(req.headers['accept-language']) ?? 'en';
      setSecurityHeaders(req, reply);
      return sendError(
        req,
        reply,
        domainError('REQUEST_INVALID', e.message, { field: 'url' }),
        e.statusCode === 414 ? 414 : 400,
      );
    },
  });
  app.setReplySerializer(jsonBody);
  app.addSchema(ApiErrorSchema);
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    checkRouteDeclaration(route);
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (route.url.startsWith('/api/') && access)
      for (const method of [route.method].flat())
        if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
  });
  await app.register(fastifyCookie);
  // Files (bank statements, incident CSVs) are sent as the raw request body.
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'text/plain', 'application/xml', 'text/xml'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  registerSecurityHeaders(app);
  registerRequestLog(app);
  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : undefined;
  registerErrorHandler(app, { spaFallback: webRoot !== undefined });
  registerBodyLimits(app);
  // Before the guard: a locked instance answers every request without reading a session.
  // The decoy of a duress sign-in is the same app over an empty in-memory database, with nothing of
  // this server's (no backups, no mail, no hook into its lock).
  const decoy = new DecoyHost((decoyCtx) =>
    buildServer(decoyCtx, {
      ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}),
      ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    }),
  );
  app.addHook('onClose', () => decoy.close());
  const lock = registerInstanceLock(app, ctx, {
    ...(options.lockPollMs !== undefined ? { pollMs: options.lockPollMs } : {}),
    ...(options.onLocked !== undefined ? { onLocked: options.onLocked } : {}),
    decoy,
  });
  registerGuard(app, ctx, (req, reply) => lock.answerIfLocked(req, reply));
  await registerOpenApi(app);

  const deps: ServerDeps = {
    ctx,
    throttle: new LoginThrottle(ctx, {
      perAccount: options.loginRateLimit?.max ?? DEFAULT_LOGIN_LIMITS.perAccount,
      perAddress: options.loginRateLimit?.maxPerAddress ?? DEFAULT_LOGIN_LIMITS.perAddress,
      windowMs: options.loginRateLimit?.windowMs ?? DEFAULT_LOGIN_LIMITS.windowMs,
    }),
    secureCookies: options.secureCookies ?? Boolean(options.trustProxy ?? false),
    backupDir: options.backupDir,
    mail: options.mail,
    tsa: options.tsa,
    lock,
    decoy,
  };
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        response: {
          200: {
            type: 'object',
            required: ['status', 'database'],
            properties: { status: { type: 'string' }, database: { type: 'string' } },
          },
        },
      },
    },
    async () => ({ status: 'ok', database: ctx.store.dialect }),
  );
  for (const mod of [...ROUTE_MODULES, ...(options.extraRoutes ?? [])]) mod(app, deps);

  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      setHeaders: (reply, path) =>
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }
  return app;
}
