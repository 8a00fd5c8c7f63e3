import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32Decode, passwordVerifications, testDialects, totpCode } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { cookiesOf, TEST_PASSWORD, testWorld, type TestWorld } from '../http-test-kit.ts';
import type { RouteModule } from '../routes/route-module.ts';

// Sessions, CSRF, rate limiting, TOTP, headers and error hygiene through inject().
// Real parts: Fastify, argon2id, TOTP over node crypto, a SQLite file or PostgreSQL database.
const probeRoutes: RouteModule = (app) => {
  app.get(
    '/api/v1/probe/driver-error',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: { type: 'object' } } } },
    async () => {
      throw Object.assign(
        new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: app_user.email (secret_column)'),
        { code: 'SQLITE_CONSTRAINT_UNIQUE' },
      );
    },
  );
};

for (const dialect of testDialects()) {
  describe(`HTTP security on ${dialect}`, () => {
    let w: TestWorld;
    const logs: string[] = [];
    let web = '';
    beforeAll(async () => {
      web = mkdtempSync(join(tmpdir(), 'civic-web-'));
      writeFileSync(
        join(web, 'index.html'),
        '<!doctype html><title>CivicLedger</title><div id="root"></div>',
      );
      w = await testWorld(dialect, {
        extraRoutes: [probeRoutes],
        webRoot: web,
        logger: { level: 'error', stream: { write: (l: string) => void logs.push(l) } },
      });
      await w.user('person@x.test', {});
    });
    afterAll(async () => w.close());

    it('puts the security headers on every answer: API, error, 404 and the web app', async () => {
      for (const url of ['/api/v1/health', '/api/v1/me', '/api/v1/nothing-here', '/', '/orgs/x/ledger']) {
        const res = await w.app.inject({ method: 'GET', url });
        expect(res.headers['content-security-policy'], url).toMatch(
          /default-src 'self'.*frame-ancestors 'none'/,
        );
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      expect((await w.app.inject({ method: 'GET', url: '/orgs/x/ledger' })).body).toContain(
        '<div id="root">',
      );
      expect((await w.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).json()).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });

    it('adds HSTS and Secure cookies behind a TLS proxy', async () => {
      const app = await buildServer(w.ctx, { trustProxy: true });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'person@x.test', password: TEST_PASSWORD },
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).every((s) => /; Secure/.test(s))).toBe(
        true,
      );
      await app.close();
    });

    it('turns an unexpected (driver) error into a logged generic 500 with a request id', async () => {
      const res = await w.app.inject({
        method: 'GET',
        url: '/api/v1/probe/driver-error',
        headers: { 'accept-language': 'ru' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/SQLITE|constraint|secret_column|app_user/i);
      const body = res.json() as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).toMatch(/сервере/);
      expect(res.headers['x-request-id']).toBe(body.error.requestId);
      expect(logs.join('\n')).toContain(body.error.requestId);
      expect(logs.join('\n')).toContain('secret_column');
    });

    it('refuses a state-changing request without the right CSRF token, and a forged session', async () => {
      const id = await w.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'person@x.test', password: TEST_PASSWORD },
      });
      const cookies = cookiesOf(id);
      const patch = (headers: Record<string, string>) =>
        w.app.inject({ method: 'PATCH', url: '/api/v1/me', cookies, headers, payload: { name: 'P' } });
      expect((await patch({})).statusCode).toBe(403);
      expect((await patch({ 'x-csrf-token': 'forged' })).statusCode).toBe(403);
      expect((await patch({ 'x-csrf-token': cookies['civic_csrf'] ?? '' })).statusCode).toBe(200);
      expect(
        (await w.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { civic_session: 'forged-token' } }))
          .statusCode,
      ).toBe(401);
    });

    it('limits failed sign-ins per e-mail and per address: 429 with Retry-After, even for the right password', async () => {
      const app = await buildServer(w.ctx);
      const attempt = (email: string, password: string, ip = '10.0.0.1') =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: ip,
          payload: { email, password },
        });
      for (let i = 0; i < 5; i++)
        expect((await attempt('person@x.test', 'wrong password')).statusCode).toBe(401);
      const blocked = await attempt('person@x.test', TEST_PASSWORD, '10.0.0.2');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json()).toMatchObject({ error: { code: 'AUTH_RATE_LIMITED' } });
      // One address's failures against one account do not lock it out of another account.
      expect((await attempt('other@x.test', 'whatever pw')).statusCode).toBe(401);
      expect((await attempt('other@x.test', 'whatever pw', '10.0.0.3')).statusCode).toBe(401);
      await app.close();
    });

    it('five wrong passwords for one account from one address do not lock a different account out from that address', async () => {
      const app = await buildServer(w.ctx);
      await w.user('neighbour@x.test', {});
      const attempt = (email: string, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.6.6.6',
          payload: { email, password },
        });
      for (let i = 0; i < 5; i++)
        expect((await attempt('victim@x.test', `wrong password ${i}`)).statusCode).toBe(401);
      expect((await attempt('victim@x.test', 'wrong password 6')).statusCode).toBe(429);
      const other = await attempt('neighbour@x.test', TEST_PASSWORD);
      expect(other.statusCode).toBe(200);
      expect(cookiesOf(other)['civic_session']).toBeTruthy();
      await app.close();
    });

    it('limits one address across accounts (20 a minute by default), not the other addresses', async () => {
      const app = await buildServer(w.ctx);
      const attempt = (email: string, ip: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: ip,
          payload: { email, password: 'wrong password' },
        });
      for (let i = 0; i < 20; i++)
        expect((await attempt(`spray${i}@x.test`, '10.4.4.4')).statusCode).toBe(401);
      expect((await attempt('spray-next@x.test', '10.4.4.4')).statusCode).toBe(429);
      expect((await attempt('spray-next@x.test', '10.4.4.5')).statusCode).toBe(401);
      await app.close();
    });

    it('checks at most 5 of 40 parallel wrong passwords for one account (reserved before the check)', async () => {
      // Two servers on one database, as `npm start` runs one process per core; the requests race.
      const [a, b] = [await buildServer(w.ctx), await buildServer(w.ctx)];
      const before = passwordVerifications();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 === 0 ? a : b).inject({
            method: 'POST',
            url: '/api/v1/session',
            remoteAddress: `10.8.${i}.1`,
            payload: { email: 'race@x.test', password: `wrong password ${i}` },
          }),
        ),
      );
      const checked = passwordVerifications() - before;
      expect(checked).toBeLessThanOrEqual(5);
      expect(checked).toBeGreaterThan(0);
      const codes = answers.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(checked);
      expect(codes.filter((c) => c === 429)).toHaveLength(40 - checked);
      await a.close();
      await b.close();
    });

    it('counts failed sign-ins across server processes (kept in the database, not in one process)', async () => {
      // Two servers on one database stand for the processes `npm start` runs, one per core.
      const [a, b] = [await buildServer(w.ctx), await buildServer(w.ctx)];
      const attempt = (app: typeof a, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: '10.9.9.9',
          payload: { email: 'shared@x.test', password },
        });
      for (let i = 0; i < 5; i++)
        expect((await attempt(i % 2 === 0 ? a : b, 'wrong password')).statusCode).toBe(401);
      expect((await attempt(b, 'wrong password')).statusCode).toBe(429);
      expect((await attempt(a, 'wrong password')).statusCode).toBe(429);
      await a.close();
      await b.close();
    });

    it('enrols the TOTP second factor and then requires a fresh code to sign in', async () => {
      const id = await w.user('totp@x.test', {});
      const s = await w.client(id, 'totp');
      expect((await w.anonymous.request('POST', '/api/v1/me/totp')).statusCode).toBe(401);
      expect((await s.request('POST', '/api/v1/me/totp/confirm', { code: '123456' })).json()).toMatchObject({
        error: { code: 'TOTP_NOT_ENROLLING' },
      });
      const enrol = (await s.request('POST', '/api/v1/me/totp')).json() as {
        secret: string;
        otpauthUri: string;
      };
      expect(enrol.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const key = base32Decode(enrol.secret) ?? new Uint8Array();
      expect((await s.request('POST', '/api/v1/me/totp/confirm', { code: '12' })).json()).toMatchObject({
        error: { code: 'REQUEST_INVALID', field: 'code' },
      });
      const code = totpCode(key, new Date());
      expect((await s.request('POST', '/api/v1/me/totp/confirm', { code })).json()).toEqual({
        totpEnabled: true,
        recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-9]{4}-[a-z2-9]{4}$/)]),
      });
      const creds = { email: 'totp@x.test', password: TEST_PASSWORD };
      expect((await w.anonymous.request('POST', '/api/v1/session', creds)).json()).toMatchObject({
        error: { code: 'AUTH_TOTP_REQUIRED', field: 'totp' },
      });
      expect(
        (await w.anonymous.request('POST', '/api/v1/session', { ...creds, totp: code })).json(),
      ).toMatchObject({ error: { code: 'AUTH_TOTP_INVALID' } });
      const next = totpCode(key, new Date(Date.now() + 30_000));
      expect(
        (await w.anonymous.request('POST', '/api/v1/session', { ...creds, totp: next })).statusCode,
      ).toBe(200);
      expect((await s.request('DELETE', '/api/v1/me/totp', { code: next })).json()).toMatchObject({
        error: { code: 'AUTH_TOTP_INVALID' },
      });
    });

    it('serves the OpenAPI document with every API route, and the docs page', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
      };
      expect(doc.openapi).toMatch(/^3\./);
      for (const r of w.app.apiRoutes.filter(
        (x) =>
          !x.url.startsWith('/api/v1/docs') &&
          !x.url.startsWith('/api/v1/probe') &&
          x.url !== '/api/v1/openapi.json',
      )) {
        const path = r.url.replace(/:(\w+)/g, '{$1}');
        expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
      }
      const page = await w.app.inject({ method: 'GET', url: '/api/v1/docs/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger-ui-bundle.js');
      expect(
        (await w.app.inject({ method: 'GET', url: '/api/v1/docs/static/swagger-ui-bundle.js' })).statusCode,
      ).toBe(200);
    });

    it('refuses to start with a route that declares no access rule', async () => {
      const bad: RouteModule = (app) => {
        app.get('/api/v1/unguarded', { schema: { response: { 200: { type: 'object' } } } }, async () => ({}));
      };
      await expect(buildServer(w.ctx, { extraRoutes: [bad] })).rejects.toThrow(/declares no config.access/);
    });
  });
}
