import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createBackup,
  freshContext,
  freshRestoreTarget,
  generateBackupKeyPair,
  isPostgresRestoreWriting,
  padPostgresForTest,
  postgresPaddingRows,
  postgresRestoreLeftovers,
  postgresTableNames,
  restoreBackup,
  seedDemo,
  watchPostgresRestore,
  testDialects,
} from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A PostgreSQL restore killed midway (issue 15). Real parts: the shared PostgreSQL server, the
// demo database padded with 150,000 throttle rows (so that pg_restore is seen writing), pg_dump and
// pg_restore, age encryption, the `civic` binary in a child process killed with SIGKILL.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-pg-killed-'));
const backup = join(dir, 'pg.age');
const identity = join(dir, 'backup.key');
const PADDING = 150_000;
const admin = process.env['CIVIC_TEST_PG_URL'] ?? '';
let sourceRows = 0;

/** Starts `civic backup restore` into `target` and SIGKILLs it the moment `when()` holds; false if it ended first. */
async function restoreKilledWhen(target: string, when: () => Promise<boolean>): Promise<boolean> {
  const child = spawn(
    process.execPath,
    [bin, 'backup', 'restore', backup, '--identity', identity, '--db', target],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
  for (;;) {
    if (child.exitCode !== null) return false;
    if (await when().catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  child.kill('SIGKILL');
  return (await exited) === 'SIGKILL';
}

/** Waits until no pg_restore is left writing for `target` (the killed command's orphan sees its input end). */
async function untilRestoreGone(target: string): Promise<void> {
  while (await isPostgresRestoreWriting(target, admin)) await new Promise((r) => setTimeout(r, 20));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(testDialects().includes('postgres'))(
  'a PostgreSQL restore killed midway',
  { timeout: 300_000 },
  () => {
    beforeAll(async () => {
      const source = await freshContext('postgres', () => new Date('2026-12-06T08:00:00Z'));
      try {
        await seedDemo(source);
        sourceRows = await padPostgresForTest(source.url, PADDING);
        const keys = await generateBackupKeyPair();
        writeFileSync(identity, `${keys.identity}\n`, { mode: 0o600 });
        const made = await createBackup({
          databaseUrl: source.url,
          out: backup,
          sealing: { kind: 'recipients', recipients: [keys.publicKey] },
          now: new Date('2026-12-06T08:00:00Z'),
        });
        if (!made.ok) throw new Error(made.error.message);
      } finally {
        await source.close();
      }
    }, 300_000);

    it('killed while pg_restore writes rows: the target stays empty, and the next restore succeeds and verifies', async () => {
      const target = await freshRestoreTarget('postgres');
      try {
        const watch = await watchPostgresRestore(target.url, admin);
        try {
          expect(await restoreKilledWhen(target.url, () => watch.writing())).toBe(true);
        } finally {
          await watch.close();
        }
        await untilRestoreGone(target.url);
        expect(await postgresTableNames(target.url)).toEqual([]);

        const again = await restoreBackup({
          file: backup,
          opening: { kind: 'identities', identities: [await keyOf()] },
          target: target.url,
        });
        expect(again.ok ? again.value.chains : again.error.code).toBeGreaterThan(0);
        expect(await postgresPaddingRows(target.url)).toBe(sourceRows);
        expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([]);
      } finally {
        await target.drop();
      }
    });

    it('killed once the restored tables are committed (being checked): the target holds no table of the backup', async () => {
      const target = await freshRestoreTarget('postgres');
      try {
        // pg_restore has committed into the staging database; the restore is checking it.
        const watch = await watchPostgresRestore(target.url, admin);
        try {
          expect(await restoreKilledWhen(target.url, () => watch.committed())).toBe(true);
        } finally {
          await watch.close();
        }
        // Killed after the commit: the restored tables are there, in the staging database only.
        const staging = stagingUrl(target.url, `${new URL(target.url).pathname.slice(1)}_restoring`);
        expect((await postgresTableNames(staging)).length).toBeGreaterThan(40);
        expect(await postgresTableNames(target.url)).toEqual([]);
        const again = await restoreBackup({
          file: backup,
          opening: { kind: 'identities', identities: [await keyOf()] },
          target: target.url,
        });
        expect(again.ok).toBe(true);
        expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([]);
      } finally {
        await target.drop();
      }
    });
  },
);

const stagingUrl = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function keyOf(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return (await readFile(identity, 'utf8')).trim();
}
