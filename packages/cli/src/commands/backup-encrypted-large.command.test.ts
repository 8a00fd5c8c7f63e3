import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate } from '@civic/core';
import {
  attachCaseDocument,
  closeContext,
  createCase,
  createOrganisation,
  generateBackupKeyPair,
  getCase,
  openContext,
  recordCaseAction,
  restoreBackup,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `civic backup create` on SQLite streams (issue 15): the snapshot is a copy on disk (`VACUUM INTO`,
// rekeyed under a throwaway key when the store is encrypted), never the database image in memory.
// A 40 MB encrypted store is backed up by the `civic` binary in a child process whose V8 heap is
// capped below that size (32 MB for 40 MB) and whose external memory (Buffers) is sampled; the backup then restores
// to the same case and documents. Real parts: an encrypted SQLite file, age, a child process.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-enc-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const db = join(dir, 'books.db');
const KEY = 'a long passphrase for the books';
const DOCS = 5;
const DOC_BYTES = 8 << 20;
let caseId = '';
const hashes: string[] = [];
let publicKey = '';
let identity = '';

// Loaded into the child before `civic`: the most external memory (Buffers) held beyond the start,
// right after a full GC (`live`) and at any moment (`raw`). See backup-large.command.test.ts.
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

beforeAll(async () => {
  const ctx = await openContext(db, { env: { CIVIC_DB_KEY: KEY }, encrypt: true });
  try {
    const org = await createOrganisation(ctx, { name: 'Эхо' });
    if (!org.ok) throw new Error(org.error.message);
    const c = await createCase(ctx, { title: 'Проверка', pack: 'kz', actions: [], links: [] });
    if (!c.ok) throw new Error(c.error.message);
    caseId = c.value.id;
    const a = await recordCaseAction(ctx, caseId, {
      kind: 'notice',
      servedOn: calendarDate('2020-11-10'),
      place: 'Алматы',
    });
    if (!a.ok) throw new Error(a.error.message);
    for (let i = 0; i < DOCS; i++) {
      // Random bytes: they do not compress, so the database holds all of them.
      const doc = await attachCaseDocument(ctx, caseId, a.value.id, {
        name: `scan-${i}.pdf`,
        content: randomBytes(DOC_BYTES),
      });
      if (!doc.ok) throw new Error(doc.error.message);
      hashes.push(doc.value.sha256);
    }
  } finally {
    await closeContext(ctx);
  }
  expect(statSync(db).size).toBeGreaterThan(DOCS * DOC_BYTES);
  const keys = await generateBackupKeyPair();
  publicKey = keys.publicKey;
  identity = join(dir, 'backup.key');
  writeFileSync(identity, `${keys.identity}\n`, { mode: 0o600 });
}, 120_000);

function backupInChild(
  out: string,
): Promise<{ code: number | null; stdout: string; stderr: string; raw: number; live: number }> {
  const sampler = join(dir, 'sampler.cjs');
  const report = join(dir, 'memory.json');
  writeFileSync(sampler, SAMPLER);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--max-old-space-size=32',
        '--expose-gc',
        '--no-concurrent-array-buffer-sweeping',
        '--require',
        sampler,
        bin,
        ...['backup', 'create', '--db', db, '--out', out, '--recipient', publicKey, '--json'],
      ],
      {
        encoding: 'utf8',
        timeout: 280_000,
        env: { ...process.env, CIVIC_DB_KEY: KEY, CIVIC_TEST_MEMORY: report, CIVIC_SHOW_ENTRY: '1' },
      },
      (error, stdout, stderr) => {
        const m = JSON.parse(readFileSync(report, 'utf8')) as { raw: number; live: number };
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ...m });
      },
    );
  });
}

describe('a backup of an encrypted SQLite store larger than the heap', { timeout: 300_000 }, () => {
  it('is written by civic backup create in bounded memory, leaves no copy behind, and restores equal', async () => {
    const out = join(dir, 'books.age');
    const run = await backupInChild(out);
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as {
      parts: { name: string; bytes: number; sha256: string }[];
      logHeads: { entryHash: string }[];
    };
    expect(body.parts.map((p) => p.name)).toEqual(['database.sqlite', 'database.key']);
    expect(body.parts[0]?.bytes).toBeGreaterThan(DOCS * DOC_BYTES);
    // The image (40 MB and more) was never held: 64 KiB chunks, a few at a time (`raw` counts the
    // chunks not yet collected too; the image held whole would be all of it at once, and more).
    expect(run.live).toBeLessThan(8 << 20);
    expect(run.raw).toBeLessThan(DOCS * DOC_BYTES);
    // The snapshot's private folder is gone; only the database, its key and the backup remain.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    // The age file is the only place the throwaway key is written: what is printed holds no other
    // 256-bit hex string than the parts' sha256 and the log heads.
    const known = new Set([...body.parts.map((p) => p.sha256), ...body.logHeads.map((h) => h.entryHash)]);
    expect((run.stdout.match(/[0-9a-f]{64}/g) ?? []).filter((h) => !known.has(h))).toEqual([]);

    const opening = { kind: 'identities', identities: [readFileSync(identity, 'utf8').trim()] } as const;
    for (const encrypt of [true, false]) {
      const target = join(dir, `restored-${String(encrypt)}.db`);
      // As `civic backup restore --encrypt` does: the new database's key is the process's key, with
      // which the restore also opens it to check it.
      if (encrypt) process.env['CIVIC_DB_KEY'] = 'the restored key';
      const r = await restoreBackup({
        file: out,
        opening,
        target,
        ...(encrypt ? { encryptWith: Buffer.from('the restored key') } : {}),
      }).finally(() => delete process.env['CIVIC_DB_KEY']);
      expect(r.ok ? r.value.chains : r.error, `encrypt ${String(encrypt)}`).toBeGreaterThan(0);
      const head = readFileSync(target).subarray(0, 15).toString('latin1');
      expect(head === 'SQLite format 3', `encrypt ${String(encrypt)}`).toBe(!encrypt);
      const ctx = await openContext(target, {
        migrate: false,
        env: encrypt ? { CIVIC_DB_KEY: 'the restored key' } : {},
      });
      try {
        const c = await getCase(ctx, caseId);
        expect(c.ok && c.value.actions[0]?.documents.map((d) => [d.name, d.sha256])).toEqual(
          hashes.map((h, n) => [`scan-${n}.pdf`, h]),
        );
      } finally {
        await closeContext(ctx);
      }
    }
  });
});
