import type { Locale } from '@civic/core';
import { deliveryWarningText } from '@civic/formats';
import {
  countUnreadNotifications,
  failingOutboxRows,
  listOutboxRows,
  markNotificationsRead,
  type OutboxRow,
} from '@civic/store';
import type { AppContext } from '../context.ts';

/** A notification as the bell and `civic notify outbox` show it. */
export interface NotificationView {
  readonly key: string;
  readonly to: string;
  readonly kind: string;
  readonly step: string;
  readonly subject: string;
  readonly text: string;
  readonly dueOn: string;
  readonly itemId: string;
  readonly channel: string;
  /** `queued` (kept in the app), `pending` (to be sent, maybe after a failure), `sent`. */
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly read: boolean;
}

const view = (r: OutboxRow): NotificationView => ({
  key: r.key,
  to: r.recipient,
  kind: r.kind,
  step: r.step,
  subject: r.subject,
  text: r.body,
  dueOn: r.due_on,
  itemId: r.item_id,
  channel: r.channel,
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  read: r.read_at !== null,
});

/** Every message in the outbox, newest first (`civic notify outbox`), optionally of one status. */
export async function listOutbox(ctx: AppContext, status?: string): Promise<NotificationView[]> {
  return (await listOutboxRows(ctx.store.db, { status })).map(view);
}

/** A user's notifications for the bell, newest first. */
export async function listNotifications(
  ctx: AppContext,
  userId: string,
  o: { unreadOnly?: boolean | undefined; limit?: number | undefined } = {},
): Promise<{ notifications: NotificationView[]; unread: number }> {
  const rows = await listOutboxRows(ctx.store.db, { userId, unreadOnly: o.unreadOnly, limit: o.limit ?? 50 });
  return { notifications: rows.map(view), unread: await countUnreadNotifications(ctx.store.db, userId) };
}

export function unreadCount(ctx: AppContext, userId: string): Promise<number> {
  return countUnreadNotifications(ctx.store.db, userId);
}

/** Marks a user's notifications read: these keys, or all. Another user's keys are left alone. */
export function markRead(ctx: AppContext, userId: string, keys?: readonly string[]): Promise<number> {
  return markNotificationsRead(ctx.store.db, userId, ctx.now().toISOString(), keys);
}

/** How long sending may fail before the admin is warned in the app. */
export const FAILURE_WARNING_MS = 24 * 3_600_000;

export interface DeliveryWarning {
  readonly message: string;
  readonly failingSince: string;
  readonly waiting: number;
  readonly lastError: string | null;
}

/** The admin's warning when messages have been failing for more than a day (else null). */
export async function deliveryWarning(ctx: AppContext, locale: Locale): Promise<DeliveryWarning | null> {
  const before = new Date(ctx.now().getTime() - FAILURE_WARNING_MS).toISOString();
  const rows = await failingOutboxRows(ctx.store.db, before);
  const first = rows[0];
  if (!first) return null;
  return {
    message: deliveryWarningText(locale),
    failingSince: first.first_failed_at ?? before,
    waiting: rows.length,
    lastError: rows.at(-1)?.last_error ?? null,
  };
}
