import { createIncident, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

// The incidents route keeps the body of a kept page per language (keptJsonBody): the same page
// asked again answers the same body in each language, and a new incident is in the next answer.
// Real parts: Fastify through inject(), the app's incident writes, a SQLite file and a PostgreSQL
// database (pages are kept on both).
for (const dialect of testDialects()) {
  describe(`incident pages' kept bodies on ${dialect}`, () => {
    let w: TestWorld;
    let viewer: TestClient;
    let org: string;
    const add = async (notes: string, date: string) => {
      const r = await createIncident(w.ctx, {
        date,
        organisation: 'Someone',
        place: 'Almaty',
        action: 'inspection',
        visibility: 'private',
        org,
        notes,
      });
      if (!r.ok) throw new Error(r.error.message);
    };
    beforeAll(async () => {
      w = await testWorld(dialect);
      org = await w.org('Alpha Org');
      viewer = await w.client(await w.user('view@a.test', { [org]: 'viewer' }), 'view');
      await add('first', '2021-03-01');
    });
    afterAll(async () => w.close());

    type Page = { incidents: { notes: string; actionLabel: string }[]; total: number };
    const get = async (lang: string) => {
      const res = await viewer.request('GET', '/api/v1/incidents?limit=5&total=true', undefined, {
        'accept-language': lang,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      return { text: res.body, page: res.json() as Page };
    };

    it('answers a kept page with the same body in each language, and a new incident in the next', async () => {
      const en = await get('en');
      const ru = await get('ru');
      expect(en.page.incidents.map((i) => i.notes)).toEqual(['first']);
      expect(en.page.incidents[0]?.actionLabel).not.toBe(ru.page.incidents[0]?.actionLabel);
      expect((await get('en')).text).toBe(en.text);
      expect((await get('ru')).text).toBe(ru.text);
      await add('second', '2021-03-02');
      const after = await get('ru');
      expect(after.page.incidents.map((i) => i.notes)).toEqual(['second', 'first']);
      expect(after.page.total).toBe(2);
      expect(after.page.incidents[1]?.actionLabel).toBe(ru.page.incidents[0]?.actionLabel);
    });
  });
}
