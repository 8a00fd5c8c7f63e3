import { isLocale, type DueMessage } from '@civic/core';
import { renderNotificationEmail, type RenderNotificationOptions } from '@civic/formats';
import {
  claimPendingRows,
  markOutboxFailed,
  markOutboxSent,
  orgNotificationSettings,
  type OutboxRow,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import type { MailSender } from './mail-transport.ts';
import { postWebhook } from './webhook.ts';

/** How long a claim on a row lasts: a sender that crashed mid-send lets the row go again after it. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** The sender's address (MAIL_FROM overrides it in the drivers). */
export const DEFAULT_MAIL_FROM = 'CivicLedger <notifications@civicledger.invalid>';

export interface DeliveryReport {
  readonly sent: number;
  readonly failed: number;
  /** The last error, for the admin (never shown to other users). */
  readonly lastError: string | null;
}

/** Waits after the nth failure: 1, 2, 4 … minutes, at most an hour. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

const messageOf = (row: OutboxRow): DueMessage => JSON.parse(row.payload) as DueMessage;

/**
 * Sends the pending rows this process can claim: one e-mail per immediate message, one digest per
 * user for the digest ones, one signed POST per webhook row. A row is marked sent only after its
 * send returned; a failure leaves it pending with the error and a later retry time.
 */
export async function deliverOutbox(
  ctx: AppContext,
  o: {
    readonly sender: MailSender | null;
    readonly options: RenderNotificationOptions;
    readonly by: string;
    readonly from?: string | undefined;
  },
): Promise<DeliveryReport> {
  const now = ctx.now();
  const rows = await claimPendingRows(ctx.store.db, {
    by: o.by,
    now: now.toISOString(),
    until: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
  });
  const secrets = new Map(
    (await orgNotificationSettings(ctx.store.db)).map((r) => [r.organisation_id, r.webhook_secret]),
  );
  const batches: OutboxRow[][] = [];
  const digests = new Map<string, OutboxRow[]>();
  const release: OutboxRow[] = [];
  for (const r of rows) {
    if (r.channel === 'email' && !o.sender) release.push(r);
    else if (r.channel === 'email' && Number(r.digest) === 1) {
      const k = `${r.user_id ?? ''}|${r.recipient}`;
      digests.set(k, [...(digests.get(k) ?? []), r]);
    } else batches.push([r]);
  }
  batches.push(...digests.values());
  let sent = 0;
  let failed = 0;
  let lastError: string | null = null;
  for (const batch of batches) {
    const first = batch[0];
    if (!first) continue;
    const keys = batch.map((r) => r.key);
    try {
      if (first.channel === 'webhook') {
        const secret = first.organisation_id ? secrets.get(first.organisation_id) : null;
        if (!secret) throw new Error('the organisation has no webhook secret');
        await postWebhook(first.recipient, secret, webhookPayload(first, o.options.appUrl));
      } else if (o.sender) {
        const locale = isLocale(first.locale) ? first.locale : 'ru';
        const mail = renderNotificationEmail(batch.map(messageOf), locale, o.options);
        await o.sender.send({ from: o.from ?? DEFAULT_MAIL_FROM, to: first.recipient, ...mail });
      }
      await markOutboxSent(ctx.store.db, keys, o.by, ctx.now().toISOString());
      sent += batch.length;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
      failed += batch.length;
      const at = ctx.now();
      await markOutboxFailed(ctx.store.db, keys, o.by, {
        at: at.toISOString(),
        error: lastError,
        retryAt: new Date(at.getTime() + retryDelayMs(Number(first.attempts))).toISOString(),
      });
    }
  }
  // E-mail rows with no SMTP this time: let them go for a later run that has it.
  await markOutboxFailed(
    ctx.store.db,
    release.map((r) => r.key),
    o.by,
    { at: now.toISOString(), error: 'SMTP_URL is not set', retryAt: now.toISOString() },
  );
  return { sent, failed, lastError };
}

/** The JSON a webhook receives: what, when and where to look; no amounts, no internal ids beyond the item's. */
export function webhookPayload(row: OutboxRow, appUrl: string) {
  return {
    kind: row.kind,
    step: row.step,
    dueOn: row.due_on,
    subject: row.subject,
    text: row.body,
    language: row.locale,
    itemId: row.item_id,
    link: row.body.split('\n').at(-1) ?? appUrl,
  };
}
