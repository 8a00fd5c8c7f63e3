import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeContext, findUserByEmailView, openContext, systemActor, updateProfile } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

// Real parts: the `civic` binary in child processes, the demo database in a SQLite file, the real
// kz pack, and a real SMTP server on the loopback (smtp-server) whose messages are parsed (mailparser).
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-notify-'));
const db = join(dir, 'demo.db');
let smtp: SmtpCapture;

function civic(args: string[], env: Record<string, string> = {}) {
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

const ACCOUNTANT = 'accountant@demo.civicledger.org';
// Echo's 2020 Q4 report (F.018.00) is due Mon 15 Feb 2021; five working days before is Mon 8 Feb.
const AS_OF = '2021-02-08';

beforeAll(async () => {
  const init = await civic(['init', '--demo', '--db', db, '--json']);
  expect(init.code).toBe(0);
  const ctx = await openContext(db);
  const accountant = await findUserByEmailView(ctx, ACCOUNTANT);
  if (!accountant) throw new Error('no demo accountant');
  const r = await updateProfile(ctx, systemActor('test'), accountant.id, { locale: 'ru' });
  expect(r.ok).toBe(true);
  await closeContext(ctx);
  smtp = await startSmtpCapture();
}, 240_000);
afterAll(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('civic notify', { timeout: 240_000 }, () => {
  it('--dry-run --json prints exactly the messages that would go, with the demo accountant’s reminder', async () => {
    const r = await civic(['notify', 'run', '--db', db, '--as-of', AS_OF, '--dry-run', '--json'], {
      SMTP_URL: smtp.url,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { messages: Record<string, string>[] };
    expect(Object.keys(out)).toEqual(['messages']);
    for (const m of out.messages)
      expect(Object.keys(m)).toEqual(['to', 'kind', 'subject', 'dueOn', 'itemId', 'channel']);
    const reminder = out.messages.filter((m) => m.to === ACCOUNTANT);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ kind: 'obligation', dueOn: '2021-02-15', channel: 'email' });
    expect(reminder[0]?.itemId).toMatch(/:receipt-expenditure-report:2020-Q4$/);
    expect(reminder[0]?.subject).toBe(
      'Отчёт о поступлении и расходовании иностранных средств (F.018.00) — 15 февраля 2021 г.',
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('sends each message once by SMTP: recipient, language, subject, due day, iCalendar part; a second run sends nothing', async () => {
    const first = await civic(['notify', 'run', '--db', db, '--as-of', AS_OF, '--json'], {
      SMTP_URL: smtp.url,
    });
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { recorded: number; sent: number; failed: number };
    expect(report.failed).toBe(0);
    expect(report.sent).toBe(report.recorded);
    expect(smtp.received.length).toBe(report.sent);
    const i = smtp.envelopes.findIndex((e) => e.includes(ACCOUNTANT));
    const mail = smtp.received[i];
    if (!mail) throw new Error('no mail for the accountant');
    expect(smtp.envelopes[i]).toEqual([ACCOUNTANT]);
    expect(mail.subject).toBe(
      'Отчёт о поступлении и расходовании иностранных средств (F.018.00) — 15 февраля 2021 г.',
    );
    expect(mail.text).toContain('Через 5 рабочих дней, 15 февраля 2021 г., истекает срок.');
    expect(mail.text).toContain('Организация: Echo');
    expect(mail.html).toContain('lang="ru"');
    expect(mail.text).toMatch(/http:\/\/localhost:8080\/orgs\/org_\w+\/filings/);
    const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
    const calendar = ics ? ics.content.toString('utf8') : '';
    expect(calendar).toContain('DTSTART;VALUE=DATE:20210215');
    expect(calendar).toContain('F.018.00');

    const again = await civic(['notify', 'run', '--db', db, '--as-of', AS_OF, '--json'], {
      SMTP_URL: smtp.url,
    });
    expect(JSON.parse(again.stdout)).toMatchObject({ messages: [], recorded: 0, sent: 0 });
    expect(smtp.received.length).toBe(report.sent);

    const outbox = await civic(['notify', 'outbox', '--db', db, '--json']);
    const listed = JSON.parse(outbox.stdout) as { messages: { to: string; status: string }[] };
    expect(listed.messages.filter((m) => m.to === ACCOUNTANT).map((m) => m.status)).toEqual(['sent']);
  });

  it('the next working days bring the 1-day reminder, the due-day one, then the missed one with what to do now', async () => {
    const steps: [string, string][] = [
      ['2021-02-12', 'Через 1 рабочий день'],
      ['2021-02-15', 'Сегодня, 15 февраля 2021 г., — последний день.'],
      ['2021-02-16', 'подайте документ как можно скорее'],
    ];
    for (const [day, text] of steps) {
      const before = smtp.received.length;
      const r = await civic(['notify', 'run', '--db', db, '--as-of', day, '--json'], { SMTP_URL: smtp.url });
      expect(r.code).toBe(0);
      const mine = smtp.received
        .slice(before)
        .filter((_, k) => smtp.envelopes[before + k]?.includes(ACCOUNTANT));
      expect(mine.map((m) => m.text?.includes(text))).toEqual([true]);
    }
    const missed = smtp.received.at(-1)?.text ?? '';
    expect(smtp.received.some((m) => (m.text ?? '').includes('штраф 100 МРП'))).toBe(true);
    expect(missed).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('bad --as-of names the field and exits 2', async () => {
    const r = await civic(['notify', 'run', '--db', db, '--as-of', '2021-02-30', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('DATE_INVALID');
  });
});
