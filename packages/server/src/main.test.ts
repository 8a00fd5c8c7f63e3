import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start`'s server (main.ts) as a person runs it: a fresh SQLite file is migrated and seeded
// once, several server processes share the port, the URL and a demo login are printed, sign-in
// works, and SIGTERM stops every process. Real parts: node processes, a SQLite file, HTTP.
const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'civic-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let generatedKey = '';

const freePort = () =>
  new Promise<number>((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });

describe('the server process (npm start)', () => {
  it('migrates and seeds once, serves from two processes, prints the URL and a demo login, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        // The lines read below are the English ones (start-report.ts speaks CIVIC_LANG/LANG).
        CIVIC_LANG: 'en',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: join(dir, 'civic.db'),
        WEB_CONCURRENCY: '2',
        CIVIC_DB_KEY: '',
        CIVIC_DB_KEY_FILE: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    await new Promise<void>((res, rej) => {
      const timer = setInterval(() => {
        if (out.includes('Demo login:')) {
          clearInterval(timer);
          res();
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        rej(new Error(`main.ts exited with ${String(code)}: ${out}`));
      });
    });
    expect(out).toContain('First start: seeding the demo data');
    expect(out).toContain(`CivicLedger is serving http://localhost:${port}/ on sqlite`);
    expect(out).toContain('with 2 processes');
    expect(out).toMatch(/Demo login: admin@demo\.civicledger\.org \/ \S+/);
    const base = `http://127.0.0.1:${port}`;
    const wrong = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.civicledger.org', password: 'not it' }),
    });
    expect(wrong.status).toBe(401);
    const password = /Demo login: \S+ \/ (\S+)/.exec(out)?.[1] ?? '';
    const ok = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.civicledger.org', password }),
    });
    expect(ok.status).toBe(200);
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    // Several requests in a row reach both processes; each sees the session.
    for (let i = 0; i < 8; i++)
      expect((await fetch(`${base}/api/v1/me`, { headers: { cookie } })).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.match(/First start/g)).toHaveLength(1);
    // A fresh machine gets an encrypted database, its generated key printed once.
    generatedKey = /^ {4}CIVIC_DB_KEY=(\S+)$/m.exec(out)?.[1] ?? '';
    expect(generatedKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(out.split(generatedKey).length - 1).toBe(2);
    const bytes = readFileSync(join(dir, 'civic.db'));
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('National Endowment for Democracy'))).toBe(false);
    expect(readFileSync(join(dir, 'civic.db.wrapped-key'), 'utf8')).not.toContain(generatedKey);
  }, 180_000);

  it('a second start without the key stops with a clear message and leaves the database as it was; with the key it serves', async () => {
    const db = join(dir, 'civic.db');
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db,
      WEB_CONCURRENCY: '1',
      CIVIC_LANG: 'en',
    };
    const refused = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'packages/server/src/main.ts')],
      {
        cwd: root,
        env: { ...process.env, ...env, CIVIC_DB_KEY: '', CIVIC_DB_KEY_FILE: '' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is encrypted');
    expect(refused.stderr).toContain('CIVIC_DB_KEY');
    expect(refused.stdout).not.toContain('First start');
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);

    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts')], {
      cwd: root,
      env: { ...process.env, ...env, CIVIC_DB_KEY: generatedKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    await new Promise<void>((res, rej) => {
      const timer = setInterval(() => {
        if (out.includes('CivicLedger is serving')) {
          clearInterval(timer);
          res();
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        rej(new Error(`main.ts exited with ${String(code)}: ${out}`));
      });
    });
    expect(out).not.toContain('First start');
    expect(out).not.toContain(generatedKey);
    expect(out).not.toContain('not encrypted');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
