import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLogHeads } from '@civic/store';
import { afterAll, describe, expect, it } from 'vitest';
import { listCasesOf } from '../claims/index.ts';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { listFilings, listObligations } from '../filings/index.ts';
import { ledgerBalance } from '../ledger/index.ts';
import { organisations } from '../organisations.ts';
import { freshContext, freshRestoreTarget, testDialects } from '../test-support.ts';
import { openBackup } from './backup-archive.ts';
import { generateBackupKeyPair } from './backup-keys.ts';
import { createBackup } from './create-backup.ts';
import { verifyBackup } from './backup-stream-read.ts';
import { restoreBackup, restoringName } from './restore-backup.ts';

// Real parts: the demo database on SQLite and PostgreSQL, pg_dump/pg_restore, age encryption.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2026-12-05T12:00:00Z');

const text = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/** What must survive a backup: balances, obligations, filings, cases and every log head. */
async function stateOf(ctx: AppContext): Promise<string> {
  const orgs = await organisations(ctx);
  const balances = [];
  for (const o of orgs)
    for (const by of ['grant', 'account'])
      balances.push(await ledgerBalance(ctx, { org: o.id, by, at: '2026-12-01' }));
  return text({
    orgs,
    balances,
    obligations: await listObligations(ctx, { asOf: '2026-12-01' }),
    filings: await listFilings(ctx),
    cases: await listCasesOf(ctx),
    heads: await listLogHeads(ctx.store.db),
  });
}

describe.each(testDialects())('backup round trip (%s)', { timeout: 600_000 }, (dialect) => {
  it('creates, verifies and restores the demo into a database equal to the original; a wrong key, a flipped byte (leaving the target empty) or a used target is refused', async () => {
    const source = await freshContext(dialect, () => NOW);
    const target = await freshRestoreTarget(dialect);
    try {
      await seedDemo(source);
      const keys = await generateBackupKeyPair();
      const other = await generateBackupKeyPair();
      const filesDir = join(dir, `${dialect}-files`);
      const storedDir = join(dir, `${dialect}-stored`);
      mkdirSync(join(storedDir, 'cases'), { recursive: true });
      writeFileSync(join(storedDir, 'cases', 'протокол.pdf'), Buffer.from('%PDF-1.4 протокол №17'));
      writeFileSync(join(storedDir, 'statement.txt'), '1CClientBankExchange');
      const file = join(dir, `${dialect}.age`);
      const made = await createBackup({
        databaseUrl: source.url,
        out: file,
        sealing: { kind: 'recipients', recipients: [keys.publicKey, other.publicKey] },
        filesDir: storedDir,
        now: NOW,
      });
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(made.value.manifest.dialect).toBe(dialect);
      expect(made.value.manifest.logHeads.length).toBeGreaterThan(0);
      expect(made.value.manifest.schemaVersion).toMatch(/^\d{4}-\d{2}-\d{2}-/);
      const bytes = new Uint8Array(readFileSync(file));
      // Either recipient opens it; a third key does not.
      for (const k of [keys, other])
        expect((await openBackup(bytes, { kind: 'identities', identities: [k.identity] })).ok).toBe(true);
      const stranger = await generateBackupKeyPair();
      const denied = await openBackup(bytes, { kind: 'identities', identities: [stranger.identity] });
      expect(denied.ok ? null : denied.error.code).toBe('BACKUP_DECRYPT_FAILED');

      // A flipped byte in the middle is refused and leaves the target as it was (empty): the
      // restore below then succeeds into the very same target.
      const flipped = join(dir, `${dialect}-flipped.age`);
      const bad = Buffer.from(bytes);
      const middle = Math.floor(bad.length / 2);
      bad[middle] = (bad[middle] ?? 0) ^ 0x20;
      writeFileSync(flipped, bad);
      const refused = await restoreBackup({
        file: flipped,
        opening: { kind: 'identities', identities: [keys.identity] },
        target: target.url,
        filesDir,
      });
      expect(refused.ok ? null : refused.error.code).toBe('BACKUP_CORRUPT');
      expect(existsSync(filesDir)).toBe(false);

      const restored = await restoreBackup({
        file,
        opening: { kind: 'identities', identities: [keys.identity] },
        target: target.url,
        filesDir,
      });
      expect(restored.ok ? restored.value.chains : restored.error).toBe(made.value.manifest.logHeads.length);
      expect(readFileSync(join(filesDir, 'cases', 'протокол.pdf'), 'utf8')).toBe('%PDF-1.4 протокол №17');
      expect(readFileSync(join(filesDir, 'statement.txt'), 'utf8')).toBe('1CClientBankExchange');
      expect(made.value.manifest.parts.map((p) => p.name)).toEqual([
        dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump',
        'files/cases/протокол.pdf',
        'files/statement.txt',
      ]);
      const copy = await openContext(target.url, { now: () => NOW });
      try {
        expect(await stateOf(copy)).toBe(await stateOf(source));
      } finally {
        await closeContext(copy);
      }
      // Never over an existing (or, on PostgreSQL, non-empty) database.
      const again = await restoreBackup({
        file,
        opening: { kind: 'identities', identities: [keys.identity] },
        target: target.url,
      });
      expect(again.ok ? null : again.error.code).toBe('BACKUP_TARGET_EXISTS');
    } finally {
      await source.close();
      await target.drop();
    }
  });
});

describe('a damaged backup (sqlite)', { timeout: 600_000 }, () => {
  it('a single flipped byte anywhere is caught by verify, naming a part, and refused by restore', async () => {
    const source = await freshContext('sqlite', () => NOW);
    try {
      await seedDemo(source);
      const keys = await generateBackupKeyPair();
      const file = join(dir, 'flip.age');
      const made = await createBackup({
        databaseUrl: source.url,
        out: file,
        sealing: { kind: 'recipients', recipients: [keys.publicKey] },
        filesDir: undefined,
        now: NOW,
      });
      expect(made.ok).toBe(true);
      const good = new Uint8Array(readFileSync(file));
      const opening = { kind: 'identities', identities: [keys.identity] } as const;
      // The header's every byte up to the payload nonce, then 60 positions spread over the payload, and the last byte.
      const headerEnd = Buffer.from(good).indexOf('\n', Buffer.from(good).indexOf('\n---') + 1) + 1;
      const positions = new Set<number>();
      for (let i = 0; i < headerEnd + 16; i += 7) positions.add(i);
      let x = 12345;
      for (let i = 0; i < 60; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        positions.add(headerEnd + 16 + (x % (good.length - headerEnd - 16)));
      }
      positions.add(good.length - 1);
      const parts = new Set<string>();
      const flipped = join(dir, 'flipped.age');
      for (const at of positions) {
        const bad = good.slice();
        bad[at] = (bad[at] ?? 0) ^ 0x01;
        // The file, streamed, as `civic backup verify` reads it; and held in memory.
        writeFileSync(flipped, bad);
        const streamed = await verifyBackup(flipped, opening);
        expect(streamed.ok, `flipped byte ${at} went unnoticed by the streamed verify`).toBe(false);
        if (!streamed.ok) parts.add(streamed.error.part);
        const r = await openBackup(bad, opening);
        expect(r.ok, `flipped byte ${at} went unnoticed`).toBe(false);
        if (!r.ok) {
          expect(['BACKUP_DECRYPT_FAILED', 'BACKUP_CORRUPT']).toContain(r.error.code);
          parts.add(r.error.part);
        }
      }
      expect(parts).toContain('age header');
      expect(parts).toContain('database.sqlite');
      // Restore refuses the same damage and leaves nothing behind.
      for (const at of [...positions].filter((_, i) => i % 15 === 0)) {
        const bad = good.slice();
        bad[at] = (bad[at] ?? 0) ^ 0x80;
        const badFile = join(dir, 'bad.age');
        writeFileSync(badFile, bad);
        const target = join(dir, `never-${at}.db`);
        const r = await restoreBackup({ file: badFile, opening, target });
        expect(r.ok).toBe(false);
        expect(existsSync(target)).toBe(false);
        expect(existsSync(restoringName(target))).toBe(false);
      }
    } finally {
      await source.close();
    }
  });
});
