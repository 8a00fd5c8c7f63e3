import {
  grantMembership,
  listAudit,
  listMembers,
  organisationKey,
  organisations,
  organisationToday,
  revokeMembership,
} from '@civic/app';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_SYSTEM_ACTOR_LABELS,
  domainError,
  labelOf,
  ROLE_PERMISSIONS,
} from '@civic/core';
import { actorOf, membershipOf, principalOf } from '../http/access.ts';
import { ApiError, unwrap } from '../http/api-error.ts';
import { errorRef, OrgParamsSchema, RoleSchema } from '../http/schemas.ts';
import type { RouteModule } from './route-module.ts';

const OrganisationSchema = {
  type: 'object',
  required: ['id', 'name', 'bin', 'country', 'city', 'role', 'permissions'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    bin: { type: ['string', 'null'] },
    country: { type: 'string' },
    city: { type: ['string', 'null'] },
    role: RoleSchema,
    permissions: { type: 'array', items: { type: 'string' }, description: 'What your role allows here' },
    aliases: {
      type: 'array',
      items: { type: 'string' },
      description: 'Other names (Latin and Cyrillic spellings, former names); incident search finds them all',
    },
    today: {
      type: 'string',
      format: 'date',
      description:
        "Today in the time zone of the organisation's rule pack (Asia/Almaty for kz), never the UTC date",
    },
  },
} as const;

const MemberSchema = {
  type: 'object',
  required: ['userId', 'email', 'name', 'role', 'since', 'version'],
  properties: {
    userId: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: RoleSchema,
    since: { type: 'string' },
    version: { type: 'integer', description: 'Send it back with PATCH …/members/{userId}' },
  },
} as const;

const AuditEntrySchema = {
  type: 'object',
  required: ['id', 'at', 'actor', 'entity', 'entityId', 'action', 'before', 'after', 'requestId', 'channel'],
  properties: {
    id: { type: 'string' },
    at: { type: 'string' },
    actor: {
      type: 'object',
      required: ['userId', 'label'],
      properties: { userId: { type: ['string', 'null'] }, label: { type: 'string' } },
    },
    entity: { type: 'string' },
    entityId: { type: 'string' },
    action: { type: 'string' },
    actionLabel: { type: 'string', description: "The action in the request's language" },
    entityLabel: { type: 'string', description: "The kind of record in the request's language" },
    before: { description: 'The record before the change (null for a creation)' },
    after: { description: 'The record after the change (null for a deletion)' },
    requestId: { type: ['string', 'null'] },
    channel: {
      type: 'string',
      enum: ['web', 'cli'],
      description: 'Where the change came from: the web app and its API, or the command line',
    },
  },
} as const;

export const orgsRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/orgs',
    {
      config: { access: 'session' },
      schema: {
        tags: ['organisations'],
        summary: 'The organisations you belong to, with your role in each',
        response: {
          200: {
            type: 'object',
            required: ['organisations'],
            properties: { organisations: { type: 'array', items: OrganisationSchema } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const mine = new Map(principalOf(req).memberships.map((m) => [m.organisationId, m.role]));
      const all = await organisations(deps.ctx);
      return {
        organisations: all.flatMap((o) => {
          const role = mine.get(o.id);
          return role ? [{ ...o, role, permissions: [...ROLE_PERMISSIONS[role]] }] : [];
        }),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId',
    {
      config: { access: { org: 'org:read' } },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation you belong to',
        params: OrgParamsSchema,
        response: { 200: OrganisationSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const m = membershipOf(req);
      const o = (await organisations(deps.ctx)).find((x) => x.id === m.organisationId);
      if (!o) throw new ApiError(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
      return {
        ...o,
        role: m.role,
        permissions: [...ROLE_PERMISSIONS[m.role]],
        today: await organisationToday(deps.ctx, o),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/signing-key',
    {
      config: { access: { org: 'org:read' } },
      schema: {
        tags: ['organisations'],
        summary:
          "The organisation's public signing key and its fingerprint: every bundle and rendered filing is signed with it (docs/security.md)",
        params: OrgParamsSchema,
        response: {
          200: {
            type: 'object',
            required: ['fingerprint', 'publicKey'],
            properties: {
              fingerprint: {
                type: 'string',
                description: 'SHA-256 of the raw public key, hex in groups of four',
              },
              publicKey: { type: 'string', description: 'Base64 of the raw 32-byte Ed25519 public key' },
            },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const k = unwrap(await organisationKey(deps.ctx, membershipOf(req).organisationId));
      return { fingerprint: k.fingerprint, publicKey: k.publicKey };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/members',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['organisations'],
        summary: 'Members and their roles (admins)',
        params: OrgParamsSchema,
        response: {
          200: {
            type: 'object',
            required: ['members'],
            properties: { members: { type: 'array', items: MemberSchema } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => ({ members: await listMembers(deps.ctx, membershipOf(req).organisationId) }),
  );

  app.put(
    '/api/v1/orgs/:orgId/members',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['organisations'],
        summary: 'Give an existing account a role here, or change its role (admins)',
        params: OrgParamsSchema,
        body: {
          type: 'object',
          required: ['email', 'role'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 3, maxLength: 254 }, role: RoleSchema },
        },
        response: { 200: MemberSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const body = req.body as { email: string; role: string };
      return unwrap(
        await grantMembership(deps.ctx, actorOf(req), {
          organisationId: membershipOf(req).organisationId,
          email: body.email,
          role: body.role,
        }),
      );
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      config: { access: { org: 'members:manage' } },
      schema: {
        tags: ['organisations'],
        summary: 'Remove a member (never the last admin)',
        params: {
          type: 'object',
          required: ['orgId', 'userId'],
          properties: { orgId: { type: 'string' }, userId: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        response: { 200: MemberSchema, '4xx': errorRef },
      },
    },
    async (req) =>
      unwrap(
        await revokeMembership(deps.ctx, actorOf(req), {
          organisationId: membershipOf(req).organisationId,
          userId: (req.params as { userId: string }).userId,
        }),
      ),
  );

  app.get(
    '/api/v1/orgs/:orgId/audit',
    {
      config: { access: { org: 'audit:read' } },
      schema: {
        tags: ['organisations'],
        summary: 'The audit trail of the organisation, newest first (admins)',
        params: OrgParamsSchema,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            before: { type: 'string', maxLength: 100, description: 'An entry id: the page after it' },
            entity: { type: 'string', maxLength: 50 },
            entityId: { type: 'string', maxLength: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['entries'],
            properties: { entries: { type: 'array', items: AuditEntrySchema } },
          },
          '4xx': errorRef,
        },
      },
    },
    async (req) => {
      const q = req.query as { limit: number; before?: string; entity?: string; entityId?: string };
      const entries = await listAudit(deps.ctx, { ...q, organisationId: membershipOf(req).organisationId });
      // Codes travel with their labels in the request's language.
      return {
        entries: entries.map((e) => ({
          ...e,
          actor:
            e.actor.userId === null
              ? { ...e.actor, label: labelOf(AUDIT_SYSTEM_ACTOR_LABELS, e.actor.label, req.locale) }
              : e.actor,
          actionLabel: labelOf(AUDIT_ACTION_LABELS, e.action, req.locale),
          entityLabel: labelOf(AUDIT_ENTITY_LABELS, e.entity, req.locale),
        })),
      };
    },
  );
};
