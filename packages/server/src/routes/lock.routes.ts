import { clearDuressPassword, duressStatus, lockInstance, setDuressPassword } from '@civic/app';
import { DuressBody, DuressStatusSchema } from '../http/api/duress.ts';
import { unwrap } from '../http/api-error.ts';
import { actorOf } from '../http/access.ts';
import { SESSION_COOKIE } from '../http/guard.ts';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

/**
 * "Lock now" (issue 15), for the instance admin: every session ends, the server drops its keys and
 * answers every request INSTANCE_LOCKED until it is restarted with the key. Nothing is deleted.
 */
export const lockRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/admin/lock',
    {
      config: { access: 'instance-admin' },
      schema: {
        tags: ['admin'],
        summary: 'Lock the instance now: end every session and drop the keys until a restart with the key',
        response: {
          200: {
            type: 'object',
            required: ['locked', 'lockedAt', 'sessionsEnded'],
            properties: {
              locked: { type: 'boolean', enum: [true] },
              lockedAt: { type: 'string', format: 'date-time' },
              sessionsEnded: { type: 'integer' },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req, reply) => {
      const r = unwrap(await lockInstance(deps.ctx, actorOf(req)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // The answer is sent first; the keys are dropped right after it.
      reply.raw.once('finish', () => void deps.lock.engage());
      return r;
    },
  );

  const duressSchema = (summary: string, body?: typeof DuressBody) => ({
    tags: ['admin'],
    summary,
    ...(body ? { body } : {}),
    response: { 200: DuressStatusSchema, '4xx': errorRef },
  });

  app.get(
    '/api/v1/admin/duress',
    {
      config: { access: 'instance-admin' },
      schema: duressSchema('Whether a duress password is set (off by default)'),
    },
    async () => duressStatus(deps.ctx),
  );

  app.put(
    '/api/v1/admin/duress',
    {
      config: { access: 'instance-admin' },
      schema: duressSchema(
        'Set the duress password: signing in with it opens an empty decoy organisation and locks the instance',
        DuressBody,
      ),
    },
    async (req) => {
      const body = req.body as DuressBody;
      return unwrap(
        await setDuressPassword(deps.ctx, actorOf(req), {
          password: body.password,
          decoyName: body.decoyName ?? null,
        }),
      );
    },
  );

  app.delete(
    '/api/v1/admin/duress',
    { config: { access: 'instance-admin' }, schema: duressSchema('Turn the duress password off') },
    async (req) => unwrap(await clearDuressPassword(deps.ctx, actorOf(req))),
  );
};
