import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBackupKeyPair, runScheduledBackup } from '@civic/app';
import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../http-test-kit.ts';

// Real parts: a SQLite database, a backup written into a real folder, the server through inject.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GET /api/v1/admin/backups (sqlite)', { timeout: 300_000 }, () => {
  it('shows the instance admin the last backup, its size and verification; others are refused', async () => {
    const w = await testWorld('sqlite', { backupDir: dir });
    try {
      const org = await w.org('Echo');
      const admin = await w.user('admin@example.org', {}, { instanceAdmin: true });
      const member = await w.user('acc@example.org', { [org]: 'admin' });
      const a = await w.client(admin, 'admin@example.org');
      const none = await a.request('GET', '/api/v1/admin/backups');
      expect(none.json()).toEqual({ configured: true, last: null, stale: true });
      const keys = await generateBackupKeyPair();
      const made = await runScheduledBackup(
        { dir, recipients: [keys.publicKey], intervalMs: 86_400_000, keep: 3 },
        w.ctx.store.location,
        new Date(),
      );
      expect(made.ok).toBe(true);
      const res = await a.request('GET', '/api/v1/admin/backups');
      const body = res.json<{ last: { bytes: number; verifiedAt: string | null }; stale: boolean }>();
      expect(body.stale).toBe(false);
      expect(body.last.bytes).toBeGreaterThan(1000);
      expect(body.last.verifiedAt).not.toBeNull();
      const m = await w.client(member, 'acc@example.org');
      expect((await m.request('GET', '/api/v1/admin/backups')).statusCode).toBe(403);
      expect((await w.anonymous.request('GET', '/api/v1/admin/backups')).statusCode).toBe(401);
    } finally {
      await w.close();
    }
  });
});
