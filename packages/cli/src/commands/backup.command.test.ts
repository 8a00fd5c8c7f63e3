import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in child processes, the demo SQLite database, age files on disk.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-cli-'));
const db = join(dir, 'demo.db');
const key = join(dir, 'backup.key');
const backup = join(dir, 'demo.age');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 280_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

let publicKey = '';
beforeAll(async () => {
  expect((await civic(['init', '--db', db, '--demo', '--json'])).code).toBe(0);
  const k = await civic(['backup', 'keygen', '--out', key, '--json']);
  expect(k.code).toBe(0);
  publicKey = (JSON.parse(k.stdout) as { publicKey: string }).publicKey;
}, 600_000);

describe('civic backup (SQLite)', { timeout: 600_000 }, () => {
  it('keygen writes the key file 0600 with the public key, and never overwrites it', async () => {
    expect(publicKey).toMatch(/^age1[0-9a-z]{58}$/);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toContain(`# public key: ${publicKey}`);
    const again = await civic(['backup', 'keygen', '--out', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('BACKUP_KEY_FILE_EXISTS');
    const plain = await civic(['backup', 'keygen', '--out', join(dir, 'second.key')]);
    expect(plain.stdout.trim()).toMatch(/^age1[0-9a-z]{58}$/);
  });

  it('create, verify and restore; a bad recipient is bad input', async () => {
    const made = await civic([
      'backup',
      'create',
      '--db',
      db,
      '--out',
      backup,
      '--recipient',
      publicKey,
      '--json',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const m = JSON.parse(made.stdout) as { parts: { name: string; sha256: string }[]; logHeads: unknown[] };
    expect(m.parts[0]?.name).toBe('database.sqlite');
    expect(m.parts[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.logHeads.length).toBeGreaterThan(0);
    const ok = await civic(['backup', 'verify', backup, '--identity', key, '--json']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { ok: boolean }).ok).toBe(true);
    const restored = await civic([
      'backup',
      'restore',
      backup,
      '--identity',
      key,
      '--db',
      join(dir, 'r1.db'),
      '--json',
    ]);
    expect(restored.code, restored.stderr).toBe(0);
    const log = await civic(['log', 'verify', '--db', join(dir, 'r1.db'), '--json']);
    expect((JSON.parse(log.stdout) as { ok: boolean }).ok).toBe(true);
    const bad = await civic([
      'backup',
      'create',
      '--db',
      db,
      '--out',
      join(dir, 'x.age'),
      '--recipient',
      'age1nope',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('BACKUP_RECIPIENT_INVALID');
    expect(existsSync(join(dir, 'x.age'))).toBe(false);
  });

  it('a flipped byte: verify exits 1 naming the part, restore exits 1 and writes nothing', async () => {
    const good = readFileSync(backup);
    const bad = Buffer.from(good);
    const at = Math.floor(good.length * 0.6);
    bad[at] = (bad[at] ?? 0) ^ 0x10;
    const badFile = join(dir, 'bad.age');
    writeFileSync(badFile, bad);
    const v = await civic(['backup', 'verify', badFile, '--identity', key, '--json']);
    expect(v.code).toBe(1);
    const body = JSON.parse(v.stdout) as { ok: boolean; part: string; error: { code: string } };
    expect(body).toMatchObject({ ok: false, part: 'database.sqlite', error: { code: 'BACKUP_CORRUPT' } });
    const target = join(dir, 'never.db');
    const r = await civic(['backup', 'restore', badFile, '--identity', key, '--db', target]);
    expect(r.code).toBe(1);
    expect(existsSync(target)).toBe(false);
    // Never over an existing database.
    const over = await civic(['backup', 'restore', backup, '--identity', key, '--db', db]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('BACKUP_TARGET_EXISTS');
  });

  it('a restore killed (SIGKILL) while it writes leaves no database; the next restore succeeds', async () => {
    const target = join(dir, 'killed.db');
    const partial = join(dir, '.killed.db.restoring');
    const child = spawn(
      process.execPath,
      [bin, 'backup', 'restore', backup, '--identity', key, '--db', target],
      {
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    // Kill the moment the restore has started writing the database (the temp file appears).
    const killed = await new Promise<boolean>((resolve) => {
      const t = setInterval(() => {
        if (existsSync(partial)) {
          clearInterval(t);
          resolve(child.kill('SIGKILL'));
        } else if (child.exitCode !== null) {
          clearInterval(t);
          resolve(false);
        }
      }, 1);
    });
    expect(killed).toBe(true);
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    const again = await civic(['backup', 'restore', backup, '--identity', key, '--db', target]);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(partial)).toBe(false);
  });

  it('an encrypted database backs up and restores encrypted (--encrypt) or plain; neither the backup nor the encrypted copy shows a donor name', async () => {
    const key1 = { CIVIC_DB_KEY: 'the office passphrase 2026' };
    const enc = join(dir, 'enc.db');
    expect((await civic(['init', '--db', enc, '--demo', '--encrypt', '--json'], key1)).code).toBe(0);
    const file = join(dir, 'enc.age');
    const made = await civic(
      ['backup', 'create', '--db', enc, '--out', file, '--recipient', publicKey],
      key1,
    );
    expect(made.code, made.stderr).toBe(0);
    const donor = Buffer.from('Soros');
    expect(readFileSync(join(dir, 'demo.db')).includes(donor)).toBe(true);
    expect(readFileSync(file).includes(donor)).toBe(false);
    const back = join(dir, 'enc-restored.db');
    const r = await civic(['backup', 'restore', file, '--identity', key, '--db', back, '--encrypt'], key1);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(back).includes(donor)).toBe(false);
    expect(readFileSync(back).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect((await civic(['log', 'verify', '--db', back, '--json'], key1)).code).toBe(0);
    expect((await civic(['log', 'verify', '--db', back])).code).toBe(2);
    const noKey = await civic([
      'backup',
      'restore',
      file,
      '--identity',
      key,
      '--db',
      join(dir, 'x.db'),
      '--encrypt',
    ]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('DB_KEY_REQUIRED');
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });
});
