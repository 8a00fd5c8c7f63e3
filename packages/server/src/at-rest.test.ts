import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeContext,
  createUser,
  freshContext,
  openContext,
  openSession,
  systemActor,
  testDialects,
  type AppContext,
} from '@civic/app';
import { describe, expect, it } from 'vitest';
import { buildServer } from './build-server.ts';
import { clientFor, TEST_PASSWORD, testWorld } from './http-test-kit.ts';

// Real parts: a SQLite file (plain and encrypted) and a real PostgreSQL database; the server through
// inject. GET /api/v1/me tells an instance admin, and only them, whether the data is encrypted at rest.
async function meOf(ctx: AppContext, instanceAdmin: boolean): Promise<Record<string, unknown>> {
  const app = await buildServer(ctx);
  try {
    const email = `${instanceAdmin ? 'admin' : 'user'}-${Date.now()}@example.org`;
    const u = await createUser(ctx, systemActor('test'), {
      email,
      name: 'A',
      password: TEST_PASSWORD,
      instanceAdmin,
    });
    if (!u.ok) throw new Error(u.error.message);
    const s = await openSession(ctx, u.value.id);
    const res = await clientFor(
      app,
      u.value.id,
      email,
      { civic_session: s.token, civic_csrf: s.csrfToken },
      s.csrfToken,
    ).request('GET', '/api/v1/me');
    expect(res.statusCode).toBe(200);
    return res.json<Record<string, unknown>>();
  } finally {
    await app.close();
  }
}

describe.each(testDialects())('encryption at rest in GET /api/v1/me on %s', (dialect) => {
  it('warns the instance admin of a plain set-up, and tells other users nothing', async () => {
    const w = await testWorld(dialect);
    try {
      expect((await meOf(w.ctx, true))['instance']).toEqual({
        dialect,
        databaseEncrypted: false,
        filesEncrypted: false,
        encryptionWarning: true,
      });
      expect(await meOf(w.ctx, false)).not.toHaveProperty('instance');
    } finally {
      await w.close();
    }
  });

  it('has no warning once the set-up is keyed (an encrypted SQLite file; PostgreSQL with a file key)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-at-rest-'));
    const plain = dialect === 'postgres' ? await freshContext(dialect) : null;
    const url = plain ? plain.url : join(dir, 'enc.db');
    const ctx = await openContext(url, { env: { CIVIC_DB_KEY: 'a test passphrase' } });
    try {
      expect((await meOf(ctx, true))['instance']).toEqual({
        dialect,
        databaseEncrypted: dialect === 'sqlite',
        filesEncrypted: true,
        encryptionWarning: false,
      });
    } finally {
      await closeContext(ctx);
      await plain?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
