import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshContext, listObligations, prepareFiling, seedFilingTestLedger, submitFiling } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../e2e/support/test-tsa.ts';

// Real parts: the `civic` binary in child processes, a SQLite file, and a real RFC 3161 authority
// (`openssl ts -reply` with a throwaway CA) behind an HTTP server on the loopback.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-verify-tsa-'));

function civic(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000, env: { ...process.env, TSA_URL: '', TSA_CA_FILE: '', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/** A loopback port nobody listens on (an unreachable authority). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const a = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof a === 'object' && a ? a.port : 1;
}

describe(
  'civic export bundle with TSA_URL, civic verify --json timestamp (SQLite)',
  { timeout: 600_000 },
  () => {
    let tsa: TestTsa;
    let server: Awaited<ReturnType<TestTsa['listen']>>;
    const state = { db: '', filing: '', close: async () => {} };
    beforeAll(async () => {
      tsa = makeTestTsa('Civic CLI Test TSA');
      server = await tsa.listen();
      const ctx = await freshContext('sqlite', () => new Date('2021-09-01T10:00:00.000Z'));
      await seedFilingTestLedger(ctx);
      const list = await listObligations(ctx, { asOf: '2021-04-01', from: '2021-03-01', to: '2021-04-30' });
      const n = list.ok ? list.value.obligations.find((o) => o.receiptIds.length > 0) : undefined;
      const f = await prepareFiling(ctx, { obligationId: n?.id });
      if (!f.ok) throw new Error(f.error.message);
      const s = await submitFiling(ctx, {
        filingId: f.value.id,
        submittedOn: '2021-04-02',
        channel: 'cabinet.salyk.kz',
        incomingNumber: 'KGD-17',
        attachments: [],
      });
      if (!s.ok) throw new Error(s.error.message);
      state.db = ctx.url;
      state.filing = f.value.id;
      state.close = () => ctx.close();
    });
    afterAll(async () => {
      await state.close();
      await server.close();
      tsa.remove();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an unreachable authority: the bundle is written (exit 0) and verify says it has no timestamp', async () => {
      const out = join(dir, 'none.bundle.json');
      const port = await closedPort();
      const e = await civic(['export', 'bundle', '--db', state.db, '--filing', state.filing, '--out', out], {
        TSA_URL: `http://127.0.0.1:${port}/tsa`,
      });
      expect(e.code, e.stderr).toBe(0);
      expect(e.stdout).toContain('no timestamp (the time-stamping authority could not be reached)');
      const v = await civic(['verify', out, '--json']);
      expect(v.code, v.stdout).toBe(0);
      expect(JSON.parse(v.stdout)).toMatchObject({
        ok: true,
        timestamp: null,
        timestampReason: 'the time-stamping authority could not be reached',
      });
    });

    it('with TSA_URL the head is timestamped: verify --json gives {"time","authority","trusted","reason"}', async () => {
      const out = join(dir, 'stamped.bundle.json');
      const asked = server.queries.length;
      const e = await civic(['export', 'bundle', '--db', state.db, '--filing', state.filing, '--out', out], {
        TSA_URL: server.url,
        TSA_TIMEOUT_MS: '120000',
      });
      expect(e.code, e.stderr).toBe(0);
      expect(server.queries.length).toBe(asked + 1);
      const v = await civic(['verify', out, '--json']);
      expect(v.code, v.stdout).toBe(0);
      const j = JSON.parse(v.stdout) as { timestamp: { time: string; authority: string } };
      // No CA file given: the authority is named, not checked against a trust anchor.
      expect(j.timestamp).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        authority: 'Civic CLI Test TSA',
        trusted: null,
        reason: expect.stringContaining('not checked against a trust anchor') as unknown,
      });
      expect(Math.abs(Date.parse(j.timestamp.time) - Date.now())).toBeLessThan(120_000);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('timestamp.token');
      const text = await civic(['verify', out]);
      expect(text.stdout).toContain('says the time-stamping authority Civic CLI Test TSA');
    });
  },
);
