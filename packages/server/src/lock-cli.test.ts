import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createUser,
  instanceLock,
  listAudit,
  openContext,
  openSession,
  systemActor,
  type AppContext,
} from '@civic/app';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server.ts';
import { TEST_PASSWORD } from './http-test-kit.ts';

// `civic lock` reaching a running server through the database (issue 15). Real parts: the `civic`
// binary in a child process, an encrypted SQLite file (sqlite3mc), two servers on their own
// connections as two server processes would be: one sees the lock on its next request, the other,
// idle, by its poll.
const bin = new URL('../../cli/bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-lock-cli-'));
const db = join(dir, 'locked.db');
const KEY = 'correct horse battery staple lock';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, CIVIC_DB_KEY: KEY, CIVIC_DB_KEY_FILE: '' },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const until = async (what: () => Promise<boolean>, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

describe('civic lock with a server running', () => {
  it('ends the sessions, locks the busy server on its next request and the idle one by its poll, and audits the CLI actor', async () => {
    const env = { CIVIC_DB_KEY: KEY };
    const setup = await openContext(db, { encrypt: true, env });
    const u = await createUser(setup, systemActor('test'), {
      email: 'root@x.test',
      name: 'Root',
      password: TEST_PASSWORD,
      instanceAdmin: true,
    });
    if (!u.ok) throw new Error(u.error.message);
    const session = await openSession(setup, u.value.id);
    const busyCtx: AppContext = await openContext(db, { migrate: false, env });
    const idleCtx: AppContext = await openContext(db, { migrate: false, env });
    const busy = await buildServer(busyCtx);
    const idle = await buildServer(idleCtx, { lockPollMs: 100 });
    try {
      const me = () =>
        busy.inject({ method: 'GET', url: '/api/v1/me', cookies: { civic_session: session.token } });
      expect((await me()).statusCode).toBe(200);
      expect((await idle.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);

      const run = await civic(['lock', '--db', db, '--json', '--actor', 'Asel at the office']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ locked: true, sessionsEnded: 1 });
      expect(run.stdout + run.stderr).not.toContain(KEY);

      const locked = await me();
      expect(locked.statusCode).toBe(503);
      expect((locked.json() as { error: { code: string } }).error.code).toBe('INSTANCE_LOCKED');
      // The idle server gets no request: its poll finds the lock and it lets go of the database.
      expect(
        await until(
          () =>
            instanceLock(idleCtx).then(
              () => false,
              () => true,
            ),
          5000,
        ),
      ).toBe(true);
      expect((await idle.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(503);

      expect(await instanceLock(setup)).toMatchObject({ lockedBy: 'Asel at the office', channel: 'cli' });
      const [entry] = await listAudit(setup, { entity: 'instance' });
      expect(entry).toMatchObject({
        action: 'lock',
        actor: { userId: null, label: 'Asel at the office' },
        channel: 'cli',
      });
    } finally {
      await busy.close();
      await idle.close();
      await busyCtx.store.close();
      await idleCtx.store.close();
      await setup.store.close();
    }
  });
});
