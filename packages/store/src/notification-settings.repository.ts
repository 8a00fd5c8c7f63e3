import type { Kysely, Selectable } from 'kysely';
import type { NotificationOrgSettingTable, NotificationUserSettingTable } from './notification.tables.ts';
import type { Database } from './schema.ts';

export type UserNotificationSettingRow = Selectable<NotificationUserSettingTable>;
export type OrgNotificationSettingRow = Selectable<NotificationOrgSettingTable>;

export async function userNotificationSettings(db: Kysely<Database>): Promise<UserNotificationSettingRow[]> {
  return db.selectFrom('notification_user_setting').selectAll().execute();
}

export async function putUserNotificationSetting(
  db: Kysely<Database>,
  row: UserNotificationSettingRow,
): Promise<void> {
  await db
    .insertInto('notification_user_setting')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        kinds: row.kinds,
        delivery: row.delivery,
        digest_at: row.digest_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function orgNotificationSettings(db: Kysely<Database>): Promise<OrgNotificationSettingRow[]> {
  return db.selectFrom('notification_org_setting').selectAll().execute();
}

export async function putOrgNotificationSetting(
  db: Kysely<Database>,
  row: Omit<OrgNotificationSettingRow, 'minimal_content'> & { minimal_content: 0 | 1 },
): Promise<void> {
  await db
    .insertInto('notification_org_setting')
    .values(row)
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        offsets: row.offsets,
        minimal_content: row.minimal_content,
        webhook_url: row.webhook_url,
        webhook_secret: row.webhook_secret,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
