import { domainError, err, ok, type Result } from '@civic/core';
import { requeueInAppForEmail } from '@civic/store';
import type { AppContext } from '../context.ts';
import { deliverOutbox, type DeliveryReport } from './deliver-outbox.ts';
import { smtpSender } from './mail-transport.ts';
import { appUrlOf, renderOptions } from './message-context.ts';
import { processTag } from './notify-run.ts';
import { auditDone } from '../audit/audited.ts';

export interface SendQueuedInput {
  /** SMTP_URL: without it there is nowhere to send (NOTIFY_SMTP_NOT_CONFIGURED). */
  readonly smtpUrl?: string | undefined;
  readonly appUrl?: string | undefined;
  readonly from?: string | undefined;
  /** Only this user's messages (the bell's button); without it, everyone's (`civic notify outbox --send-queued`). */
  readonly userId?: string | undefined;
}

export interface SendQueuedResult {
  /** Messages moved from the app's outbox to e-mail. */
  readonly requeued: number;
  readonly delivery: DeliveryReport;
}

/**
 * E-mails what was kept in the app while no SMTP was configured. Only `queued` rows move (a sent
 * message is never touched), and each row goes through the outbox's claim and sent mark, so asking
 * twice, or beside a running server, sends nothing twice.
 */
export async function sendQueuedNotifications(
  ctx: AppContext,
  input: SendQueuedInput,
): Promise<Result<SendQueuedResult>> {
  const r = await sendQueuedNotificationsNow({ ...ctx, actor: undefined }, input);
  if (r.ok)
    await auditDone(ctx, {
      entity: 'notification',
      entityId: 'outbox',
      action: 'send',
      organisationId: null,
      after: { requeued: r.value.requeued, sent: r.value.delivery.sent, failed: r.value.delivery.failed },
    });
  return r;
}

async function sendQueuedNotificationsNow(
  ctx: AppContext,
  input: SendQueuedInput,
): Promise<Result<SendQueuedResult>> {
  if (!input.smtpUrl || input.smtpUrl.trim() === '')
    return err(domainError('NOTIFY_SMTP_NOT_CONFIGURED', 'SMTP_URL is not set: there is nowhere to send'));
  const sender = smtpSender(input.smtpUrl);
  if (!sender.ok) return sender;
  try {
    const requeued = await requeueInAppForEmail(ctx.store.db, input.userId);
    const delivery = await deliverOutbox(ctx, {
      sender: sender.value,
      options: await renderOptions(ctx, appUrlOf(input.appUrl)),
      by: processTag(),
      from: input.from,
    });
    return ok({ requeued, delivery });
  } finally {
    sender.value.close();
  }
}
