import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in child processes, the demo database in a SQLite file, encrypted
// by sqlite3mc; a child killed with SIGKILL in the middle of `civic encrypt`.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-encrypt-cli-'));
const plain = join(dir, 'plain.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function civic(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        encoding: 'utf8',
        timeout: 280_000,
        env: { ...process.env, CIVIC_DB_KEY: '', CIVIC_DB_KEY_FILE: '', ...env },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

// Known demo facts (packages/app/src/demo): a donor, an organisation's BIN, a donor's account, an amount.
const SECRETS = ['National Endowment for Democracy', '070940000014', 'US78000000001234567890', '9500000'];
const ECHO = '070940000014';
const sha = (f: string): string | null =>
  existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : null;
const files = (db: string): string[] =>
  readdirSync(dir)
    .filter((n) => n.startsWith(db.slice(dir.length + 1)))
    .map((n) => join(dir, n));
const balance = (db: string, env: Record<string, string> = {}): Promise<Run> =>
  civic(['ledger', 'balance', '--db', db, '--org', ECHO, '--by', 'grant', '--json'], env);

const PAGE = 4096;
/** How many pages of `a` differ in `b` (pages only in one of them count as changed). */
function changedPages(a: Buffer, b: Buffer): number {
  let changed = 0;
  for (let at = 0; at < Math.max(a.length, b.length); at += PAGE)
    if (!a.subarray(at, at + PAGE).equals(b.subarray(at, at + PAGE))) changed += 1;
  return changed;
}

let plainBalance = '';
beforeAll(async () => {
  const init = await civic(['init', '--db', plain, '--demo', '--json']);
  expect(init.code, init.stderr).toBe(0);
  const b = await balance(plain);
  expect(b.code, b.stderr).toBe(0);
  plainBalance = b.stdout;
  // The test can fail: the plain file holds every one of them.
  const bytes = readFileSync(plain);
  for (const s of SECRETS) expect(bytes.includes(Buffer.from(s)), s).toBe(true);
}, 300_000);

describe('civic encrypt, key change and wrong keys', () => {
  const db = join(dir, 'enc.db');
  const KEY = { CIVIC_DB_KEY: 'first passphrase, long enough' };

  it('encrypts in place: no donor, BIN, account or amount left in any file, the same balances with the key', async () => {
    copyFileSync(plain, db);
    const r = await civic(['encrypt', '--db', db, '--json'], KEY);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encrypted: true, database: db });
    expect(existsSync(`${db}.wrapped-key`)).toBe(true);
    const b = await balance(db, KEY);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(plainBalance);
    for (const f of files(db)) {
      const bytes = readFileSync(f);
      for (const s of SECRETS) expect(bytes.includes(Buffer.from(s)), `${s} in ${f}`).toBe(false);
    }
    expect((await civic(['encrypt', '--db', db, '--json'], KEY)).code).toBe(2);
  }, 120_000);

  it('without a key is DB_KEY_REQUIRED and with a wrong one DB_KEY_INVALID, exit 2, the files untouched', async () => {
    const before = files(db).map(sha);
    const missing = await balance(db);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'DB_KEY_REQUIRED' } });
    const wrong = await balance(db, { CIVIC_DB_KEY: 'not the passphrase' });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: { code: 'DB_KEY_INVALID' } });
    expect(wrong.stdout + wrong.stderr).not.toContain('not the passphrase');
    expect(files(db).map(sha)).toEqual(before);
  }, 120_000);

  it('--key-file opens it on any command, placed after the command', async () => {
    const keyFile = join(dir, 'first.key');
    writeFileSync(keyFile, `${KEY.CIVIC_DB_KEY}\n`);
    const b = await civic([
      'ledger',
      'balance',
      '--db',
      db,
      '--org',
      ECHO,
      '--by',
      'grant',
      '--json',
      '--key-file',
      keyFile,
    ]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(plainBalance);
  }, 120_000);

  it('key change rewraps the key only: the pages are not re-encrypted, only the new key opens it', async () => {
    const dbBefore = readFileSync(db);
    const newKeyFile = join(dir, 'second.key');
    writeFileSync(newKeyFile, 'second key from a file');
    const r = await civic(['key', 'change', '--db', db, '--new-key-file', newKeyFile, '--json'], KEY);
    expect(r.code, r.stderr).toBe(0);
    // Only the audit entry's pages changed (a re-encryption would change every page: each is
    // written with a fresh nonce).
    expect(changedPages(dbBefore, readFileSync(db))).toBeLessThan(dbBefore.length / PAGE / 10);
    expect(readFileSync(`${db}.wrapped-key`, 'utf8')).not.toContain('second key');
    const old = await balance(db, KEY);
    expect(old.code).toBe(2);
    expect(JSON.parse(old.stdout)).toMatchObject({ error: { code: 'DB_KEY_INVALID' } });
    const now = await balance(db, { CIVIC_DB_KEY_FILE: newKeyFile });
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toBe(plainBalance);
    // A wrong current key: exit 2, and not a byte of the database, its WAL or its wrapped key changes.
    const before = files(db).map(sha);
    const wrongOld = await civic(['key', 'change', '--db', db, '--json'], {
      ...KEY,
      CIVIC_DB_NEW_KEY: 'third',
    });
    expect(wrongOld.code).toBe(2);
    expect(JSON.parse(wrongOld.stdout)).toMatchObject({ error: { code: 'DB_KEY_INVALID' } });
    expect(files(db).map(sha)).toEqual(before);
  }, 120_000);

  it('init --encrypt creates an encrypted database; without a key it is DB_KEY_REQUIRED and creates nothing', async () => {
    const fresh = join(dir, 'fresh.db');
    const none = await civic(['init', '--db', fresh, '--org', 'Эхо', '--encrypt', '--json']);
    expect(none.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
    const r = await civic(['init', '--db', fresh, '--org', 'Эхо', '--encrypt', '--json'], KEY);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(fresh).includes(Buffer.from('Эхо'))).toBe(false);
    expect(readFileSync(fresh).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect((await civic(['ledger', 'balance', '--db', fresh, '--by', 'grant', '--json'], KEY)).code).toBe(0);
  }, 120_000);
});

/** Starts `civic encrypt` and kills it (SIGKILL) as soon as `when()` holds, or when it ends. */
function killWhen(db: string, env: Record<string, string>, when: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'encrypt', '--db', db], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    let done = false;
    child.on('exit', () => {
      done = true;
    });
    const poll = (): void => {
      if (done) return resolve(false);
      if (when()) {
        child.kill('SIGKILL');
        child.on('exit', () => resolve(true));
        return;
      }
      setImmediate(poll);
    };
    poll();
  });
}

describe('civic encrypt killed midway', () => {
  const KEY = { CIVIC_DB_KEY: 'crash test passphrase' };
  const phases: [string, (db: string) => boolean][] = [
    ['at once', () => true],
    ['while the copy is written', (db) => existsSync(`${db}.encrypting`)],
    ['after the wrapped key is written', (db) => existsSync(`${db}.wrapped-key`)],
  ];

  it.each(phases)(
    'killed %s, one good database is left: it opens and its balances are the original ones',
    async (_name, when) => {
      const db = join(dir, `crash-${_name.replaceAll(' ', '-')}.db`);
      copyFileSync(plain, db);
      await killWhen(db, KEY, () => when(db));
      const b = await balance(db, KEY);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).toBe(plainBalance);
      // And the conversion can be run again to the end.
      const again = await civic(['encrypt', '--db', db, '--json'], KEY);
      if (again.code !== 0)
        expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'DB_ALREADY_ENCRYPTED' } });
      const after = await balance(db, KEY);
      expect(after.stdout).toBe(plainBalance);
      expect(readFileSync(db).includes(Buffer.from(SECRETS[0] ?? ''))).toBe(false);
    },
    180_000,
  );
});
