import { closeContext, openContext } from '@civic/app';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from './build-server.ts';
import type { RouteModule } from './routes/route-module.ts';

describe('server', () => {
  it('answers the health route on a real SQLite file', async () => {
    const ctx = await openContext(join(mkdtempSync(join(tmpdir(), 'civic-srv-')), 'db.sqlite'));
    const app = await buildServer(ctx);
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'sqlite' });
    await app.close();
    await closeContext(ctx);
  });

  it('answers bigint values as decimal text, deep inside or not at all', async () => {
    const ctx = await openContext(join(mkdtempSync(join(tmpdir(), 'civic-srv-')), 'db.sqlite'));
    const probe: RouteModule = (app) => {
      const schema = { hide: true, response: { 200: { type: 'object' } } };
      app.get('/api/v1/probe/big', { config: { access: 'public' }, schema }, async () => ({
        amount: 12345678901234567890n,
        rows: [{ minor: -5n, note: 'x' }],
        plain: 1.5,
      }));
      app.get('/api/v1/probe/plain', { config: { access: 'public' }, schema }, async () => ({
        text: 'a',
        n: 2,
        list: [true, null],
      }));
    };
    const app = await buildServer(ctx, { extraRoutes: [probe] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/probe/big' })).body).toBe(
      '{"amount":"12345678901234567890","rows":[{"minor":"-5","note":"x"}],"plain":1.5}',
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/probe/plain' })).body).toBe(
      '{"text":"a","n":2,"list":[true,null]}',
    );
    await app.close();
    await closeContext(ctx);
  });
});
