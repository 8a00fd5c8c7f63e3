import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshContext, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.ts';
import { jsonDepth, JSON_BODY_LIMIT, MAX_JSON_DEPTH } from './body-limits.ts';

// Issue 12, defect 10: a 24 MB body of nested brackets, unauthenticated, to /api/v1/session or to
// no route at all, blocked the process for 9–11 s. Real parts: Fastify through inject() and over
// a real socket, a SQLite file or PostgreSQL database.
const BRACKETS_24MB = '['.repeat(24 * 1024 * 1024);

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('"[[[[\\"[["')).toBe(0);
    expect(jsonDepth('[[[[[[', 3)).toBe(4);
  });
});

for (const dialect of testDialects()) {
  describe(`request bodies on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let app: Awaited<ReturnType<typeof buildServer>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      app = await buildServer(ctx);
    });
    afterAll(async () => {
      await app.close();
      await ctx.close();
    });
    const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': 'application/json', ...headers },
      });

    it('refuses a body over 64 KB with 413 and the usual error body, before parsing it', async () => {
      const res = await post('/api/v1/session', BRACKETS_24MB);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        error: { code: 'REQUEST_BODY_TOO_LARGE', field: 'body', requestId: expect.any(String) as unknown },
      });
      expect(res.headers['connection']).toBe('close');
      // Just over the limit is refused; a login of ordinary size is not.
      expect((await post('/api/v1/session', ' '.repeat(JSON_BODY_LIMIT + 1))).statusCode).toBe(413);
      const ok = await post(
        '/api/v1/session',
        JSON.stringify({ email: 'a@x.test', password: 'wrong password' }),
      );
      expect(ok.statusCode).toBe(401);
    });

    it('refuses JSON nested deeper than the cap before parsing it (400 naming the body)', async () => {
      const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
      const res = await post('/api/v1/session', deep);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'REQUEST_JSON_TOO_DEEP', field: 'body' } });
      // Brackets inside a string are not nesting.
      const inString = JSON.stringify({ email: 'a@x.test', password: '['.repeat(1000) });
      expect((await post('/api/v1/session', inString)).statusCode).toBe(401);
    });

    it('never parses a body on a 404: malformed JSON to no route is 404, not 400', async () => {
      for (const url of ['/api/v1/nothing-here', '/api/v2/session', '/no/such/page']) {
        const res = await post(url, '{{{ not json');
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
      const huge = await post('/api/v1/nothing-here', BRACKETS_24MB);
      expect([404, 413]).toContain(huge.statusCode);
    });

    it('an upload route takes its larger body only from a signed-in user (401 before reading it)', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/org_x/ledger/imports?fileName=a.csv',
        payload: Buffer.alloc(2 * 1024 * 1024, 0x41),
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(res.statusCode).toBe(401);
    });
  });
}

describe('request bodies over a real socket (SQLite)', () => {
  it('answers 413 from the Content-Length while health still answers', async () => {
    const ctx = await freshContext('sqlite');
    const app = await buildServer(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const send = (path: string, body: string | undefined, chunked = false) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const headers: Record<string, string | number> = { 'content-type': 'application/json' };
        if (body !== undefined && !chunked) headers['content-length'] = Buffer.byteLength(body);
        const req = request(
          { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        // The server may close the connection before the whole body is written: that is the point.
        req.on('error', (e: NodeJS.ErrnoException) =>
          e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
        );
        if (body === undefined) req.end();
        else if (chunked) {
          // No Content-Length: the body streams in 1 MB chunks until the server stops it.
          const chunk = '['.repeat(1024 * 1024);
          let sent = 0;
          const more = () => {
            while (sent < 24 && req.write(chunk)) sent++;
            if (sent < 24) req.once('drain', () => (sent++, more()));
            else req.end();
          };
          more();
        } else req.end(body);
      });
    try {
      const [big, chunked, health] = await Promise.all([
        send('/api/v1/session', BRACKETS_24MB),
        send('/api/v1/nothing-here', undefined, true),
        send('/api/v1/health', undefined),
      ]);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toMatchObject({ error: { code: 'REQUEST_BODY_TOO_LARGE' } });
      expect(chunked.status).toBe(404);
      expect(health.status).toBe(200);
    } finally {
      await app.close();
      await ctx.close();
    }
  });
});
