import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, seedFilingTestLedger, testDialects } from '@civic/app';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process, a real database seeded through the app's use cases, the real kz pack.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-filing-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}
const json = <T = Record<string, unknown>>(text: string): T => JSON.parse(text) as T;

interface ObligationJson {
  id: string;
  organisation: string;
  obligationId: string;
  form: string;
  period: { from: string; to: string };
  dueOn: string;
  status: string;
  citation: string;
  verified: boolean;
  receiptIds: string[];
  filingId: string | null;
}

function seeded(dialect: 'sqlite' | 'postgres') {
  const state = { db: '', close: async () => {} };
  beforeAll(async () => {
    const ctx = await freshContext(dialect, () => new Date('2021-09-01T10:00:00.000Z'));
    await seedFilingTestLedger(ctx);
    state.db = ctx.url;
    state.close = () => ctx.close();
  });
  afterAll(async () => state.close());
  return state;
}

// The listing on every dialect; the whole flow (a dozen processes) once, on SQLite: the use cases
// under it are tested on both dialects in packages/app/src/filings.
for (const dialect of testDialects()) {
  // One process at a time: each starts the TypeScript sources through tsx, and the machine is shared.
  describe(`civic obligations on ${dialect}`, { timeout: 600_000 }, () => {
    const state = seeded(dialect);

    it('lists obligations as JSON with the contract fields, and as iCalendar', async () => {
      const db = state.db;
      const r = await civic([
        'obligations',
        '--db',
        db,
        '--from',
        '2020-10-01',
        '--to',
        '2021-06-30',
        '--as-of',
        '2021-04-01',
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = json<{ asOf: string; obligations: ObligationJson[] }>(r.stdout);
      expect(out.asOf).toBe('2021-04-01');
      const nauryz = out.obligations.find((o) => o.period.from === '2021-03-17');
      expect(nauryz).toMatchObject({
        obligationId: 'receipt-notification',
        form: 'F.017.00',
        period: { from: '2021-03-17', to: '2021-03-17' },
        dueOn: '2021-04-05',
        status: 'due',
        verified: true,
        filingId: null,
      });
      for (const key of ['id', 'organisation', 'citation', 'receiptIds']) expect(nauryz).toHaveProperty(key);
      const ics = await civic([
        'obligations',
        '--db',
        db,
        '--from',
        '2020-10-01',
        '--to',
        '2021-06-30',
        '--as-of',
        '2021-04-01',
        '--ics',
      ]);
      expect(ics.code, ics.stderr).toBe(0);
      const events = new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(out.obligations.length);
    });
  });
}

describe('civic filing, export bundle, verify (SQLite)', { timeout: 600_000 }, () => {
  const dialect = 'sqlite';
  const state = seeded(dialect);
  it('prepares, lints (exit 0 / 1), renders, submits, corrects, exports a bundle that verifies', async () => {
    const db = state.db;
    const list = json<{ obligations: ObligationJson[] }>(
      (await civic(['obligations', '--db', db, '--as-of', '2021-04-01', '--json'])).stdout,
    ).obligations;
    const notice = list.find((o) => o.period.from === '2021-03-17');
    const report = list.find((o) => o.form === 'F.018.00' && o.period.from === '2020-10-01');
    if (!notice || !report) throw new Error('obligations missing');

    const prepared = await civic(['filing', 'prepare', '--db', db, '--obligation', notice.id, '--json']);
    expect(prepared.code, prepared.stderr).toBe(0);
    const filing = json<{ id: string; state: string; form: string }>(prepared.stdout);
    expect(filing).toMatchObject({ state: 'draft', form: 'F.017.00' });
    const clean = await civic([
      'filing',
      'lint',
      '--db',
      db,
      '--filing',
      filing.id,
      '--as-of',
      '2021-04-01',
      '--json',
    ]);
    expect(clean.code, clean.stdout).toBe(0);
    expect(json(clean.stdout)).toMatchObject({ errors: 0 });

    const bad = json<{ id: string }>(
      (await civic(['filing', 'prepare', '--db', db, '--obligation', report.id, '--json'])).stdout,
    );
    const lint = await civic([
      'filing',
      'lint',
      '--db',
      db,
      '--filing',
      bad.id,
      '--as-of',
      '2021-04-01',
      '--json',
    ]);
    expect(lint.code).toBe(1);
    const problems = json<{
      problems: { code: string; severity: string; message: string; records: unknown[] }[];
    }>(lint.stdout).problems;
    expect(problems.map((p) => p.code)).toContain('LINT_NOTIFICATION_MISSING');
    expect(
      problems.every(
        (p) => ['error', 'warning'].includes(p.severity) && p.message && Array.isArray(p.records),
      ),
    ).toBe(true);

    const pdf = join(dir, `${dialect}.pdf`);
    const rendered = await civic([
      'filing',
      'render',
      '--db',
      db,
      '--filing',
      filing.id,
      '--format',
      'pdf',
      '--out',
      pdf,
    ]);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const submitted = await civic([
      'filing',
      'submit',
      '--db',
      db,
      '--filing',
      filing.id,
      '--on',
      '2021-04-02',
      '--channel',
      'cabinet.salyk.kz',
      '--number',
      'KGD-17',
      '--attach',
      pdf,
      '--json',
    ]);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(json(submitted.stdout)).toMatchObject({
      id: filing.id,
      state: 'submitted',
      submittedOn: '2021-04-02',
      submission: { channel: 'cabinet.salyk.kz', incomingNumber: 'KGD-17' },
    });
    const again = await civic([
      'filing',
      'submit',
      '--db',
      db,
      '--filing',
      filing.id,
      '--on',
      '2021-04-03',
      '--channel',
      'paper',
      '--number',
      'x',
      '--json',
    ]);
    expect(again.code).toBe(2);
    expect(json<{ error: { code: string } }>(again.stdout).error.code).toBe('FILING_ALREADY_SUBMITTED');

    const corr = json<{ id: string; corrects: string }>(
      (
        await civic([
          'filing',
          'prepare',
          '--db',
          db,
          '--obligation',
          notice.id,
          '--corrects',
          filing.id,
          '--json',
        ])
      ).stdout,
    );
    expect(corr.corrects).toBe(filing.id);
    const filings = json<{
      filings: {
        id: string;
        form: string;
        period: unknown;
        state: string;
        submittedOn: string | null;
        corrects: string | null;
      }[];
    }>((await civic(['filings', '--db', db, '--json'])).stdout).filings;
    expect(filings.map((f) => [f.id, f.state, f.submittedOn, f.corrects])).toEqual([
      [filing.id, 'submitted', '2021-04-02', null],
      [bad.id, 'draft', null, null],
      [corr.id, 'draft', null, filing.id],
    ]);

    const after = json<{ obligations: ObligationJson[] }>(
      (await civic(['obligations', '--db', db, '--as-of', '2021-04-10', '--json'])).stdout,
    ).obligations;
    expect(after.find((o) => o.id === notice.id)).toMatchObject({
      status: 'filed-on-time',
      filingId: filing.id,
    });

    const bundle = join(dir, `${dialect}.bundle.json`);
    const exported = await civic(['export', 'bundle', '--db', db, '--filing', filing.id, '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    const ok = await civic(['verify', bundle]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('OK');
    expect(ok.stdout).toContain('KGD-17');
    const bytes = readFileSync(bundle);
    const at = bytes.indexOf('KGD-17', bytes.lastIndexOf('"log"'));
    bytes[at + 5] = '8'.charCodeAt(0);
    const tampered = join(dir, `${dialect}.tampered.json`);
    writeFileSync(tampered, bytes);
    const failed = await civic(['verify', tampered]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/log entry \d+ \(filing\.submitted/);
    expect((await civic(['verify', join(dir, 'missing.json')])).code).toBe(2);
    const chain = await civic(['log', 'verify', '--db', db, '--json']);
    expect(chain.code, chain.stdout).toBe(0);
    expect(json(chain.stdout)).toMatchObject({ ok: true });
  });
});
