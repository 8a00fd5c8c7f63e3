import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportBundle,
  freshContext,
  listObligations,
  prepareFiling,
  seedFilingTestLedger,
  submitFiling,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestTsa, type TestTsa } from '../../../../e2e/support/test-tsa.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: `civic verify` run in this process (its parser, options and exit code), a bundle
// exported from a SQLite database through the app and timestamped by a real RFC 3161 authority
// (`openssl ts -reply` behind HTTP on the loopback, certified by a throwaway CA), and a second
// throwaway CA that did not certify it.
const dir = mkdtempSync(join(tmpdir(), 'civic-verify-tsa-ca-'));
const civic = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { TSA_CA_FILE: undefined, CIVIC_LANG: undefined, ...env });

interface VerifyJson {
  ok: boolean;
  timestamp: { time: string; authority: string; trusted: boolean | null; reason: string } | null;
  fault?: { code: string; where: string; message: string };
  head: string | null;
}

describe(
  'civic verify --tsa-ca / TSA_CA_FILE: the timestamp authority against a trust anchor',
  { timeout: 300_000 },
  () => {
    let tsa: TestTsa;
    let other: TestTsa;
    const files = { bundle: '', ca: '', otherCa: '', both: '' };
    beforeAll(async () => {
      tsa = makeTestTsa('Civic Anchored TSA');
      other = makeTestTsa('Civic Stranger TSA');
      const server = await tsa.listen();
      const ctx = await freshContext('sqlite', () => new Date('2021-09-01T10:00:00.000Z'));
      try {
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
        const b = await exportBundle(ctx, {
          filingId: f.value.id,
          tsa: { url: server.url, timeoutMs: 120_000 },
        });
        if (!b.ok) throw new Error(b.error.message);
        files.bundle = join(dir, 'stamped.bundle.json');
        writeFileSync(files.bundle, b.value.text);
      } finally {
        await ctx.close();
        await server.close();
      }
      files.ca = join(tsa.dir, 'ca.crt');
      files.otherCa = join(other.dir, 'ca.crt');
    });
    afterAll(() => {
      tsa.remove();
      other.remove();
      rmSync(dir, { recursive: true, force: true });
    });

    it('without a CA: exit 0, and the output says the authority is not checked against a trust anchor', async () => {
      const j = await civic(['verify', files.bundle, '--json']);
      expect(j.code, j.stderr).toBe(0);
      const out = JSON.parse(j.stdout) as VerifyJson;
      expect(out.ok).toBe(true);
      expect(out.timestamp).toMatchObject({ authority: 'Civic Anchored TSA', trusted: null });
      expect(out.timestamp?.reason).toContain('not checked against a trust anchor');
      const text = await civic(['verify', files.bundle]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('the authority is not checked against a trust anchor');
    });

    it('--tsa-ca with the CA that certified the authority: exit 0, trusted', async () => {
      const j = await civic(['verify', files.bundle, '--json', '--tsa-ca', files.ca]);
      expect(j.code, j.stderr).toBe(0);
      const out = JSON.parse(j.stdout) as VerifyJson;
      expect(out).toMatchObject({ ok: true, timestamp: { authority: 'Civic Anchored TSA', trusted: true } });
      expect(Object.keys(out.timestamp ?? {}).sort()).toEqual(['authority', 'reason', 'time', 'trusted']);
      expect(out.timestamp?.reason).toContain('revocation is not checked');
    });

    it('--tsa-ca with another CA: exit 1, the timestamp reported untrusted with its reason', async () => {
      const j = await civic(['verify', files.bundle, '--json', '--tsa-ca', files.otherCa]);
      expect(j.code).toBe(1);
      const out = JSON.parse(j.stdout) as VerifyJson;
      expect(out).toMatchObject({
        ok: false,
        head: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        timestamp: {
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
          authority: 'Civic Anchored TSA',
          trusted: false,
          reason: "the authority's certificate does not chain to a trusted root of the CA file",
        },
        fault: { code: 'BUNDLE_TIMESTAMP_UNTRUSTED', where: 'timestamp' },
      });
      const text = await civic(['verify', files.bundle, '--tsa-ca', files.otherCa]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('BUNDLE_TIMESTAMP_UNTRUSTED');
    });

    it('TSA_CA_FILE does what --tsa-ca does; --tsa-ca wins over it', async () => {
      expect((await civic(['verify', files.bundle, '--json'], { TSA_CA_FILE: files.otherCa })).code).toBe(1);
      expect((await civic(['verify', files.bundle, '--json'], { TSA_CA_FILE: files.ca })).code).toBe(0);
      const r = await civic(['verify', files.bundle, '--json', '--tsa-ca', files.ca], {
        TSA_CA_FILE: files.otherCa,
      });
      expect(r.code).toBe(0);
    });

    it('a CA file that cannot be read or holds no certificate: exit 2, TSA_CA_INVALID', async () => {
      const empty = join(dir, 'empty.pem');
      writeFileSync(empty, 'no certificate here\n');
      for (const file of [empty, join(dir, 'missing.pem')]) {
        const r = await civic(['verify', files.bundle, '--tsa-ca', file]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('TSA_CA_INVALID');
      }
    });
  },
);
