import { lockInstance } from '@civic/app';
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
};
