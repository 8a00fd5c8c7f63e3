import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeContext,
  createUser,
  duressStatus,
  listAudit,
  openContext,
  setDefaultKeyFile,
  systemActor,
} from '@civic/app';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { setCliActorName } from '../cli-actor.ts';
import { registerCommands } from './index.ts';

// `civic duress set|clear|status` (issue 15). Real parts: the commands in this process through
// commander, a SQLite file, argon2id; and the binary once, reading the password from stdin.
const dir = mkdtempSync(join(tmpdir(), 'civic-duress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'duress.db');
const REAL = 'the real password of Aigerim';

async function civic(args: readonly string[]): Promise<{ out: string; error?: { code: string } }> {
  const program = new Command('civic').option('--actor <name>').exitOverride();
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  program.hook('preAction', () => {
    setDefaultKeyFile(undefined);
    setCliActorName(program.opts<{ actor?: string }>().actor);
  });
  registerCommands(program);
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((c: string | Uint8Array) => {
    out += String(c);
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync([...args], { from: 'user' });
    return { out };
  } catch (e) {
    return { out, error: (e as { error?: { code: string } }).error ?? { code: String(e) } };
  } finally {
    process.stdout.write = write;
  }
}

describe('civic duress', () => {
  it('is off by default; set from the environment, refused when it is a real password; clear', async () => {
    await civic(['init', '--db', db, '--org', 'Эхо', '--json']);
    const ctx = await openContext(db);
    try {
      const u = await createUser(ctx, systemActor('test'), { email: 'a@x.test', name: 'A', password: REAL });
      expect(u.ok).toBe(true);
    } finally {
      await closeContext(ctx);
    }
    expect(JSON.parse((await civic(['duress', 'status', '--db', db, '--json'])).out)).toEqual({
      enabled: false,
      decoyName: null,
      setAt: null,
    });
    process.env['CIVIC_DURESS_PASSWORD'] = REAL;
    try {
      expect((await civic(['duress', 'set', '--db', db, '--json'])).error?.code).toBe(
        'DURESS_PASSWORD_IN_USE',
      );
      process.env['CIVIC_DURESS_PASSWORD'] = 'a different, decoy password';
      const set = await civic([
        'duress',
        'set',
        '--db',
        db,
        '--decoy-name',
        'Фонд',
        '--actor',
        'admin',
        '--json',
      ]);
      expect(JSON.parse(set.out)).toMatchObject({ enabled: true, decoyName: 'Фонд' });
    } finally {
      delete process.env['CIVIC_DURESS_PASSWORD'];
    }
    const check = await openContext(db);
    try {
      expect((await duressStatus(check)).enabled).toBe(true);
      const [entry] = await listAudit(check, { entity: 'instance' });
      expect(entry).toMatchObject({
        action: 'duress-set',
        channel: 'cli',
        actor: { label: 'admin' },
        after: null,
      });
    } finally {
      await closeContext(check);
    }
    expect(JSON.parse((await civic(['duress', 'clear', '--db', db, '--json'])).out)).toMatchObject({
      enabled: false,
    });
  });

  it('the binary reads the password from standard input', { timeout: 120_000 }, async () => {
    const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [bin, 'duress', 'set', '--db', db, '--json'],
        (e, stdout, stderr) => (e ? reject(new Error(stderr)) : resolve(stdout)),
      );
      child.stdin?.end('a password given on stdin\n');
    });
    expect(JSON.parse(out)).toMatchObject({ enabled: true, decoyName: null });
  });
});
