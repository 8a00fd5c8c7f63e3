import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Real parts: the `civic` binary in a child process, a real SQLite file seeded through the app's use cases.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-verify-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 200_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('civic org key and civic verify --key (SQLite)', { timeout: 600_000 }, () => {
  const state = { db: '', org: '', bundle: '', close: async () => {} };
  beforeAll(async () => {
    const ctx = await freshContext('sqlite', () => new Date('2021-09-01T10:00:00.000Z'));
    const world = await seedFilingTestLedger(ctx);
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
    const b = await exportBundle(ctx, { filingId: f.value.id });
    if (!b.ok) throw new Error(b.error.message);
    state.bundle = join(dir, 'f.bundle.json');
    writeFileSync(state.bundle, b.value.text);
    state.db = ctx.url;
    state.org = world.org.id;
    state.close = () => ctx.close();
  });
  afterAll(async () => state.close());

  it('prints the key, verifies against its fingerprint or public key, refuses another signer and format 1', async () => {
    const key = await civic(['org', 'key', '--db', state.db, '--org', state.org, '--json']);
    expect(key.code, key.stderr).toBe(0);
    const k = JSON.parse(key.stdout) as { fingerprint: string; publicKey: string };
    expect(Object.keys(k).sort()).toEqual(['fingerprint', 'publicKey']);
    expect(k.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(Buffer.from(k.publicKey, 'base64')).toHaveLength(32);

    const v = await civic(['verify', state.bundle, '--key', k.fingerprint, '--json']);
    expect(v.code, v.stdout).toBe(0);
    const out = JSON.parse(v.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: true,
      head: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      organisation: { id: state.org, name: 'Эхо', bin: '070940000014' },
      signedBy: { fingerprint: k.fingerprint },
    });
    expect((await civic(['verify', state.bundle, '--key', k.publicKey])).code).toBe(0);

    const plain = await civic(['verify', state.bundle]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(k.fingerprint);
    expect(plain.stdout).toMatch(/compare the fingerprint/);

    const other = `${k.fingerprint.slice(0, -1)}${k.fingerprint.endsWith('0') ? '1' : '0'}`;
    const wrong = await civic(['verify', state.bundle, '--key', other, '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, fault: { code: 'BUNDLE_SIGNER_MISMATCH' } });

    const old = join(dir, 'old.bundle.json');
    writeFileSync(
      old,
      readFileSync(state.bundle, 'utf8').replace('"civicledger-bundle/2"', '"civicledger-bundle/1"'),
    );
    const unsigned = await civic(['verify', old]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain('BUNDLE_UNSIGNED');
  });
});
