import { closeContext, openContext } from '@civic/app';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from './build-server.ts';

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
});
