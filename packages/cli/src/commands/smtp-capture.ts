import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Test support: a real SMTP server on the loopback that keeps every message it receives, parsed. */
export interface SmtpCapture {
  readonly url: string;
  readonly received: ParsedMail[];
  /** The envelope recipients of each message, in the order received. */
  readonly envelopes: string[][];
  close(): Promise<void>;
}

export async function startSmtpCapture(user = 'civic', pass = 'secret'): Promise<SmtpCapture> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const server = new SMTPServer({
    // No certificate here: the client's STARTTLS is opportunistic and the test stays on the loopback.
    hideSTARTTLS: true,
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    received,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
