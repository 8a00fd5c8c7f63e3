import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: join(dir, 'civic.db'),
        WEB_CONCURRENCY: '2',
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
  }, 180_000);
});
