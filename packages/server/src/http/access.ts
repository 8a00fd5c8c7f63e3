import type { Membership, Principal } from '@civic/app';
import type { Locale, Permission } from '@civic/core';
import type { FastifyRequest } from 'fastify';

/**
 * What a route needs before its handler runs. EVERY route under /api/ declares one in
 * `config.access` (buildServer refuses to start otherwise), so no route can forget the guard:
 * - `'public'`: anyone (health, login, the OpenAPI document);
 * - `'session'`: a signed-in user;
 * - `'instance-admin'`: a signed-in user with the instance-wide admin flag;
 * - `{ org: permission }`: the route has an `:orgId` parameter; the user must be a member of that
 *   organisation (else 404 ORG_NOT_FOUND) with a role that grants the permission (else 403).
 */
export type Access = 'public' | 'session' | 'instance-admin' | { readonly org: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. */
    principal: Principal | null;
    /** The raw session token from the cookie (for logout and CSRF), or null. */
    sessionToken: string | null;
    /** The language of messages for this request. */
    locale: Locale;
    /** On `{ org }` routes, the caller's membership in `:orgId` (set by the guard). */
    membership: Membership | null;
  }
}

/** The principal of a request on a route that requires a session (the guard has checked it). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('principalOf on a route without a session guard');
  return req.principal;
}

/** The caller's membership in `:orgId` on an `{ org }` route (the guard has checked it). */
export function membershipOf(req: FastifyRequest): Membership {
  if (!req.membership) throw new Error('membershipOf on a route without an org guard');
  return req.membership;
}

/** The actor to pass to audited use cases: the signed-in user and the request id. */
export function actorOf(req: FastifyRequest): {
  userId: string;
  label: string;
  requestId: string;
  channel: 'web';
} {
  const p = principalOf(req);
  return { userId: p.user.id, label: p.user.email, requestId: req.id, channel: 'web' };
}
