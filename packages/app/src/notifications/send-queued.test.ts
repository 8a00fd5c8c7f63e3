import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshContext, testDialects } from '../test-support.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { users } from '../accounts/users.ts';
import { listNotifications } from './notification-bell.ts';
import { runNotifications } from './notify-run.ts';
import { sendQueuedNotifications } from './send-queued.ts';

// "Send what is queued": the demo's schedule run with no SMTP keeps its messages in the app; once
// SMTP is there, a user's own queued messages, then everyone's, go by e-mail, each once. Real parts:
// the demo on SQLite and PostgreSQL, a real SMTP server (smtp-server) on the loopback.
for (const dialect of testDialects()) {
  describe(`send what is queued on ${dialect}`, { timeout: 120_000 }, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    const rcpt: string[][] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          rcpt.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    let smtpUrl = '';

    beforeAll(async () => {
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
      ctx = await freshContext(dialect);
      await seedDemo(ctx);
      const run = await runNotifications(ctx, { asOf: '2021-02-08' });
      if (!run.ok) throw new Error(run.error.message);
      expect(run.value.messages.every((m) => m.channel === 'in-app')).toBe(true);
    }, 120_000);
    afterAll(async () => {
      await ctx.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    });

    it('without SMTP_URL refuses with NOTIFY_SMTP_NOT_CONFIGURED and leaves the messages in the app', async () => {
      const r = await sendQueuedNotifications(ctx, {});
      expect(r.ok ? null : r.error.code).toBe('NOTIFY_SMTP_NOT_CONFIGURED');
      const bad = await sendQueuedNotifications(ctx, { smtpUrl: 'http://x' });
      expect(bad.ok ? null : bad.error.code).toBe('NOTIFY_SMTP_URL_INVALID');
      expect(rcpt).toEqual([]);
    });

    it('sends one user’s queued messages, then everyone else’s, and never one twice', async () => {
      const all = await users(ctx);
      const accountant = all.find((u) => u.email === 'accountant@demo.civicledger.org');
      if (!accountant) throw new Error('no demo accountant');
      const mine = await sendQueuedNotifications(ctx, { smtpUrl, userId: accountant.id });
      if (!mine.ok) throw new Error(mine.error.message);
      expect(mine.value).toMatchObject({ requeued: 1, delivery: { sent: 1, failed: 0 } });
      expect(rcpt).toEqual([['accountant@demo.civicledger.org']]);
      const bell = await listNotifications(ctx, accountant.id);
      expect(bell.notifications.map((n) => [n.status, n.channel])).toEqual([['sent', 'email']]);

      const rest = await sendQueuedNotifications(ctx, { smtpUrl });
      if (!rest.ok) throw new Error(rest.error.message);
      expect(rest.value.requeued).toBeGreaterThan(0);
      expect(rest.value.delivery.sent).toBe(rest.value.requeued);
      expect(rcpt.flat().filter((a) => a === 'accountant@demo.civicledger.org')).toHaveLength(1);
      const sent = rcpt.length;

      const again = await sendQueuedNotifications(ctx, { smtpUrl });
      expect(again.ok && again.value).toMatchObject({ requeued: 0, delivery: { sent: 0 } });
      const rerun = await runNotifications(ctx, { asOf: '2021-02-08', smtpUrl, sendQueued: true });
      expect(rerun.ok && rerun.value.delivery?.sent).toBe(0);
      expect(rcpt).toHaveLength(sent);
    });
  });
}
