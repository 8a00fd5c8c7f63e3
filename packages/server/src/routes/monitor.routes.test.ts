import { readFileSync } from 'node:fs';
import { createIncident, importIncidents, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';
import { TOTAL_CAP } from './incidents.routes.ts';

// API tests for the monitor's routes (incidents, waves, briefs, the Atom feed): happy path, bad
// input (400 with code and field), no session (401), wrong role (403) and what visibility hides.
// Real parts: Fastify through inject(), the 2020–21 incident fixture imported through the app, the
// wave scan with worker threads, a SQLite file and a PostgreSQL database.
const FIXTURE = readFileSync(
  new URL('../../../app/src/waves/fixtures/kz-2020-21-with-background.csv', import.meta.url),
);

for (const dialect of testDialects()) {
  describe(`monitor routes on ${dialect}`, () => {
    let w: TestWorld;
    let monitor: TestClient;
    let viewer: TestClient;
    let outsider: TestClient;
    beforeAll(async () => {
      w = await testWorld(dialect);
      const orgA = await w.org('Alpha Org');
      const orgB = await w.org('Beta Org');
      const imported = await importIncidents(w.ctx, { bytes: new Uint8Array(FIXTURE), fileName: 'kz.csv' });
      if (!imported.ok) throw new Error(imported.error.message);
      for (const [org, word] of [
        [orgA, 'alphasecret'],
        [orgB, 'betasecret'],
      ] as const) {
        const r = await createIncident(w.ctx, {
          date: '2020-11-20',
          organisation: 'Someone',
          place: 'Almaty',
          action: 'inspection',
          visibility: 'private',
          org,
          notes: word,
        });
        if (!r.ok) throw new Error(r.error.message);
      }
      monitor = await w.client(await w.user('mon@a.test', { [orgA]: 'monitor' }), 'mon');
      viewer = await w.client(await w.user('view@a.test', { [orgA]: 'viewer' }), 'view');
      outsider = await w.client(await w.user('out@b.test', { [orgB]: 'viewer' }), 'out');
    });
    afterAll(async () => w.close());

    const code = (res: { statusCode: number; json(): unknown }) => [
      res.statusCode,
      (res.json() as { error?: { code: string; field?: string } }).error,
    ];
    type Page = {
      incidents: { id: string; date: string; notes: string | null; organisation: string }[];
      hasMore: boolean;
      next: string | null;
      total?: number;
      totalCapped?: boolean;
    };

    it('searches incidents with filters and pages, showing only what the user may see', async () => {
      const all = (await monitor.request('GET', '/api/v1/incidents?limit=1000&total=true')).json() as Page;
      expect([all.total, all.totalCapped]).toEqual([all.incidents.length, false]);
      expect(all.incidents.some((i) => i.notes === 'alphasecret')).toBe(true);
      expect(all.incidents.some((i) => i.notes === 'betasecret')).toBe(false);
      expect(
        ((await outsider.request('GET', '/api/v1/incidents?q=alphasecret')).json() as Page).incidents,
      ).toEqual([]);
      expect(
        ((await outsider.request('GET', '/api/v1/incidents?q=betasecret')).json() as Page).incidents,
      ).toHaveLength(1);
      const nov = (
        await viewer.request('GET', '/api/v1/incidents?from=2020-11-01&to=2020-11-30&limit=1000')
      ).json() as Page;
      expect(nov.incidents.length).toBeGreaterThan(5);
      expect(nov.incidents.every((i) => i.date >= '2020-11-01' && i.date <= '2020-11-30')).toBe(true);
      const first = (await viewer.request('GET', '/api/v1/incidents?limit=2')).json() as Page;
      expect(first.hasMore).toBe(true);
      const second = (
        await viewer.request('GET', `/api/v1/incidents?limit=2&after=${first.next ?? ''}`)
      ).json() as Page;
      expect(second.incidents.map((i) => i.id)).not.toContain(first.incidents[0]?.id);
      expect(code(await viewer.request('GET', '/api/v1/incidents?from=November'))).toEqual([
        400,
        expect.objectContaining({ code: 'SEARCH_DATE_INVALID', field: 'from' }),
      ]);
      expect(code(await viewer.request('GET', '/api/v1/incidents?action=dancing'))).toEqual([
        400,
        expect.objectContaining({ code: 'SEARCH_ACTION_UNKNOWN', field: 'action' }),
      ]);
      expect(code(await viewer.request('GET', '/api/v1/incidents?limit=0'))).toEqual([
        400,
        expect.objectContaining({ code: 'REQUEST_INVALID', field: 'limit' }),
      ]);
      expect(code(await viewer.request('GET', '/api/v1/incidents?from=2020-12-01&to=2020-11-01'))).toEqual([
        400,
        expect.objectContaining({ code: 'SEARCH_RANGE_INVALID', field: 'from' }),
      ]);
      // A cursor that is not a previous page's `next`: another JSON shape, a JSON string, a bad date or seq, not JSON at all.
      const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      for (const after of [
        'eyJ4IjoxfQ',
        'InN0ciI',
        cursor(null),
        cursor([1]),
        cursor({ date: '2020-13-01', seq: '1' }),
        cursor({ date: '2020-11-01', seq: 'x' }),
        cursor({ date: '2020-11-01', seq: 5 }),
        'not-json%21',
      ]) {
        expect(code(await viewer.request('GET', `/api/v1/incidents?after=${after}`)), after).toEqual([
          400,
          expect.objectContaining({ code: 'REQUEST_INVALID', field: 'after' }),
        ]);
      }
      expect(code(await w.anonymous.request('GET', '/api/v1/incidents'))).toEqual([
        401,
        expect.objectContaining({ code: 'AUTH_REQUIRED' }),
      ]);
    });

    it('summarises incidents per week and month with places for the map', async () => {
      const s = (
        await viewer.request('GET', '/api/v1/incidents/summary?from=2020-10-01&to=2021-01-31')
      ).json() as {
        count: number;
        months: { month: string; count: number }[];
        weeks: { week: string; count: number }[];
        places: { name: string; latitude: number }[];
        outline: unknown[];
      };
      const nov = (
        await viewer.request('GET', '/api/v1/incidents?from=2020-11-01&to=2020-11-30&limit=1000')
      ).json() as Page;
      expect(s.months.find((m) => m.month === '2020-11')?.count).toBe(nov.incidents.length);
      expect(s.months.map((m) => m.month)).toEqual(
        ['2020-10', '2020-11', '2020-12', '2021-01'].filter((m) => s.months.some((x) => x.month === m)),
      );
      expect(s.weeks.reduce((n, x) => n + x.count, 0)).toBe(s.count);
      expect(s.places.length).toBeGreaterThan(3);
      expect(s.outline.length).toBeGreaterThan(20);
      expect(code(await viewer.request('GET', '/api/v1/incidents/summary?to=31.01.2021'))).toEqual([
        400,
        expect.objectContaining({ field: 'to' }),
      ]);
      expect(
        code(await viewer.request('GET', '/api/v1/incidents/summary?from=2021-01-31&to=2020-10-01')),
      ).toEqual([400, expect.objectContaining({ code: 'SEARCH_RANGE_INVALID', field: 'from' })]);
      expect(Object.keys(s)).toEqual(['count', 'truncated', 'weeks', 'months', 'places', 'outline']);
      expect((s as unknown as { truncated: boolean }).truncated).toBe(false);
      expect(code(await w.anonymous.request('GET', '/api/v1/incidents/summary'))[0]).toBe(401);
    });

    it('detects the November 2020 wave, writes a brief, previews and publishes it, and the feed lists it', async () => {
      const waves = (await monitor.request('GET', '/api/v1/waves?replications=99')).json() as {
        seed: number;
        waves: { id: string; from: string; to: string }[];
      };
      expect(waves.seed).toBe(1);
      const nov = waves.waves.find((x) => x.from >= '2020-10-15' && x.from <= '2020-11-30');
      expect(nov, 'a wave in November 2020').toBeDefined();
      expect(code(await monitor.request('GET', '/api/v1/waves?seed=-1'))).toEqual([
        400,
        expect.objectContaining({ field: 'seed' }),
      ]);
      expect(code(await monitor.request('GET', '/api/v1/waves?from=2021-01-01&to=2020-01-01'))).toEqual([
        400,
        expect.objectContaining({ code: 'WAVES_RANGE_INVALID', field: 'from' }),
      ]);
      expect(code(await w.anonymous.request('GET', '/api/v1/waves'))[0]).toBe(401);

      const body = { waveId: nov?.id ?? '', replications: 99 };
      expect(code(await viewer.request('POST', '/api/v1/briefs', body))).toEqual([
        403,
        expect.objectContaining({ code: 'AUTH_FORBIDDEN' }),
      ]);
      expect(code(await monitor.request('POST', '/api/v1/briefs', { ...body, lang: 'de' }))).toEqual([
        400,
        expect.objectContaining({ code: 'REQUEST_INVALID', field: 'lang' }),
      ]);
      const kk = await monitor.request('POST', '/api/v1/briefs', { ...body, lang: 'kk' });
      expect(kk.statusCode).toBe(201);
      expect(kk.json()).toMatchObject({
        lang: 'kk',
        title: expect.stringMatching(/^(Үйлестірілген толқын|Кластер): .*жылғы/),
      });
      expect(
        (await monitor.request('GET', `/api/v1/briefs/${(kk.json() as { id: string }).id}`)).body,
      ).toContain('<html lang="kk">');
      expect(
        code(await monitor.request('POST', '/api/v1/briefs', { ...body, waveId: 'no-such-wave' })),
      ).toEqual([404, expect.objectContaining({ code: 'WAVE_NOT_FOUND' })]);
      expect(code(await w.anonymous.request('POST', '/api/v1/briefs', body))[0]).toBe(401);
      const made = await monitor.request('POST', '/api/v1/briefs', body);
      expect(made.statusCode).toBe(201);
      const brief = made.json() as { id: string; title: string; publishedAt: string | null };
      expect(brief.publishedAt).toBeNull();

      const preview = await monitor.request('GET', `/api/v1/briefs/${brief.id}`);
      expect(preview.headers['content-type']).toContain('text/html');
      expect(preview.body).toContain('<svg');
      // Framed by the app's preview only; no scripts may run in it.
      expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(preview.headers['content-security-policy']).toMatch(
        /default-src 'none'.*frame-ancestors 'self'/,
      );
      expect((await monitor.request('GET', '/api/v1/briefs')).headers['x-frame-options']).toBe('DENY');
      expect(code(await viewer.request('GET', `/api/v1/briefs/${brief.id}`))).toEqual([
        404,
        expect.objectContaining({ code: 'BRIEF_NOT_FOUND' }),
      ]);
      expect(
        ((await viewer.request('GET', '/api/v1/briefs')).json() as { briefs: unknown[] }).briefs,
      ).toEqual([]);
      expect((await w.anonymous.request('GET', '/api/v1/feed.atom')).body).not.toContain(brief.id);

      expect(code(await viewer.request('POST', `/api/v1/briefs/${brief.id}/publish`))[0]).toBe(403);
      expect(code(await monitor.request('POST', '/api/v1/briefs/brf_none/publish'))).toEqual([
        404,
        expect.objectContaining({ code: 'BRIEF_NOT_FOUND' }),
      ]);
      expect(code(await w.anonymous.request('POST', `/api/v1/briefs/${brief.id}/publish`))[0]).toBe(401);
      const published = (await monitor.request('POST', `/api/v1/briefs/${brief.id}/publish`)).json() as {
        publishedAt: string | null;
      };
      expect(published.publishedAt).not.toBeNull();

      const feed = await w.anonymous.request('GET', '/api/v1/feed.atom');
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('application/atom+xml');
      expect(feed.body).toContain(`urn:civicledger:brief:${brief.id}`);
      expect(feed.body).not.toContain('alphasecret');
      expect((await w.anonymous.request('GET', `/api/v1/briefs/${brief.id}`)).statusCode).toBe(200);
      expect(
        ((await viewer.request('GET', '/api/v1/briefs')).json() as { briefs: { id: string }[] }).briefs.map(
          (b) => b.id,
        ),
      ).toEqual([brief.id]);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`monitor routes on ${dialect}: more incidents than the route counts`, () => {
    let w: TestWorld;
    let viewer: TestClient;
    const n = TOTAL_CAP + 1;
    beforeAll(async () => {
      w = await testWorld(dialect);
      const org = await w.org('Alpha Org');
      const rows = Array.from(
        { length: n },
        (_, i) =>
          `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},Org ${i % 7},Almaty,,,,${i === 0 ? 'fine' : 'notice'},,,,,,row ${i}`,
      );
      const csv = `date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n${rows.join('\n')}\n`;
      const imported = await importIncidents(w.ctx, {
        bytes: new TextEncoder().encode(csv),
        fileName: 'many.csv',
      });
      if (!imported.ok) throw new Error(imported.error.message);
      viewer = await w.client(await w.user('view@a.test', { [org]: 'viewer' }), 'view');
    });
    afterAll(async () => w.close());

    it('counts up to the cap and says so; a narrower search is counted exactly; the summary counts every one', async () => {
      const page = (await viewer.request('GET', '/api/v1/incidents?total=true&limit=1')).json() as {
        total: number;
        totalCapped: boolean;
        hasMore: boolean;
      };
      expect([page.total, page.totalCapped, page.hasMore]).toEqual([TOTAL_CAP, true, true]);
      const fine = (await viewer.request('GET', '/api/v1/incidents?total=true&action=fine')).json() as {
        total: number;
        totalCapped: boolean;
      };
      expect([fine.total, fine.totalCapped]).toEqual([1, false]);
      expect(
        Object.keys((await viewer.request('GET', '/api/v1/incidents?limit=1')).json() as object),
      ).not.toContain('total');
      const summary = (await viewer.request('GET', '/api/v1/incidents/summary')).json() as {
        count: number;
        truncated: boolean;
        months: { count: number }[];
        places: { name: string; count: number }[];
      };
      expect([summary.count, summary.truncated, summary.months.reduce((k, m) => k + m.count, 0)]).toEqual([
        n,
        false,
        n,
      ]);
      expect(summary.places).toEqual([expect.objectContaining({ name: 'Almaty', count: n })]);
    });
  });
}
