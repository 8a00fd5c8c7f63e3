import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testWorld, type TestWorld } from '../http-test-kit.ts';
import type { RouteModule } from '../routes/route-module.ts';

// The server's log as `npm start` writes it: one JSON line per request, errors with their stack,
// no secrets. Real parts: Fastify's pino logger writing to a captured stream, inject(), argon2id,
// a SQLite file (the log does not depend on the dialect).
const broken: RouteModule = (app) => {
  app.get(
    '/api/v1/probe/broken/:thing',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: { type: 'object' } } } },
    async () => {
      throw new Error('the disk is full');
    },
  );
};

describe.each(testDialects().slice(0, 1))('the request log (%s)', (dialect) => {
  let w: TestWorld;
  const lines: string[] = [];
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  beforeAll(async () => {
    w = await testWorld(dialect, {
      extraRoutes: [broken],
      logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } },
    });
    await w.user('person@x.test', {});
  });
  afterAll(async () => w.close());

  it('writes one JSON line per request: method, route pattern, status, time in ms, request id', async () => {
    lines.length = 0;
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/orgs/org_secret123/ledger/receipts' });
    expect(res.statusCode).toBe(401);
    expect(lines).toHaveLength(1);
    const [line] = entries();
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      route: '/api/v1/orgs/:orgId/ledger/receipts',
      status: 401,
      requestId: (res.json() as { error: { requestId: string } }).error.requestId,
    });
    expect(typeof line?.['ms']).toBe('number');
    expect(lines[0]).not.toContain('org_secret123');
    await w.app.inject({ method: 'GET', url: '/api/v1/no/such/route' });
    expect(entries()[1]).toMatchObject({ status: 404, route: '(no route)' });
  });

  it('writes no body, cookie, header or password', async () => {
    lines.length = 0;
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'person@x.test', password: TEST_PASSWORD },
      cookies: { civic_session: 'cookie-value-42' },
      headers: { authorization: 'Bearer token-value-42' },
    });
    expect(res.statusCode).toBe(200);
    const log = lines.join('');
    expect(entries().map((e) => [e['route'], e['status']])).toEqual([['/api/v1/session', 200]]);
    for (const secret of [TEST_PASSWORD, 'person@x.test', 'cookie-value-42', 'token-value-42', 'civic_csrf'])
      expect(log).not.toContain(secret);
  });

  it('logs an unexpected error with its stack, then the 500 request line with the same id', async () => {
    lines.length = 0;
    const res = await w.app.inject({ method: 'GET', url: '/api/v1/probe/broken/x' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('the disk is full');
    const [error, request] = entries();
    const err = error?.['err'] as { message: string; stack: string } | undefined;
    expect(error).toMatchObject({ level: 50, msg: 'unexpected error' });
    expect(err?.message).toBe('the disk is full');
    expect(err?.stack).toMatch(/request-log\.test\.ts/);
    expect(request).toMatchObject({ status: 500, route: '/api/v1/probe/broken/:thing' });
    expect(request?.['requestId']).toBe(error?.['requestId']);
  });
});
