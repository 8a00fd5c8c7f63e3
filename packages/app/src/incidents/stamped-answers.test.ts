import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertIncidents,
  openConnection,
  sampleIncident,
  setIncidentVisibility,
  type NewIncident,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { searchIncidents } from './search-incidents.ts';
import { summarizeIncidents } from './summarize-incidents.ts';

const incident = (id: string, date: string): NewIncident =>
  sampleIncident(id, date, { latitude: 43.25, longitude: 76.95, notes: 'grant audit' });

// Real parts: one SQLite file or PostgreSQL database, and two contexts on it with their own
// connections, as two server processes have. Pages and summaries are kept on both dialects while
// no incident changes; a change made through the other context is seen on the next request.
for (const dialect of testDialects()) {
  describe(`kept incident answers on ${dialect} across two connections`, () => {
    let a: Awaited<ReturnType<typeof freshContext>>;
    let b: AppContext;
    beforeAll(async () => {
      a = await freshContext(dialect);
      b = { store: openConnection(a.url), now: () => new Date() };
      await insertIncidents(a.store.db, [incident('k1', '2021-01-05'), incident('k2', '2021-01-06')]);
    });
    afterAll(async () => {
      await b.store.close();
      await a.close();
    });
    const page = async (q?: string) => {
      const s = await searchIncidents(a, { ...(q === undefined ? {} : { q }), limit: 10, withTotal: true });
      if (!s.ok) throw new Error(s.error.message);
      return s.value;
    };
    const summary = async () => {
      const s = await summarizeIncidents(a, { q: 'grant' });
      if (!s.ok) throw new Error(s.error.message);
      return s.value;
    };

    it('keeps a page and a summary while nothing changes, and answers afresh after the other writes', async () => {
      const first = await page();
      const firstText = await page('grant');
      const firstSummary = await summary();
      expect(first.incidents.map((i) => i.id)).toEqual(['k2', 'k1']);
      // Kept: the very same objects (no search, no count).
      expect((await page()).incidents).toBe(first.incidents);
      expect((await page('grant')).incidents).toBe(firstText.incidents);
      expect(await summary()).toBe(firstSummary);

      await insertIncidents(b.store.db, [incident('k3', '2021-01-07')]);
      const added = await page();
      expect(added.incidents.map((i) => i.id)).toEqual(['k3', 'k2', 'k1']);
      expect(added.total).toBe(3);
      expect((await page('grant')).incidents.map((i) => i.id)).toEqual(['k3', 'k2', 'k1']);
      expect((await summary()).count).toBe(firstSummary.count + 1);

      await setIncidentVisibility(b.store.db, 'k2', 'private', null);
      expect((await page()).incidents.map((i) => i.id)).toEqual(['k3', 'k1']);
      expect((await summary()).count).toBe(firstSummary.count);
    });
  });
}
