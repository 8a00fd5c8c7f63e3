import { createUser, users } from '@civic/app';
import { actorOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, LocaleSchema, UserSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/** Accounts across the instance: for the instance admin only. */
export const usersRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: 'instance-admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Every account (instance admins)',
        response: {
          200: {
            type: 'object',
            required: ['users'],
            properties: { users: { type: 'array', items: UserSchema } },
          },
          '4xx': errorRef,
        },
      },
    },
    async () => ({
      users: await users(deps.ctx),
    }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'instance-admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (instance admins); give it roles with PUT /orgs/{orgId}/members',
        body: {
          type: 'object',
          required: ['email', 'name', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 254 },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            locale: LocaleSchema,
          },
        },
        response: { 201: UserSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const body = req.body as { email: string; name: string; password: string; locale?: string };
      const user = unwrap(await createUser(deps.ctx, actorOf(req), body));
      return reply.code(201).send(user);
    },
  );
};
