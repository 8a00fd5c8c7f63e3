import {
  deliveryWarning,
  listNotifications,
  markRead,
  sendQueuedNotifications,
  organisationRecipients,
  organisationSettingsOf,
  setOrganisationWebhook,
  unreadCount,
  updateOrganisationSettings,
  updateUserSettings,
  userSettingsOf,
} from '@civic/app';
import { NOTIFICATION_KINDS } from '@civic/core';
import { membershipOf, principalOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const KindSchema = { type: 'string', enum: [...NOTIFICATION_KINDS] } as const;
const NotificationSchema = {
  type: 'object',
  required: ['key', 'kind', 'subject', 'text', 'dueOn', 'channel', 'status', 'createdAt', 'read'],
  properties: {
    key: { type: 'string' },
    kind: { type: 'string' },
    step: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    dueOn: { type: 'string', format: 'date' },
    channel: { type: 'string' },
    status: { type: 'string' },
    createdAt: { type: 'string' },
    sentAt: { type: ['string', 'null'] },
    read: { type: 'boolean' },
  },
} as const;
const WarningSchema = {
  type: ['object', 'null'],
  properties: {
    message: { type: 'string' },
    failingSince: { type: 'string' },
    waiting: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
  },
} as const;
const UserSettingsSchema = {
  type: 'object',
  required: ['kinds', 'delivery', 'digestAt'],
  properties: {
    kinds: { type: 'array', items: KindSchema },
    delivery: { type: 'string', enum: ['immediate', 'digest'] },
    digestAt: { type: 'string' },
  },
} as const;
const OrgSettingsSchema = {
  type: 'object',
  required: ['offsets', 'minimalContent', 'webhookUrl'],
  properties: {
    offsets: { type: 'array', items: { type: 'integer' } },
    minimalContent: { type: 'boolean' },
    webhookUrl: { type: ['string', 'null'] },
  },
} as const;

/** The bell (list, count, mark read), each user's settings, and the organisation admin's view. */
export const notificationsRoutes: RouteModule = (app, deps) => {
  const { ctx } = deps;
  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, the unread count, and (admins) a delivery warning',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unread: { type: 'boolean', default: false },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['notifications', 'unread', 'warning', 'emailAvailable'],
            properties: {
              notifications: { type: 'array', items: NotificationSchema },
              unread: { type: 'integer' },
              warning: WarningSchema,
              emailAvailable: { type: 'boolean' },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const q = req.query as { unread: boolean; limit: number };
      const list = await listNotifications(ctx, p.user.id, { unreadOnly: q.unread, limit: q.limit });
      const isAdmin = p.user.instanceAdmin || p.memberships.some((m) => m.role === 'admin');
      const warning = isAdmin
        ? await deliveryWarning(ctx, p.user.locale === 'en' || p.user.locale === 'kk' ? p.user.locale : 'ru')
        : null;
      return { ...list, warning, emailAvailable: Boolean(deps.mail?.smtpUrl) };
    },
  );
  app.get(
    '/api/v1/me/notifications/count',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'How many of your notifications are unread (the bell’s count)',
        response: {
          200: { type: 'object', required: ['unread'], properties: { unread: { type: 'integer' } } },
          '4xx': errorRef,
        },
      },
    },
    async (req) => ({ unread: await unreadCount(ctx, principalOf(req).user.id) }),
  );
  app.post(
    '/api/v1/me/notifications/read',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark your notifications read: the keys given, or all',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { keys: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 500 } } },
        },
        response: {
          200: { type: 'object', required: ['marked'], properties: { marked: { type: 'integer' } } },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const body = (req.body ?? {}) as { keys?: string[] };
      return { marked: await markRead(ctx, principalOf(req).user.id, body.keys) };
    },
  );
  app.post(
    '/api/v1/me/notifications/send-queued',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'E-mail your messages that were kept in the app while no SMTP was configured',
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            required: ['requeued', 'sent', 'failed'],
            properties: {
              requeued: { type: 'integer' },
              sent: { type: 'integer' },
              failed: { type: 'integer' },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const r = unwrap(
        await sendQueuedNotifications(ctx, { ...deps.mail, userId: principalOf(req).user.id }),
      );
      return { requeued: r.requeued, sent: r.delivery.sent, failed: r.delivery.failed };
    },
  );
  app.get(
    '/api/v1/me/notification-settings',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'Which kinds you receive, and immediately or as a daily digest',
        response: { 200: UserSettingsSchema, '4xx': errorRef },
      },
    },
    async (req) => userSettingsOf(ctx, principalOf(req).user.id),
  );
  app.put(
    '/api/v1/me/notification-settings',
    {
      config: { access: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'Change which kinds you receive, and immediately or as a daily digest at a time',
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            kinds: { type: 'array', items: KindSchema, uniqueItems: true },
            delivery: { type: 'string', enum: ['immediate', 'digest'] },
            digestAt: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
          },
        },
        response: { 200: UserSettingsSchema, '4xx': errorRef },
      },
    },
    async (req) => unwrap(await updateUserSettings(ctx, principalOf(req).user.id, req.body as never)),
  );
  app.get(
    '/api/v1/orgs/:orgId/notifications',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['notifications'],
        summary: 'The organisation’s reminder settings and who receives what (admins)',
        params: OrgParamsSchema,
        response: {
          200: {
            type: 'object',
            required: ['settings', 'recipients', 'emailAvailable'],
            properties: {
              settings: OrgSettingsSchema,
              emailAvailable: { type: 'boolean' },
              recipients: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    email: { type: 'string' },
                    name: { type: 'string' },
                    role: { type: 'string' },
                    kinds: { type: 'array', items: { type: 'string' } },
                    delivery: { type: 'string' },
                    digestAt: { type: 'string' },
                  },
                },
              },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const orgId = membershipOf(req).organisationId;
      return {
        settings: await organisationSettingsOf(ctx, orgId),
        recipients: await organisationRecipients(ctx, orgId),
        emailAvailable: Boolean(deps.mail?.smtpUrl),
      };
    },
  );
  app.put(
    '/api/v1/orgs/:orgId/notifications',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['notifications'],
        summary: 'Set the reminder days (working days before a due day) and the minimal-content setting',
        params: OrgParamsSchema,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            offsets: {
              type: 'array',
              minItems: 1,
              maxItems: 5,
              items: { type: 'integer', minimum: 1, maximum: 60 },
            },
            minimalContent: { type: 'boolean' },
          },
        },
        response: { 200: OrgSettingsSchema, '4xx': errorRef },
      },
    },
    async (req) =>
      unwrap(await updateOrganisationSettings(ctx, membershipOf(req).organisationId, req.body as never)),
  );
  app.put(
    '/api/v1/orgs/:orgId/notifications/webhook',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['notifications'],
        summary: 'Set (or with null remove) the webhook; the signing secret is in this answer only',
        params: OrgParamsSchema,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['url'],
          properties: { url: { type: ['string', 'null'], maxLength: 2000 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['url', 'secret'],
            properties: { url: { type: ['string', 'null'] }, secret: { type: ['string', 'null'] } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) =>
      unwrap(
        await setOrganisationWebhook(
          ctx,
          membershipOf(req).organisationId,
          (req.body as { url: string | null }).url,
        ),
      ),
  );
};
