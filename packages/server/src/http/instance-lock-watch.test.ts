import {
  createUser,
  freshContext,
  lockInstance,
  openContext,
  openSession,
  systemActor,
  testDialects,
  type AppContext,
} from '@civic/app';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';

// A lock made elsewhere (another server process, `civic lock`) reaches this server at once for a
// session it no longer knows (issue 15): no «sign in» answer in the moment before its next look at
// the mark (PostgreSQL: at most once a second). Real parts: Fastify through inject(), a SQLite file
// and a PostgreSQL database; the server on its own connection, the lock made on the test's.
for (const dialect of testDialects()) {
  describe(`a lock made by another process, seen by this one (${dialect})`, () => {
    let base: Awaited<ReturnType<typeof freshContext>>;
    let serverCtx: AppContext;
    let app: FastifyInstance;
    let token = '';

    beforeAll(async () => {
      base = await freshContext(dialect);
      serverCtx = await openContext(base.url, { migrate: false, env: {} });
      // No poll within the test: only requests make the server look.
      app = await buildServer(serverCtx, { lockPollMs: 600_000 });
      const u = await createUser(base, systemActor('test'), {
        email: 'buh@echo.test',
        name: 'Бухгалтер',
        password: 'a long enough password',
      });
      if (!u.ok) throw new Error(u.error.message);
      token = (await openSession(base, u.value.id)).token;
    });
    afterAll(async () => {
      await app.close();
      await serverCtx.store.close().catch(() => undefined);
      await base.close();
    });

    it('the next request of an ended session is answered INSTANCE_LOCKED, not AUTH_REQUIRED', async () => {
      const me = () => app.inject({ method: 'GET', url: '/api/v1/me', cookies: { civic_session: token } });
      expect((await me()).statusCode).toBe(200);
      const locked = await lockInstance(base, { userId: null, label: 'root', channel: 'cli' });
      expect(locked.ok).toBe(true);
      const next = await me();
      expect([next.statusCode, (next.json() as { error?: { code: string } }).error?.code]).toEqual([
        503,
        'INSTANCE_LOCKED',
      ]);
    });
  });
}
