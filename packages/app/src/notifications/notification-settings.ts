import { randomBytes } from 'node:crypto';
import {
  DEFAULT_OFFSETS,
  DEFAULT_USER_SETTINGS,
  domainError,
  err,
  isNotificationKind,
  KIND_ROLES,
  NOTIFICATION_KINDS,
  ok,
  parseTimeOfDay,
  type NotificationKind,
  type OrganisationNotificationSettings,
  type Result,
  type Role,
  type UserNotificationSettings,
} from '@civic/core';
import {
  listMembersOfOrganisation,
  orgNotificationSettings,
  putOrgNotificationSetting,
  putUserNotificationSetting,
  userNotificationSettings,
  type OrgNotificationSettingRow,
} from '@civic/store';
import type { AppContext } from '../context.ts';

const invalid = (field: string, message: string) =>
  err(domainError('NOTIFY_SETTINGS_INVALID', message, { field }));

/** Every user's settings (users without a row have the defaults). */
export async function userSettingsById(ctx: AppContext): Promise<Map<string, UserNotificationSettings>> {
  const rows = await userNotificationSettings(ctx.store.db);
  return new Map(
    rows.map((r) => [
      r.user_id,
      {
        kinds: r.kinds.split(',').filter(isNotificationKind),
        delivery: r.delivery === 'digest' ? 'digest' : 'immediate',
        digestAt: r.digest_at,
      },
    ]),
  );
}

export async function userSettingsOf(ctx: AppContext, userId: string): Promise<UserNotificationSettings> {
  return (await userSettingsById(ctx)).get(userId) ?? DEFAULT_USER_SETTINGS;
}

/** Validates and stores a user's settings; a part left out keeps its value. */
export async function updateUserSettings(
  ctx: AppContext,
  userId: string,
  input: {
    kinds?: readonly string[] | undefined;
    delivery?: string | undefined;
    digestAt?: string | undefined;
  },
): Promise<Result<UserNotificationSettings>> {
  const current = await userSettingsOf(ctx, userId);
  const unknown = input.kinds?.find((k) => !isNotificationKind(k));
  if (unknown !== undefined)
    return invalid('kinds', `"${unknown}" is not one of ${NOTIFICATION_KINDS.join(', ')}`);
  if (input.delivery !== undefined && input.delivery !== 'immediate' && input.delivery !== 'digest')
    return invalid('delivery', 'delivery is immediate or digest');
  if (input.digestAt !== undefined && parseTimeOfDay(input.digestAt) === null)
    return invalid('digestAt', 'the digest time is HH:MM (24-hour)');
  const next: UserNotificationSettings = {
    kinds: input.kinds ? input.kinds.filter(isNotificationKind) : current.kinds,
    delivery: (input.delivery as UserNotificationSettings['delivery'] | undefined) ?? current.delivery,
    digestAt: input.digestAt ?? current.digestAt,
  };
  await putUserNotificationSetting(ctx.store.db, {
    user_id: userId,
    kinds: next.kinds.join(','),
    delivery: next.delivery,
    digest_at: next.digestAt,
    updated_at: ctx.now().toISOString(),
  });
  return ok(next);
}

export interface OrganisationNotificationView extends OrganisationNotificationSettings {
  /** The webhook's address, or null; its secret is shown once, when it is set. */
  readonly webhookUrl: string | null;
}

const orgView = (
  organisationId: string,
  r: OrgNotificationSettingRow | undefined,
): OrganisationNotificationView => ({
  organisationId,
  offsets: r
    ? r.offsets
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : DEFAULT_OFFSETS,
  minimalContent: r ? Number(r.minimal_content) === 1 : false,
  webhookUrl: r?.webhook_url ?? null,
});

export async function orgSettingsById(ctx: AppContext): Promise<Map<string, OrgNotificationSettingRow>> {
  return new Map((await orgNotificationSettings(ctx.store.db)).map((r) => [r.organisation_id, r]));
}

export async function organisationSettingsOf(
  ctx: AppContext,
  organisationId: string,
): Promise<OrganisationNotificationView> {
  return orgView(organisationId, (await orgSettingsById(ctx)).get(organisationId));
}

/** Validates and stores an organisation's reminder days and minimal-content setting. */
export async function updateOrganisationSettings(
  ctx: AppContext,
  organisationId: string,
  input: { offsets?: readonly number[] | undefined; minimalContent?: boolean | undefined },
): Promise<Result<OrganisationNotificationView>> {
  if (input.offsets?.some((n) => !Number.isInteger(n) || n < 1 || n > 60) || input.offsets?.length === 0)
    return invalid('offsets', 'reminder days are whole numbers of working days from 1 to 60');
  const row = (await orgSettingsById(ctx)).get(organisationId);
  const current = orgView(organisationId, row);
  const offsets = input.offsets ? [...new Set(input.offsets)].sort((a, b) => b - a) : current.offsets;
  const minimal = input.minimalContent ?? current.minimalContent;
  await putOrgNotificationSetting(ctx.store.db, {
    organisation_id: organisationId,
    offsets: offsets.join(','),
    minimal_content: minimal ? 1 : 0,
    webhook_url: row?.webhook_url ?? null,
    webhook_secret: row?.webhook_secret ?? null,
    updated_at: ctx.now().toISOString(),
  });
  return ok({ ...current, offsets, minimalContent: minimal });
}

/**
 * Sets (or with null removes) an organisation's webhook. A new secret is made each time and
 * returned this once: alerts are POSTed with `X-CivicLedger-Signature: sha256=<hex HMAC of the body>`.
 */
export async function setOrganisationWebhook(
  ctx: AppContext,
  organisationId: string,
  url: string | null,
): Promise<Result<{ url: string | null; secret: string | null }>> {
  if (url !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
      return err(domainError('NOTIFY_WEBHOOK_URL_INVALID', `not an http(s) URL: ${url}`, { field: 'url' }));
  }
  const row = (await orgSettingsById(ctx)).get(organisationId);
  const current = orgView(organisationId, row);
  const secret = url === null ? null : randomBytes(32).toString('hex');
  await putOrgNotificationSetting(ctx.store.db, {
    organisation_id: organisationId,
    offsets: current.offsets.join(','),
    minimal_content: current.minimalContent ? 1 : 0,
    webhook_url: url,
    webhook_secret: secret,
    updated_at: ctx.now().toISOString(),
  });
  return ok({ url, secret });
}

export interface RecipientView {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly kinds: readonly NotificationKind[];
  readonly delivery: UserNotificationSettings['delivery'];
  readonly digestAt: string;
}

/** The organisation admin's view: each member, their role and the kinds they receive for it. */
export async function organisationRecipients(
  ctx: AppContext,
  organisationId: string,
): Promise<RecipientView[]> {
  const members = await listMembersOfOrganisation(ctx.store.db, organisationId);
  const settings = await userSettingsById(ctx);
  return members.map((m) => {
    const s = settings.get(m.userId) ?? DEFAULT_USER_SETTINGS;
    return {
      userId: m.userId,
      email: m.email,
      name: m.name,
      role: m.role,
      kinds: s.kinds.filter((k) => KIND_ROLES[k].includes(m.role as Role)),
      delivery: s.delivery,
      digestAt: s.digestAt,
    };
  });
}
