import type { AddressInfo } from 'node:net';
import { findUserByEmailView, organisations, runNotifications, seedDemo, testDialects } from '@civic/app';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { clientFor, testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// The bell's and the admin's notification routes through inject(): the demo (seeded), its schedule
// run as on 8 Feb 2021 with no SMTP (messages kept in the app), then a real SMTP server on the
// loopback for "send what is queued". Coverage: happy path, bad input, no session, wrong role,
// other tenant. Real parts: Fastify, SQLite file / PostgreSQL, smtp-server.
const ACCOUNTANT = 'accountant@demo.civicledger.org';

interface Smtp {
  url: string;
  rcpt: string[][];
  close(): Promise<void>;
}
async function startSmtp(): Promise<Smtp> {
  const rcpt: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        rcpt.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, rcpt, close: () => new Promise((r) => server.close(() => r())) };
}

for (const dialect of testDialects()) {
  describe(`notification routes on ${dialect}`, { timeout: 120_000 }, () => {
    let w: TestWorld;
    let smtp: Smtp;
    let echo = '';
    let otherOrg = '';
    const c: Record<'admin' | 'accountant' | 'outsiderAdmin', TestClient> = {} as never;

    beforeAll(async () => {
      smtp = await startSmtp();
      w = await testWorld(dialect, { mail: { smtpUrl: smtp.url } });
      await seedDemo(w.ctx);
      const orgs = await organisations(w.ctx);
      echo = orgs.find((o) => o.name === 'Echo')?.id ?? '';
      otherOrg = await w.org('Other Org');
      for (const [k, email] of [
        ['admin', 'admin@demo.civicledger.org'],
        ['accountant', ACCOUNTANT],
      ] as const) {
        const u = await findUserByEmailView(w.ctx, email);
        if (!u) throw new Error(email);
        c[k] = await w.client(u.id, email);
      }
      c.outsiderAdmin = await w.client(await w.user('root@other.test', { [otherOrg]: 'admin' }), 'o');
      const run = await runNotifications(w.ctx, { asOf: '2021-02-08' });
      if (!run.ok) throw new Error(run.error.message);
    }, 120_000);
    afterAll(async () => {
      await w.close();
      await smtp.close();
    });

    it('GET /me/notifications lists the kept reminder and says whether e-mail is available', async () => {
      const res = await c.accountant.request('GET', '/api/v1/me/notifications');
      expect(res.statusCode).toBe(200);
      const body = res.json() as { notifications: { status: string }[]; emailAvailable: boolean };
      expect(body.emailAvailable).toBe(true);
      expect(body.notifications.map((n) => n.status)).toEqual(['queued']);
      expect((await w.anonymous.request('GET', '/api/v1/me/notifications')).statusCode).toBe(401);
      expect((await c.accountant.request('GET', '/api/v1/me/notifications?limit=0')).statusCode).toBe(400);
    });

    it('POST /me/notifications/send-queued e-mails only the caller’s queued messages, once', async () => {
      const res = await c.accountant.request('POST', '/api/v1/me/notifications/send-queued', {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ requeued: 1, sent: 1, failed: 0 });
      expect(smtp.rcpt).toEqual([[ACCOUNTANT]]);
      const again = await c.accountant.request('POST', '/api/v1/me/notifications/send-queued', {});
      expect(again.json()).toMatchObject({ requeued: 0, sent: 0 });
      expect(smtp.rcpt).toHaveLength(1);
      const bell = (await c.accountant.request('GET', '/api/v1/me/notifications')).json() as {
        notifications: { status: string; channel: string }[];
      };
      expect(bell.notifications).toEqual([expect.objectContaining({ status: 'sent', channel: 'email' })]);
      // The admin's own reminder is still kept in the app: the accountant's button did not send it.
      const admin = (await c.admin.request('GET', '/api/v1/me/notifications')).json() as {
        notifications: { status: string }[];
      };
      expect(admin.notifications.every((n) => n.status === 'queued')).toBe(true);
      expect((await w.anonymous.request('POST', '/api/v1/me/notifications/send-queued', {})).statusCode).toBe(
        401,
      );
      expect(
        (await c.accountant.request('POST', '/api/v1/me/notifications/send-queued', { x: 1 })).statusCode,
      ).toBe(400);
    });

    it('without SMTP the button answers 409 NOTIFY_SMTP_NOT_CONFIGURED and nothing moves', async () => {
      const bare = await buildServer(w.ctx);
      try {
        const a = c.admin;
        const client = clientFor(bare, a.userId, a.email, a.cookies, a.csrf);
        const res = await client.request('POST', '/api/v1/me/notifications/send-queued', {});
        expect(res.statusCode).toBe(409);
        expect((res.json() as { error: { code: string } }).error.code).toBe('NOTIFY_SMTP_NOT_CONFIGURED');
        const bell = (await client.request('GET', '/api/v1/me/notifications')).json() as {
          emailAvailable: boolean;
          notifications: { status: string }[];
        };
        expect(bell.emailAvailable).toBe(false);
        expect(bell.notifications.every((n) => n.status === 'queued')).toBe(true);
      } finally {
        await bare.close();
      }
    });

    it('GET/PUT /orgs/:orgId/notifications: the admin sees and edits the settings and who receives what', async () => {
      const url = `/api/v1/orgs/${echo}/notifications`;
      const got = await c.admin.request('GET', url);
      expect(got.statusCode).toBe(200);
      const view = got.json() as {
        settings: { offsets: number[]; minimalContent: boolean };
        recipients: { email: string; role: string; kinds: string[] }[];
      };
      expect(view.settings).toMatchObject({ offsets: [5, 1], minimalContent: false });
      expect(got.json()).toMatchObject({ emailAvailable: true });
      expect(view.recipients.find((r) => r.email === ACCOUNTANT)).toMatchObject({ role: 'accountant' });
      const put = await c.admin.request('PUT', url, { offsets: [10, 3, 1], minimalContent: true });
      expect(put.json()).toMatchObject({ offsets: [10, 3, 1], minimalContent: true });
      expect((await c.admin.request('PUT', url, { offsets: [0] })).statusCode).toBe(400);
      expect((await c.admin.request('PUT', url, {})).statusCode).toBe(400);
      expect((await w.anonymous.request('GET', url)).statusCode).toBe(401);
      expect((await c.accountant.request('GET', url)).statusCode).toBe(403);
      expect((await c.accountant.request('PUT', url, { offsets: [5] })).statusCode).toBe(403);
      expect((await c.outsiderAdmin.request('GET', url)).statusCode).toBe(404);
      await c.admin.request('PUT', url, { offsets: [5, 1], minimalContent: false });
    });

    it('PUT /orgs/:orgId/notifications/webhook sets the URL, shows the secret once, and null removes it', async () => {
      const url = `/api/v1/orgs/${echo}/notifications/webhook`;
      const set = await c.admin.request('PUT', url, { url: 'https://chat.example/hook' });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ url: 'https://chat.example/hook', secret: expect.any(String) });
      const view = (await c.admin.request('GET', `/api/v1/orgs/${echo}/notifications`)).json() as {
        settings: { webhookUrl: string | null };
      };
      expect(view.settings.webhookUrl).toBe('https://chat.example/hook');
      expect(JSON.stringify(view)).not.toContain((set.json() as { secret: string }).secret);
      const bad = await c.admin.request('PUT', url, { url: 'ftp://x' });
      expect(bad.statusCode).toBe(400);
      expect((await w.anonymous.request('PUT', url, { url: null })).statusCode).toBe(401);
      expect((await c.accountant.request('PUT', url, { url: null })).statusCode).toBe(403);
      expect((await c.outsiderAdmin.request('PUT', url, { url: null })).statusCode).toBe(404);
      expect((await c.admin.request('PUT', url, { url: null })).json()).toEqual({ url: null, secret: null });
    });
  });
}
