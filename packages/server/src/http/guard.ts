import { authoriseOrg, checkCsrfToken, resolveSession, type AppContext } from '@civic/app';
import { domainError, pickLocale } from '@civic/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Access } from './access.ts';
import { ApiError } from './api-error.ts';

export const SESSION_COOKIE = 'civic_session';
export const CSRF_COOKIE = 'civic_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that may be called without a CSRF token although they change state (signing in). */
const CSRF_EXEMPT = new Set(['POST /api/v1/session']);

function accessOf(req: FastifyRequest): Access | undefined {
  return req.routeOptions.config.access;
}

/**
 * Refuses to register an /api/ route that does not declare its access rule and response schema:
 * the guard and the OpenAPI document then cover every route by construction.
 */
export function checkRouteDeclaration(route: RouteOptions): void {
  const url = route.url;
  if (!url.startsWith('/api/')) return;
  if (url.startsWith('/api/v1/docs')) {
    route.config = { ...(route.config ?? {}), access: 'public' };
    return;
  }
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (!access) throw new Error(`route ${String(route.method)} ${url} declares no config.access`);
  if (typeof access === 'object' && !url.includes(':orgId'))
    throw new Error(`route ${url} has an org access rule but no :orgId parameter`);
  if (!route.schema?.response)
    throw new Error(`route ${String(route.method)} ${url} declares no response schema`);
}

/**
 * The guard, on every request before body parsing and validation:
 *  1. reads the session cookie and resolves the principal; picks the message language;
 *  2. applies the route's access rule (401 AUTH_REQUIRED, 404 ORG_NOT_FOUND, 403 AUTH_FORBIDDEN);
 *  3. on POST/PUT/PATCH/DELETE with a session, checks the CSRF header (403 AUTH_CSRF).
 */
export function registerGuard(
  app: FastifyInstance,
  ctx: AppContext,
  /**
   * A session cookie no session matches: the instance may have been locked a moment ago through
   * another server process (a duress sign-in's decoy session, the sessions a lock ended). The lock
   * watch looks at once and answers, rather than this process saying «sign in» for up to a second.
   */
  onUnknownSession?: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>,
): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('membership', null);
  app.decorateRequest('locale', 'en');

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.principal = (await resolveSession(ctx, token)) ?? null;
      if (!req.principal && onUnknownSession) {
        const answered = await onUnknownSession(req, reply);
        if (answered) return answered;
      }
    }
    req.locale = pickLocale(req.headers['accept-language']) ?? req.principal?.user.locale ?? 'en';

    const access = accessOf(req);
    if (!access || access === 'public') return;
    const principal = req.principal;
    if (!principal) throw new ApiError(domainError('AUTH_REQUIRED', 'sign in first'));
    if (UNSAFE.has(req.method) && !CSRF_EXEMPT.has(`${req.method} ${req.routeOptions.url ?? ''}`)) {
      const header = req.headers[CSRF_HEADER];
      if (!checkCsrfToken(req.sessionToken ?? '', typeof header === 'string' ? header : undefined)) {
        throw new ApiError(
          domainError('AUTH_CSRF', `missing or wrong ${CSRF_HEADER} header`, { field: CSRF_HEADER }),
        );
      }
    }
    if (access === 'session') return;
    if (access === 'instance-admin') {
      if (!principal.user.instanceAdmin)
        throw new ApiError(domainError('AUTH_FORBIDDEN', 'only an instance admin may do this'));
      return;
    }
    const orgId = (req.params as { orgId?: unknown }).orgId;
    const m = authoriseOrg(principal, typeof orgId === 'string' ? orgId : '', access.org);
    if (!m.ok) throw new ApiError(m.error);
    req.membership = m.value;
  });
}
