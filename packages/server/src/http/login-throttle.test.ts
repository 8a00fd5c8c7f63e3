import { freshContext, testDialects } from '@civic/app';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

// Real parts: the throttle's reservations in a SQLite file or a real PostgreSQL database. The
// database is closed midway: what is refused after that was refused without touching it.
for (const dialect of testDialects()) {
  describe(`the login throttle's memory of refused keys on ${dialect}`, () => {
    it('refuses further attempts on a key the database refused with no query, and only on that key', async () => {
      let clock = Date.parse('2026-12-06T10:00:00.000Z');
      const ctx = await freshContext(dialect, () => new Date(clock));
      const throttle = new LoginThrottle(ctx, { perAccount: 3, perAddress: 20, windowMs: 60_000 });
      const who = { address: '10.0.0.7', email: 'Target@x.test' };
      for (let i = 0; i < 3; i++) {
        expect((await throttle.reserve(who)).ok).toBe(true);
        clock += 1000;
      }
      const refused = await throttle.reserve(who);
      expect(refused).toMatchObject({
        ok: false,
        retryAfterSeconds: 57,
        blocked: [{ key: 'account:target@x.test', until: Date.parse('2026-12-06T10:01:00.000Z') }],
      });
      await ctx.close();
      // The database is gone: the same account (any address, any case) is still refused, from memory.
      clock += 10_000;
      await expect(throttle.reserve({ address: '10.0.0.8', email: 'target@X.test' })).resolves.toMatchObject({
        ok: false,
        retryAfterSeconds: 47,
      });
      // Another account needs the database: nothing is refused from memory that it did not refuse.
      await expect(throttle.reserve({ address: '10.0.0.7', email: 'other@x.test' })).rejects.toThrow();
      // Past the window the key is asked about again.
      clock += 60_000;
      await expect(throttle.reserve(who)).rejects.toThrow();
    });
  });
}
