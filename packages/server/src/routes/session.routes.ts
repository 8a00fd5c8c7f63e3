import {
  duressSignIn,
  loadAccess,
  lockInstance,
  login,
  logout,
  type AppContext,
  type DuressUser,
  type OpenedSession,
} from '@civic/app';
import { domainError } from '@civic/core';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../http/api-error.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/guard.ts';
import { errorRef, MembershipSchema, OkSchema, UserSchema } from '../http/schemas.ts';
import type { RouteModule, ServerDeps } from './route-module.ts';

const LoginBody = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    totp: {
      type: 'string',
      maxLength: 12,
      description: 'The 6-digit code when the account has the second factor on',
    },
  },
} as const;

export const SessionSchema = {
  type: 'object',
  required: ['user', 'memberships', 'csrfToken', 'expiresAt'],
  properties: {
    user: UserSchema,
    memberships: { type: 'array', items: MembershipSchema },
    csrfToken: {
      type: 'string',
      description: `Send it back in the x-csrf-token header on POST/PUT/PATCH/DELETE (also in the ${CSRF_COOKIE} cookie)`,
    },
    expiresAt: { type: 'string' },
  },
} as const;

export function setSessionCookies(
  reply: FastifyReply,
  deps: ServerDeps,
  token: string,
  csrfToken: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
  });
  reply.setCookie(CSRF_COOKIE, csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: deps.secureCookies,
  });
}

/**
 * A duress sign-in (issue 15): opens the decoy (an empty organisation in a database of its own),
 * then locks the real instance exactly as «Lock now» does (every session ends, the mark is written,
 * this server drops its keys right after the answer). Only the decoy's session is served from then on.
 */
async function openDecoyAndLock(
  deps: ServerDeps,
  reply: FastifyReply,
  user: DuressUser,
  userAgent: string | undefined,
): Promise<{ ctx: AppContext; session: OpenedSession }> {
  const decoy = await deps.decoy.open(deps.ctx, user, userAgent);
  // The mark carries the decoy's seed: the other server processes open the same decoy (issue 15).
  const locked = await lockInstance(
    deps.ctx,
    { userId: user.id, label: user.email, channel: 'web' },
    decoy.seed,
  );
  if (!locked.ok) throw new Error(locked.error.message);
  // As for «Lock now»: the answer is sent first, the keys are dropped right after it.
  reply.raw.once('finish', () => void deps.lock.engage());
  return decoy;
}

export const sessionRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets the HTTP-only session cookie and the CSRF cookie',
        description:
          'A wrong e-mail and a wrong password answer 401 AUTH_INVALID_CREDENTIALS alike. More than 5 failed attempts a minute for one e-mail, or 20 from one address, answer 429 with Retry-After (counted before the password is checked). When the server is already checking as many passwords as it queues, 429 AUTH_BUSY with Retry-After: 1 (nothing checked, nothing counted).',
        body: LoginBody,
        response: { 200: SessionSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const { email, password, totp } = req.body as { email: string; password: string; totp?: string };
      // Reserve first, check the password second (issue 12): parallel guesses cannot all pass the count.
      const reserved = await deps.throttle.reserve({ address: req.ip, email });
      if (!reserved.ok) {
        const wait = reserved.retryAfterSeconds;
        throw new ApiError(domainError('AUTH_RATE_LIMITED', `too many sign-in attempts: wait ${wait} s`), {
          'retry-after': String(wait),
        });
      }
      const userAgent = req.headers['user-agent'];
      const real = await login(deps.ctx, {
        email,
        password,
        ...(totp !== undefined ? { totp } : {}),
        requestId: req.id,
        ...(userAgent ? { userAgent } : {}),
      });
      const duress =
        !real.ok && real.error.code === 'AUTH_INVALID_CREDENTIALS'
          ? await duressSignIn(deps.ctx, { email, password, totp })
          : undefined;
      const result = duress && (!duress.ok || duress.value) ? duress : real;
      // A right password waiting for its code, or no password checked at all (the hashing queue
      // was full), is not a failed attempt.
      const failed =
        !result.ok && result.error.code !== 'AUTH_TOTP_REQUIRED' && result.error.code !== 'AUTH_BUSY';
      await deps.throttle.settle(reserved.attempt, failed);
      if (!result.ok)
        throw new ApiError(
          result.error,
          result.error.code === 'AUTH_BUSY' ? { 'retry-after': '1' } : undefined,
        );
      const signedIn = result.value;
      if (signedIn === undefined) throw new Error('a sign-in without a session');
      const { ctx, session: s } =
        'token' in signedIn
          ? { ctx: deps.ctx, session: signedIn }
          : await openDecoyAndLock(deps, reply, signedIn, userAgent);
      setSessionCookies(reply, deps, s.token, s.csrfToken);
      const { memberships } = await loadAccess(ctx, s.user.id);
      return { user: s.user, memberships, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: 'session' },
      schema: {
        tags: ['session'],
        summary: 'Sign out: ends the session and clears its cookies',
        response: { 200: OkSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      if (req.sessionToken) await logout(deps.ctx, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  );
};
