import { execFile } from 'node:child_process';
import { freshContext, seedDemo, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

// Two `civic notify run` processes at once on one database (a SQLite file, a real PostgreSQL
// database) and one real SMTP server: every message is recorded once and e-mailed once.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => smtp.close());

function civic(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe.each(testDialects())('civic notify run twice at once (%s)', (dialect) => {
  it('never sends the same message twice', { timeout: 300_000 }, async () => {
    const ctx = await freshContext(dialect);
    try {
      await seedDemo(ctx);
      const before = smtp.received.length;
      const args = ['notify', 'run', '--db', ctx.url, '--as-of', '2021-02-08', '--json'];
      const [a, b] = await Promise.all([
        civic(args, { SMTP_URL: smtp.url }),
        civic(args, { SMTP_URL: smtp.url }),
      ]);
      expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
      const ra = JSON.parse(a.stdout) as { recorded: number; sent: number };
      const rb = JSON.parse(b.stdout) as { recorded: number; sent: number };
      const mails = smtp.received.slice(before);
      const envelopes = smtp.envelopes.slice(before);
      expect(ra.recorded + rb.recorded).toBeGreaterThan(0);
      expect(ra.sent + rb.sent).toBe(ra.recorded + rb.recorded);
      expect(mails.length).toBe(ra.recorded + rb.recorded);
      const seen = mails.map(
        (m, i) => `${(envelopes[i] ?? []).join(',')}|${m.subject ?? ''}|${m.text ?? ''}`,
      );
      expect(new Set(seen).size).toBe(seen.length);
      expect(envelopes.flat()).toContain('accountant@demo.civicledger.org');
    } finally {
      await ctx.close();
    }
  });
});
