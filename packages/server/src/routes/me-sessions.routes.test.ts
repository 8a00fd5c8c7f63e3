import { testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, TEST_PASSWORD, testWorld, type TestWorld } from '../http-test-kit.ts';

// GET /api/v1/me/sessions and DELETE /api/v1/me/sessions/{id} (issue 15). Real parts: Fastify
// through inject(), the sign-in route with its User-Agent, argon2id, SQLite and PostgreSQL.
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

interface Listed {
  sessions: { id: string; browser: string | null; system: string | null; current: boolean }[];
}

for (const dialect of testDialects()) {
  describe(`/api/v1/me/sessions on ${dialect}`, () => {
    let w: TestWorld;
    beforeAll(async () => {
      w = await testWorld(dialect);
      await w.user('ann@x.test', {});
      await w.user('bob@x.test', {});
    });
    afterAll(async () => w.close());

    const signIn = async (email: string, ua?: string) => {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: TEST_PASSWORD },
        headers: ua ? { 'user-agent': ua } : {},
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookies = cookiesOf(res);
      const csrf = cookies['civic_csrf'] ?? '';
      return (method: 'GET' | 'DELETE', url: string) =>
        w.app.inject({ method, url, cookies, headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
    };

    it('lists your sessions and ends one of them, but never those of another user', async () => {
      const laptop = await signIn('ann@x.test', FIREFOX);
      const phone = await signIn('ann@x.test', 'curl/8.5.0');
      const bob = await signIn('bob@x.test');
      const listed = (await laptop('GET', '/api/v1/me/sessions')).json() as Listed;
      expect(listed.sessions).toHaveLength(2);
      const here = listed.sessions.find((s) => s.current);
      const there = listed.sessions.find((s) => !s.current);
      expect(here).toMatchObject({ browser: 'Firefox', system: 'Windows' });
      expect(there).toMatchObject({ browser: 'curl', system: null });
      expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);

      // Bob cannot end Ann's session: it is not his.
      const refused = await bob('DELETE', `/api/v1/me/sessions/${there?.id ?? ''}`);
      expect([refused.statusCode, (refused.json() as { error: { code: string } }).error.code]).toEqual([
        404,
        'SESSION_NOT_FOUND',
      ]);
      expect((await phone('GET', '/api/v1/me')).statusCode).toBe(200);

      const ended = await laptop('DELETE', `/api/v1/me/sessions/${there?.id ?? ''}`);
      expect([ended.statusCode, ended.json()]).toEqual([200, { ok: true }]);
      expect((await phone('GET', '/api/v1/me')).statusCode).toBe(401);
      expect(((await laptop('GET', '/api/v1/me/sessions')).json() as Listed).sessions).toHaveLength(1);
      const again = await laptop('DELETE', `/api/v1/me/sessions/${there?.id ?? ''}`);
      expect(again.statusCode).toBe(404);
    });
  });
}
