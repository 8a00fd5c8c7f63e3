import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  deliveryWarning,
  freshContext,
  listNotifications,
  organisations,
  runNotifications,
  seedDemo,
  setOrganisationWebhook,
  updateOrganisationSettings,
  users,
  webhookSignature,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

// In-process runs of the app's notification use cases on the demo (SQLite file), with a real SMTP
// server and a real HTTP server on the loopback for the webhook; the clock is moved, never waited for.
// The demo is seeded on today's clock (its filings are in the past), then the clock is set to 2021.
let clock: Date | null = null;
let ctx: Awaited<ReturnType<typeof freshContext>>;
let smtp: SmtpCapture;
let echo = '';
let accountant = '';
const hooks: { body: string; signature: string }[] = [];
const hookServer = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    hooks.push({ body, signature: String(req.headers['x-civicledger-signature'] ?? '') });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  ctx = await freshContext('sqlite', () => clock ?? new Date());
  await seedDemo(ctx);
  clock = new Date('2021-02-08T06:00:00Z');
  echo = (await organisations(ctx)).find((o) => o.name === 'Echo')?.id ?? '';
  accountant = (await users(ctx)).find((u) => u.email === 'accountant@demo.civicledger.org')?.id ?? '';
  smtp = await startSmtpCapture();
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
}, 120_000);
afterAll(async () => {
  await smtp.close();
  await new Promise<void>((r) => hookServer.close(() => r()));
  await ctx.close();
});

describe('notification delivery', { timeout: 120_000 }, () => {
  it('without SMTP keeps messages in the app (the bell), and e-mails them later when asked', async () => {
    const first = await runNotifications(ctx, { asOf: '2021-02-08' });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.messages.every((m) => m.channel === 'in-app')).toBe(true);
    const bell = await listNotifications(ctx, accountant);
    expect(bell.unread).toBe(1);
    expect(bell.notifications[0]).toMatchObject({ status: 'queued', channel: 'in-app', dueOn: '2021-02-15' });
    expect(smtp.received).toHaveLength(0);

    const later = await runNotifications(ctx, { asOf: '2021-02-08', smtpUrl: smtp.url, sendQueued: true });
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.recorded).toBe(0);
    expect(later.value.delivery?.sent).toBe(first.value.recorded);
    expect(smtp.envelopes.flat()).toContain('accountant@demo.civicledger.org');
  });

  it('POSTs to the organisation webhook, signed with the secret shown once', async () => {
    const { port } = hookServer.address() as AddressInfo;
    const set = await setOrganisationWebhook(ctx, echo, `http://127.0.0.1:${port}/hook`);
    if (!set.ok || !set.value.secret) throw new Error('no webhook');
    const r = await runNotifications(ctx, { asOf: '2021-02-12', smtpUrl: smtp.url });
    if (!r.ok) throw new Error(r.error.message);
    expect(hooks.length).toBeGreaterThan(0);
    for (const h of hooks) expect(h.signature).toBe(webhookSignature(set.value.secret, h.body));
    const payload = JSON.parse(hooks[0]?.body ?? '{}') as Record<string, string>;
    expect(payload).toMatchObject({ kind: 'obligation', step: 'before-1', dueOn: '2021-02-15' });
    expect(Object.keys(payload).sort()).toEqual([
      'dueOn',
      'itemId',
      'kind',
      'language',
      'link',
      'step',
      'subject',
      'text',
    ]);
    const again = await runNotifications(ctx, { asOf: '2021-02-12', smtpUrl: smtp.url, dryRun: true });
    expect(again.ok && again.value.messages).toEqual([]);
  });

  it('under minimal content says only how many deadlines, without names or forms', async () => {
    const s = await updateOrganisationSettings(ctx, echo, { minimalContent: true });
    expect(s.ok).toBe(true);
    const before = smtp.received.length;
    const r = await runNotifications(ctx, { asOf: '2021-02-15', smtpUrl: smtp.url });
    if (!r.ok) throw new Error(r.error.message);
    const i = smtp.envelopes.findIndex(
      (e, k) => k >= before && e.includes('accountant@demo.civicledger.org'),
    );
    const mail = smtp.received[i];
    expect(mail?.subject).toBe('CivicLedger: 1 deadline this week');
    expect(mail?.text).not.toContain('F.018.00');
    expect(mail?.text).not.toContain('Echo');
    expect(mail?.attachments).toEqual([]);
  });

  it('tells the monitor of a new wave (p < 0.05) within the week after it, unless waves are off', async () => {
    const r = await runNotifications(ctx, { asOf: '2020-11-20', dryRun: true });
    if (!r.ok) throw new Error(r.error.message);
    const waves = r.value.messages.filter((m) => m.kind === 'wave');
    expect(waves.map((m) => [m.to, m.dueOn])).toEqual([['monitor@demo.civicledger.org', '2020-11-20']]);
    expect(waves[0]?.subject).toMatch(/^New wave of actions: Aktobe, Almaty/);
    const without = await runNotifications(ctx, { asOf: '2020-11-20', dryRun: true, waves: false });
    expect(without.ok && without.value.messages.some((m) => m.kind === 'wave')).toBe(false);
  });

  it('a failing SMTP server blocks nothing: messages wait with the error, and after 24 hours the admin is warned', async () => {
    const closed = await startSmtpCapture();
    const deadUrl = closed.url;
    await closed.close();
    const r = await runNotifications(ctx, { asOf: '2021-02-16', smtpUrl: deadUrl });
    if (!r.ok) throw new Error(r.error.message);
    // Echo's webhook still answers; every e-mail fails.
    const emails = r.value.messages.filter((m) => m.channel === 'email').length;
    expect(emails).toBeGreaterThan(0);
    expect(r.value.delivery?.failed).toBe(emails);
    expect(r.value.delivery?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliveryWarning(ctx, 'ru')).toBeNull();
    clock = new Date((clock ?? new Date()).getTime() + 25 * 3_600_000);
    const warning = await deliveryWarning(ctx, 'ru');
    expect(warning?.message).toContain('более 24 часов');
    expect(warning?.waiting).toBe(emails);
    // The server comes back: the waiting messages go, once.
    const back = await runNotifications(ctx, { asOf: '2021-02-16', smtpUrl: smtp.url });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.delivery?.sent).toBe(emails);
    expect(await deliveryWarning(ctx, 'ru')).toBeNull();
  });
});
