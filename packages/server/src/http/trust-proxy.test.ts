import { freshContext, testDialects } from '@civic/app';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { parseTrustProxy } from './trust-proxy.ts';

describe('TRUST_PROXY', () => {
  it('reads off, a number of hops, a list of proxies, or every hop', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 127.0.0.1, 10.0.0.0/8 ')).toBe('127.0.0.1,10.0.0.0/8');
    expect(parseTrustProxy('true')).toBe(true);
  });
});

// Real parts: Fastify through inject(), argon2id, the throttle in a SQLite file or PostgreSQL.
for (const dialect of testDialects()) {
  describe(`the client address behind a proxy on ${dialect}`, () => {
    it('with TRUST_PROXY=1 a client cannot escape the address limit by writing its own X-Forwarded-For', async () => {
      const ctx = await freshContext(dialect);
      const app = await buildServer(ctx, {
        trustProxy: parseTrustProxy('1'),
        loginRateLimit: { max: 5, windowMs: 60_000, maxPerAddress: 3 },
      });
      // The proxy (127.0.0.1) appends the address it saw (10.2.2.2) to what the client sent.
      const attempt = (i: number) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 10.2.2.2` },
          payload: { email: `person${i}@x.test`, password: 'wrong password' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt(i)).statusCode).toBe(401);
      expect((await attempt(3)).statusCode).toBe(429);
      // Without a trusted proxy the header is ignored: every request is the socket's address.
      const direct = await buildServer(ctx, {
        loginRateLimit: { max: 5, windowMs: 60_000, maxPerAddress: 3 },
      });
      const r = await direct.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: '10.2.2.2',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { email: 'person9@x.test', password: 'wrong password' },
      });
      expect(r.statusCode).toBe(429);
      await direct.close();
      await app.close();
      await ctx.close();
    });
  });
}
