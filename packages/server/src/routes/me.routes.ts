import {
  atRestStatus,
  changePassword,
  confirmTotp,
  csrfTokenFor,
  disableTotp,
  endMySession,
  listMySessions,
  startTotpEnrolment,
  updateProfile,
} from '@civic/app';
import { unwrap } from '../http/api-error.ts';
import { actorOf, principalOf } from '../http/access.ts';
import { CSRF_COOKIE } from '../http/guard.ts';
import { errorRef, LocaleSchema, MembershipSchema, OkSchema, UserSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const MeSchema = {
  type: 'object',
  required: ['user', 'memberships', 'networkOrganisationIds', 'csrfToken'],
  properties: {
    user: UserSchema,
    memberships: { type: 'array', items: MembershipSchema },
    networkOrganisationIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'Organisations whose network-visibility records this user may see',
    },
    csrfToken: { type: 'string' },
    instance: {
      type: 'object',
      description: 'Encryption at rest of this instance: given to instance admins only',
      required: ['dialect', 'databaseEncrypted', 'filesEncrypted', 'encryptionWarning'],
      properties: {
        dialect: { type: 'string', enum: ['sqlite', 'postgres'] },
        databaseEncrypted: { type: 'boolean' },
        filesEncrypted: { type: 'boolean' },
        encryptionWarning: {
          type: 'boolean',
          description: 'true for a plain SQLite file (run civic encrypt) or PostgreSQL without a file key',
        },
      },
    },
  },
} as const;

const SessionsSchema = {
  type: 'object',
  required: ['sessions'],
  properties: {
    sessions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'browser', 'system', 'current'],
        properties: {
          id: { type: 'string', description: 'A handle for DELETE /api/v1/me/sessions/{id}' },
          createdAt: { type: 'string', format: 'date-time' },
          lastSeenAt: { type: 'string', format: 'date-time' },
          expiresAt: { type: 'string', format: 'date-time' },
          browser: { type: ['string', 'null'], description: 'From the User-Agent: Firefox, Chrome, …' },
          system: { type: ['string', 'null'], description: 'From the User-Agent: Windows, Android, …' },
          current: { type: 'boolean', description: 'The session of this request' },
        },
      },
    },
  },
} as const;

const CodeBody = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: { type: 'string', minLength: 6, maxLength: 8 } },
} as const;

export const meRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/me',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, their organisations and roles',
        response: { 200: MeSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const csrfToken = csrfTokenFor(req.sessionToken ?? '');
      reply.setCookie(CSRF_COOKIE, csrfToken, {
        path: '/',
        httpOnly: false,
        sameSite: 'strict',
        secure: deps.secureCookies,
      });
      return {
        user: p.user,
        memberships: p.memberships,
        networkOrganisationIds: p.networkOrganisationIds,
        csrfToken,
        ...(p.user.instanceAdmin ? { instance: atRestStatus(deps.ctx) } : {}),
      };
    },
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Change your name or interface language',
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, locale: LocaleSchema },
        },
        response: { 200: UserSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const body = req.body as { name?: string; locale?: string };
      return unwrap(await updateProfile(deps.ctx, actorOf(req), principalOf(req).user.id, body));
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Change your password (ends your other sessions)',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            currentPassword: { type: 'string', minLength: 1, maxLength: 1024 },
            newPassword: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
        response: { 200: OkSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const body = req.body as { currentPassword: string; newPassword: string };
      const p = principalOf(req);
      unwrap(
        await changePassword(deps.ctx, actorOf(req), p.user.id, {
          current: body.currentPassword,
          next: body.newPassword,
          keepSessionId: p.sessionId,
        }),
      );
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/me/totp',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Start setting up the TOTP second factor: a secret for an authenticator app',
        response: {
          200: {
            type: 'object',
            required: ['secret', 'otpauthUri'],
            properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => unwrap(await startTotpEnrolment(deps.ctx, actorOf(req), principalOf(req).user.id)),
  );

  app.post(
    '/api/v1/me/totp/confirm',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Confirm the second factor with a code from the app; answers its recovery codes, once',
        body: CodeBody,
        response: {
          200: {
            type: 'object',
            required: ['totpEnabled', 'recoveryCodes'],
            properties: {
              totpEnabled: { type: 'boolean' },
              recoveryCodes: {
                type: 'array',
                items: { type: 'string' },
                description:
                  'Ten one-time codes (xxxx-xxxx) that sign in in place of a TOTP code; only their hashes are kept, so they are never shown again',
              },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) =>
      unwrap(
        await confirmTotp(
          deps.ctx,
          actorOf(req),
          principalOf(req).user.id,
          (req.body as { code: string }).code,
        ),
      ),
  );

  app.delete(
    '/api/v1/me/totp',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Turn the second factor off (needs a current code or the password)',
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            code: { type: 'string', minLength: 6, maxLength: 8 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['totpEnabled'],
            properties: { totpEnabled: { type: 'boolean' } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) =>
      unwrap(
        await disableTotp(
          deps.ctx,
          actorOf(req),
          principalOf(req).user.id,
          req.body as { code?: string; password?: string },
        ),
      ),
  );

  app.get(
    '/api/v1/me/sessions',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'Your active sessions (the one asking marked current)',
        response: { 200: SessionsSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return { sessions: await listMySessions(deps.ctx, p.user.id, p.sessionId) };
    },
  );

  app.delete(
    '/api/v1/me/sessions/:sessionId',
    {
      config: { access: 'session' },
      schema: {
        tags: ['me'],
        summary: 'End one of your sessions (ending the current one signs you out)',
        params: {
          type: 'object',
          required: ['sessionId'],
          properties: { sessionId: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        response: { 200: OkSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const { sessionId } = req.params as { sessionId: string };
      unwrap(await endMySession(deps.ctx, principalOf(req).user.id, sessionId));
      return { ok: true };
    },
  );
};
