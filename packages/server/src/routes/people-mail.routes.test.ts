import type { AddressInfo } from 'node:net';
import { testDialects } from '@civic/app';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// An invitation e-mailed when SMTP_URL is set (issue 13). Real parts: Fastify through inject(), a
// real SMTP server (smtp-server) on the loopback with nodemailer sending to it, mailparser reading
// what arrived, SQLite and PostgreSQL.
for (const dialect of testDialects()) {
  describe(`invitations by e-mail on ${dialect}`, () => {
    const received: { to: string[]; mail: ParsedMail }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
        );
      },
    });
    let w: TestWorld;
    let admin: TestClient;
    let org = '';
    beforeAll(async () => {
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      const port = (smtp.server.address() as AddressInfo).port;
      w = await testWorld(dialect, {
        mail: {
          smtpUrl: `smtp://127.0.0.1:${port}`,
          appUrl: 'https://ledger.example.kz/',
          from: 'CivicLedger <ledger@example.kz>',
        },
      });
      org = await w.org('Эхо');
      admin = await w.client(await w.user('admin@mail.test', { [org]: 'admin' }), 'admin@mail.test');
    });
    afterAll(async () => {
      await w.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    });

    it('mails the link under APP_URL to the invited address, in the inviter’s language', async () => {
      const res = await admin.request(
        'POST',
        `/api/v1/orgs/${org}/members`,
        { email: 'lawyer@mail.test', role: 'lawyer' },
        { 'accept-language': 'ru' },
      );
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { mailed: boolean; link: string };
      expect(body.mailed).toBe(true);
      expect(body.link).toMatch(/^https:\/\/ledger\.example\.kz\/invitation\/[A-Za-z0-9_-]{40,}$/);
      expect(received.map((r) => r.to)).toEqual([['lawyer@mail.test']]);
      const mail = received[0]?.mail;
      expect(mail?.subject).toBe('Приглашение в «Эхо» в CivicLedger');
      expect(mail?.text).toContain(body.link);
      expect(mail?.text).toContain('роль: юрист');
      expect(mail?.from?.text).toContain('ledger@example.kz');
    });
  });
}
