import { passwordQueue, passwordVerifications, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { TEST_PASSWORD, testWorld, type TestWorld } from '../http-test-kit.ts';

// The sign-in route when the password hashing queue is full (issue 12, server under abuse).
// Real parts: Fastify through inject(), argon2id, the login throttle on SQLite or PostgreSQL.
for (const dialect of testDialects()) {
  describe(`sign-in with the hashing queue full, on ${dialect}`, () => {
    let w: TestWorld;
    beforeAll(async () => {
      w = await testWorld(dialect);
      await w.user('busy@x.test', {});
    });
    afterAll(async () => w.close());

    it('answers 429 AUTH_BUSY with Retry-After 1, hashes nothing and counts no failed attempt', async () => {
      const app = await buildServer(w.ctx, { loginRateLimit: { max: 1, windowMs: 60_000 } });
      let release = (): void => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const { concurrency, maxWaiting } = passwordQueue;
      const blockers = Array.from({ length: concurrency + maxWaiting }, () => passwordQueue.run(() => gate));
      const before = passwordVerifications();
      const signIn = (password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.9.9.9',
          payload: { email: 'busy@x.test', password },
        });
      const busy = await signIn('wrong password');
      expect(busy.statusCode).toBe(429);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.json()).toMatchObject({ error: { code: 'AUTH_BUSY' } });
      expect(passwordVerifications()).toBe(before);
      release();
      await Promise.all(blockers);
      // Not counted: with a limit of one attempt, the right password still gets through.
      expect((await signIn(TEST_PASSWORD)).statusCode).toBe(200);
      await app.close();
    });
  });
}
