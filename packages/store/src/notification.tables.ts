import type { Flag, Int } from './schema.ts';

/**
 * One message ever due (issue 16). `status`: `pending` (to be sent by e-mail or webhook),
 * `queued` (no SMTP configured: shown in the app only, sent later if the user asks), `sent`.
 * A process sends a row only while it holds the claim (claimed_by until claimed_until).
 */
export interface NotificationOutboxTable {
  key: string;
  user_id: string | null;
  /** An e-mail address, or the webhook's URL. */
  recipient: string;
  locale: string;
  kind: string;
  item_id: string;
  organisation_id: string | null;
  due_on: string;
  step: string;
  /** `email`, `in-app` or `webhook`. */
  channel: string;
  digest: Flag;
  /** The subject and text as the bell shows them, in the recipient's language. */
  subject: string;
  body: string;
  /** JSON of the message (core DueMessage) the e-mail is rendered from. */
  payload: string;
  status: string;
  attempts: Int;
  next_attempt_at: string | null;
  first_failed_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
}

export interface NotificationUserSettingTable {
  user_id: string;
  /** Comma-separated kinds. */
  kinds: string;
  delivery: string;
  digest_at: string;
  updated_at: string;
}

export interface NotificationOrgSettingTable {
  organisation_id: string;
  /** Comma-separated working days before a due day. */
  offsets: string;
  minimal_content: Flag;
  webhook_url: string | null;
  /** The HMAC-SHA256 key of the webhook's signature header. */
  webhook_secret: string | null;
  updated_at: string;
}

export interface NotificationTables {
  notification_outbox: NotificationOutboxTable;
  notification_user_setting: NotificationUserSettingTable;
  notification_org_setting: NotificationOrgSettingTable;
}
