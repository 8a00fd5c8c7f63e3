import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  computeSchedule,
  instantAt,
  localTimeIn,
  ok,
  parseCalendarDate,
  type DueMessage,
  type MonitoringEvent,
  type Result,
} from '@civic/core';
import { renderNotificationItem } from '@civic/formats';
import { existingOutboxKeys, recordOutboxRows, requeueInAppForEmail, type NewOutboxRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import { deliverOutbox, type DeliveryReport } from './deliver-outbox.ts';
import { smtpSender } from './mail-transport.ts';
import { appUrlOf, renderOptions } from './message-context.ts';
import { orgSettingsById } from './notification-settings.ts';
import {
  dueObligations,
  legalDeadlines,
  monitoringEvents,
  notificationUsers,
  organisationsByPack,
} from './notification-sources.ts';
import { scheduledWaveEvents } from './wave-scan.ts';
import { auditDone } from '../audit/audited.ts';

export interface NotifyRunInput {
  /** The day to run as (YYYY-MM-DD, read as 23:00 in the pack's time zone); default: the clock. */
  readonly asOf?: string | undefined;
  /** Compute and list what would be sent; record and send nothing. */
  readonly dryRun?: boolean | undefined;
  /** SMTP_URL; without it messages stay in the app (the bell, `civic notify outbox`). */
  readonly smtpUrl?: string | undefined;
  /** APP_URL, for links (default http://localhost:8080). */
  readonly appUrl?: string | undefined;
  /** Also e-mail what was kept in the app while no SMTP was configured. */
  readonly sendQueued?: boolean | undefined;
  /**
   * Tell monitors of new waves with p < 0.05 (default on; false turns it off). The Monte Carlo scan
   * runs only when the incidents or the day changed since the last one (wave-scan.ts).
   */
  readonly waves?: boolean | undefined;
  /** MAIL_FROM: the sender's address. */
  readonly from?: string | undefined;
}

/** One message as `civic notify run --dry-run --json` prints it. */
export interface NotifyMessageView {
  readonly to: string;
  readonly kind: string;
  readonly subject: string;
  readonly dueOn: string;
  readonly itemId: string;
  readonly channel: 'email' | 'in-app' | 'webhook';
}

export interface NotifyRunResult {
  /** The new messages of this run (a dry run: those that would be recorded and sent). */
  readonly messages: readonly NotifyMessageView[];
  readonly recorded: number;
  readonly delivery: DeliveryReport | null;
}

/** A name for this process in the outbox's claims. */
export const processTag = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

const AS_OF_MINUTES = 23 * 60;

/**
 * Computes what is due (core computeSchedule per rule pack), records each new message in the
 * outbox under its unique key before anything is sent, then sends what is pending: e-mail with
 * SMTP, else kept for the app; a webhook per organisation that has one. Running it again sends
 * nothing new. A dry run records and sends nothing.
 */
export async function runNotifications(
  ctx: AppContext,
  input: NotifyRunInput = {},
): Promise<Result<NotifyRunResult>> {
  const r = await runNotificationsNow({ ...ctx, actor: undefined }, input);
  // Mail went out: the run is recorded afterwards, not in one transaction with sending.
  if (r.ok && !input.dryRun)
    await auditDone(ctx, {
      entity: 'notification',
      entityId: input.asOf ?? ctx.now().toISOString().slice(0, 10),
      action: 'run',
      organisationId: null,
      after: {
        recorded: r.value.recorded,
        sent: r.value.delivery?.sent ?? 0,
        failed: r.value.delivery?.failed ?? 0,
      },
    });
  return r;
}

async function runNotificationsNow(
  ctx: AppContext,
  input: NotifyRunInput = {},
): Promise<Result<NotifyRunResult>> {
  let asOfDay = null;
  if (input.asOf !== undefined) {
    const d = parseCalendarDate(input.asOf, 'as-of');
    if (!d.ok) return d;
    asOfDay = d.value;
  }
  const sender = input.smtpUrl ? smtpSender(input.smtpUrl) : null;
  if (sender && !sender.ok) return sender;
  const appUrl = appUrlOf(input.appUrl);
  const users = await notificationUsers(ctx);
  const orgRows = await orgSettingsById(ctx);
  const orgSettings = [...orgRows.values()].map((r) => ({
    organisationId: r.organisation_id,
    offsets: r.offsets.split(',').map(Number),
    minimalContent: Number(r.minimal_content) === 1,
  }));
  const due = new Map<string, DueMessage>();
  let legal = null;
  for (const group of await organisationsByPack(ctx)) {
    const asOf = asOfDay ? instantAt(asOfDay, AS_OF_MINUTES, group.pack.timeZone) : ctx.now();
    const today = localTimeIn(asOf, group.pack.timeZone).date;
    const obligations = await dueObligations(ctx, group.organisations, group.pack, today);
    if (!obligations.ok) return obligations;
    legal ??= await legalDeadlines(ctx, today);
    if (!legal.ok) return legal;
    const ids = new Set(group.organisations.map((o) => o.id));
    let waves: MonitoringEvent[] = [];
    if (input.waves !== false) {
      const found = await scheduledWaveEvents(ctx, today, { remember: !input.dryRun });
      if (!found.ok) return found;
      waves = found.value.events;
    }
    const schedule = computeSchedule({
      pack: group.pack,
      asOf,
      obligations: obligations.value,
      legalDeadlines: legal.value.filter((d) => ids.has(d.organisationId)),
      events: [...(await monitoringEvents(ctx, today)), ...waves],
      users,
      organisations: orgSettings.filter((o) => ids.has(o.organisationId)),
    });
    for (const m of schedule.messages) due.set(m.key, m);
  }
  const hookKeyOf = (m: DueMessage) =>
    `webhook|${m.organisationId ?? ''}|${m.kind}|${m.itemId}|${m.dueOn}|${m.step}`;
  const hasHook = (m: DueMessage) => Boolean(m.organisationId && orgRows.get(m.organisationId)?.webhook_url);
  const known = await existingOutboxKeys(ctx.store.db, [
    ...due.keys(),
    ...[...due.values()].filter(hasHook).map(hookKeyOf),
  ]);
  const fresh = [...due.values()].filter(
    (m) => !known.has(m.key) || (hasHook(m) && !known.has(hookKeyOf(m))),
  );
  const options = await renderOptions(ctx, appUrl);
  const channel = sender ? 'email' : 'in-app';
  const now = ctx.now().toISOString();
  const rows: NewOutboxRow[] = [];
  const views: NotifyMessageView[] = [];
  const webhookKeys = new Set<string>();
  for (const m of fresh) {
    const item = renderNotificationItem(m, options);
    const base = {
      locale: m.locale,
      kind: m.kind,
      item_id: m.itemId,
      organisation_id: m.organisationId,
      due_on: m.dueOn,
      step: m.step,
      digest: m.digest ? 1 : 0,
      subject: item.subject,
      body: [...item.lines, item.link].join('\n'),
      payload: JSON.stringify(m),
      created_at: now,
    } as const;
    rows.push({
      ...base,
      key: m.key,
      user_id: m.userId,
      recipient: m.to,
      channel,
      status: sender ? 'pending' : 'queued',
    });
    views.push({ to: m.to, kind: m.kind, subject: item.subject, dueOn: m.dueOn, itemId: m.itemId, channel });
    const hook = m.organisationId ? orgRows.get(m.organisationId) : undefined;
    const hookKey = hookKeyOf(m);
    if (hook?.webhook_url && !webhookKeys.has(hookKey) && !known.has(hookKey)) {
      webhookKeys.add(hookKey);
      rows.push({
        ...base,
        key: hookKey,
        user_id: null,
        recipient: hook.webhook_url,
        channel: 'webhook',
        status: 'pending',
      });
      views.push({
        to: hook.webhook_url,
        kind: m.kind,
        subject: item.subject,
        dueOn: m.dueOn,
        itemId: m.itemId,
        channel: 'webhook',
      });
    }
  }
  if (input.dryRun) return ok({ messages: views, recorded: 0, delivery: null });
  const recorded = await recordOutboxRows(ctx.store.db, rows);
  if (sender && input.sendQueued) await requeueInAppForEmail(ctx.store.db);
  const delivery = await deliverOutbox(ctx, {
    sender: sender?.value ?? null,
    options,
    by: processTag(),
    from: input.from,
  });
  sender?.value.close();
  const added = new Set(recorded);
  return ok({
    messages: views.filter((_, i) => added.has(rows[i]?.key ?? '')),
    recorded: recorded.length,
    delivery,
  });
}
