import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBackup,
  createOrganisation,
  freshContext,
  generateBackupKeyPair,
  restoreBackup,
  verifyBackup,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `civic backup verify` and `restore` stream a backup (issue 15): a backup of 32 MB of stored files
// is decrypted, hashed and written 64 KiB at a time, never held whole. Real parts: a SQLite
// database, age encryption, the `civic` binary in a child process, files on disk.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const FILES = 4;
const FILE_BYTES = 8 << 20;
const backup = join(dir, 'large.age');
const identity = join(dir, 'backup.key');
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const hashes: string[] = [];

// Loaded into the child before `civic`: the external memory (Buffers) it holds beyond what it held
// at the start. `raw` is the most ever read (every 5 ms and at exit: garbage not yet collected counts
// too, up to V8's own threshold); `live` the most read right after a full GC (every 250 ms, freed
// Buffers released at once). A backup held whole shows in both: live while the command runs, raw as
// two or three times its size at once.
const SAMPLER = `
const { writeFileSync } = require('node:fs');
const base = process.memoryUsage().arrayBuffers;
const now = () => process.memoryUsage().arrayBuffers - base;
let raw = 0, live = 0;
setInterval(() => { raw = Math.max(raw, now()); }, 5).unref();
setInterval(() => { raw = Math.max(raw, now()); gc(); live = Math.max(live, now()); }, 250).unref();
process.on('exit', () => {
  raw = Math.max(raw, now());
  writeFileSync(process.env.CIVIC_TEST_MEMORY, JSON.stringify({ raw, live }));
});
`;

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  raw: number;
  live: number;
}

/** Runs `civic ARGS` in a child process under the sampler. */
function measured(args: string[]): Promise<Measured> {
  const sampler = join(dir, 'sampler.cjs');
  const report = join(dir, 'memory.json');
  writeFileSync(sampler, SAMPLER);
  rmSync(report, { force: true });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--no-concurrent-array-buffer-sweeping', '--require', sampler, bin, ...args],
      { encoding: 'utf8', timeout: 280_000, env: { ...process.env, CIVIC_TEST_MEMORY: report } },
      (error, stdout, stderr) => {
        const m = JSON.parse(readFileSync(report, 'utf8')) as { raw: number; live: number };
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ...m });
      },
    );
  });
}

beforeAll(async () => {
  const ctx = await freshContext('sqlite');
  try {
    const org = await createOrganisation(ctx, { name: 'Эхо' });
    if (!org.ok) throw new Error(org.error.message);
    const stored = join(dir, 'stored');
    mkdirSync(stored);
    for (let i = 0; i < FILES; i++) {
      // Random bytes: sealed documents do not compress.
      const data = randomBytes(FILE_BYTES);
      hashes.push(sha(data));
      writeFileSync(join(stored, `scan-${i}.pdf`), data);
    }
    const keys = await generateBackupKeyPair();
    writeFileSync(identity, `${keys.identity}\n`, { mode: 0o600 });
    const made = await createBackup({
      databaseUrl: ctx.url,
      out: backup,
      sealing: { kind: 'recipients', recipients: [keys.publicKey] },
      filesDir: stored,
      now: new Date('2026-12-06T07:00:00Z'),
    });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.bytes).toBeGreaterThan(FILES * FILE_BYTES);
  } finally {
    await ctx.close();
  }
}, 120_000);

describe('a large backup streams', { timeout: 300_000 }, () => {
  it('civic backup verify checks 32 MB of stored files in bounded memory', async () => {
    const run = await measured(['backup', 'verify', backup, '--identity', identity, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as { ok: boolean; parts: { name: string; sha256: string }[] };
    expect(body.ok).toBe(true);
    expect(body.parts.filter((p) => p.name.startsWith('files/')).map((p) => p.sha256)).toEqual(hashes);
    expect(run.live).toBeLessThan(8 << 20);
    expect(run.raw).toBeLessThan(48 << 20);
  });

  it('civic backup restore writes the database and the 32 MB of files in bounded memory', async () => {
    const target = join(dir, 'restored.db');
    const files = join(dir, 'restored-files');
    const run = await measured([
      'backup',
      'restore',
      backup,
      '--identity',
      identity,
      '--db',
      target,
      '--files',
      files,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, files: FILES });
    expect(run.live).toBeLessThan(8 << 20);
    expect(run.raw).toBeLessThan(48 << 20);
    for (let i = 0; i < FILES; i++) expect(sha(readFileSync(join(files, `scan-${i}.pdf`)))).toBe(hashes[i]);
  });

  it('a flipped byte in the third file: verify names that file, restore refuses and leaves nothing', async () => {
    const bad = readFileSync(backup);
    // Past the manifest and the small database, the four 8 MB files follow one another: 5/8 of the
    // way is in the middle of the third.
    const at = Math.floor(bad.length * (5 / 8));
    bad[at] = (bad[at] ?? 0) ^ 0x04;
    const badFile = join(dir, 'flipped.age');
    writeFileSync(badFile, bad);
    const opening = { kind: 'identities', identities: [readFileSync(identity, 'utf8').trim()] } as const;
    const v = await verifyBackup(badFile, opening);
    expect(v.ok ? null : { code: v.error.code, part: v.error.part }).toEqual({
      code: 'BACKUP_CORRUPT',
      part: 'files/scan-2.pdf',
    });
    const target = join(dir, 'never.db');
    const files = join(dir, 'never-files');
    const r = await restoreBackup({ file: badFile, opening, target, filesDir: files });
    expect(r.ok ? null : r.error.part).toBe('files/scan-2.pdf');
    for (const left of [target, files, `${files}.restoring`]) expect(existsSync(left), left).toBe(false);
  });
});
