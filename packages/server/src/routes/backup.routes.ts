import { scheduledBackupStatus } from '@civic/app';
import { errorRef } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const BackupRecordSchema = {
  type: 'object',
  required: ['file', 'bytes', 'createdAt', 'verifiedAt'],
  properties: {
    file: { type: 'string' },
    bytes: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    verifiedAt: { type: ['string', 'null'] },
  },
} as const;

/** The scheduled backups' state, for the instance admin: the last one, its size, when it was verified, and whether none is newer than two days. */
export const backupRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/admin/backups',
    {
      config: { access: 'instance-admin' },
      schema: {
        tags: ['admin'],
        summary: 'Scheduled backups: the last one and whether it is stale (instance admins)',
        response: {
          200: {
            type: 'object',
            required: ['configured', 'last', 'stale'],
            properties: {
              configured: { type: 'boolean' },
              last: { anyOf: [BackupRecordSchema, { type: 'null' }] },
              stale: { type: 'boolean' },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    () => {
      if (deps.backupDir === undefined) return { configured: false, last: null, stale: true };
      return { configured: true, ...scheduledBackupStatus(deps.backupDir, deps.ctx.now()) };
    },
  );
};
