import { domainError, err, ok, type Result } from '@civic/core';
import nodemailer from 'nodemailer';

/** What sends one e-mail; the default is nodemailer over SMTP_URL. */
export interface MailSender {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    ics: string | null;
  }): Promise<void>;
  close(): void;
}

/**
 * An SMTP sender for `smtp://user:pass@host:587` (STARTTLS whenever the server offers it, required
 * with `?requireTLS=true`) or `smtps://…:465` (TLS from the start). Only the URL is checked here;
 * a server that is down shows up as a failed send, which the outbox retries.
 */
export function smtpSender(smtpUrl: string): Result<MailSender> {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return err(domainError('NOTIFY_SMTP_URL_INVALID', 'SMTP_URL is not a URL', { field: 'SMTP_URL' }));
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '')
    return err(
      domainError('NOTIFY_SMTP_URL_INVALID', 'SMTP_URL must be smtp://user:pass@host:port or smtps://…', {
        field: 'SMTP_URL',
      }),
    );
  const transport = nodemailer.createTransport(smtpUrl);
  return ok({
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.ics
          ? {
              icalEvent: { method: 'PUBLISH', filename: 'civicledger.ics', content: mail.ics },
            }
          : {}),
      });
    },
    close() {
      transport.close();
    },
  });
}
