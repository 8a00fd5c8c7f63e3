import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { openBackup } from './backup-archive.ts';
import { generateBackupKeyPair } from './backup-keys.ts';
import { parseBackupSchedule, runScheduledBackup, scheduledBackupStatus } from './scheduled-backup.ts';

// Real parts: the demo database on each dialect, backup files in a real folder.
const dir = mkdtempSync(join(tmpdir(), 'civic-scheduled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseBackupSchedule', () => {
  it('is off without BACKUP_DIR and BACKUP_RECIPIENTS, reads interval and keep, refuses bad values', async () => {
    const { publicKey } = await generateBackupKeyPair();
    expect(parseBackupSchedule({})).toEqual({ ok: true, value: undefined });
    const s = parseBackupSchedule({
      BACKUP_DIR: dir,
      BACKUP_RECIPIENTS: `${publicKey}, ${publicKey}`,
      BACKUP_INTERVAL: '6h',
      BACKUP_KEEP: '3',
    });
    expect(s.ok && s.value).toMatchObject({
      intervalMs: 6 * 3_600_000,
      keep: 3,
      recipients: [publicKey, publicKey],
    });
    expect(parseBackupSchedule({ BACKUP_DIR: dir, BACKUP_RECIPIENTS: publicKey }).ok && true).toBe(true);
    const bad = parseBackupSchedule({ BACKUP_DIR: dir, BACKUP_RECIPIENTS: 'age1nope' });
    expect(bad.ok ? null : bad.error.code).toBe('BACKUP_RECIPIENT_INVALID');
    const interval = parseBackupSchedule({
      BACKUP_DIR: dir,
      BACKUP_RECIPIENTS: publicKey,
      BACKUP_INTERVAL: 'daily',
    });
    expect(interval.ok ? null : interval.error.field).toBe('BACKUP_INTERVAL');
  });
});

describe.each(testDialects())('scheduled backups (%s)', { timeout: 600_000 }, (dialect) => {
  it('makes one when due, verifies it, keeps the last N, and reports a stale state after two days', async () => {
    const ctx = await freshContext(dialect);
    try {
      await seedDemo(ctx);
      const keys = await generateBackupKeyPair();
      const schedule = {
        dir: join(dir, dialect),
        recipients: [keys.publicKey],
        intervalMs: 86_400_000,
        keep: 2,
      };
      const day = (n: number): Date => new Date(Date.UTC(2026, 11, 1 + n, 3, 0, 0));
      expect(scheduledBackupStatus(schedule.dir, day(0))).toEqual({ last: null, stale: true });
      const first = await runScheduledBackup(schedule, ctx.url, day(0));
      expect(first.ok && first.value?.verifiedAt).toBeTruthy();
      // Not due again within the interval (another process or a restart asks too).
      expect(await runScheduledBackup(schedule, ctx.url, new Date(day(0).getTime() + 3_600_000))).toEqual({
        ok: true,
        value: null,
      });
      for (const n of [1, 2, 3]) expect((await runScheduledBackup(schedule, ctx.url, day(n))).ok).toBe(true);
      const status = scheduledBackupStatus(schedule.dir, day(3));
      expect(status.stale).toBe(false);
      expect(status.last?.file).toBe('civicledger-20261204T030000Z.age');
      expect(scheduledBackupStatus(schedule.dir, day(6)).stale).toBe(true);
      const { listScheduledBackups } = await import('./scheduled-backup.ts');
      expect(listScheduledBackups(schedule.dir).map((b) => b.file)).toEqual([
        'civicledger-20261204T030000Z.age',
        'civicledger-20261203T030000Z.age',
      ]);
      const opened = await openBackup(
        new Uint8Array(readFileSync(join(schedule.dir, status.last?.file ?? ''))),
        {
          kind: 'identities',
          identities: [keys.identity],
        },
      );
      expect(opened.ok && opened.value.manifest.dialect).toBe(dialect);
    } finally {
      await ctx.close();
    }
  });
});
