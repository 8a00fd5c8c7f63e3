import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIncidents } from '@civic/store';
import { listAudit } from '../audit/audit-log.ts';
import { systemActor } from '../audit/with-audit.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { atomFeed } from './atom-feed.ts';
import { changeBriefSummary, setBriefPublished } from './brief-edit.ts';
import { briefVersions } from './brief-versions.ts';
import { incidentsFromCsv, reportedWaves } from './wave-detection.ts';
import { createWaveBrief, listWaveBriefs, renderWaveBrief } from './wave-briefs.ts';
import { detectWavesInDatabase } from './wave-incidents.ts';

// Real parts: the fixture's incidents in a real SQLite file and a real PostgreSQL database.
const FIXTURE = new URL('./fixtures/kz-2020-21-with-background.csv', import.meta.url);
const actor = systemActor('test');

for (const dialect of testDialects()) {
  describe(`briefs edited and taken back on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let briefId = '';
    let now = new Date('2026-11-30T10:00:00.000Z');
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => now);
      const parsed = incidentsFromCsv(readFileSync(FIXTURE), 'kz.csv');
      if (!parsed.ok) throw new Error(parsed.error.message);
      await insertIncidents(
        ctx.store.db,
        parsed.value.map((i) => ({ ...i, id: `inc_${i.id}`, createdAt: `${i.date}T12:00:00.000Z` })),
      );
      const detected = await detectWavesInDatabase(ctx, { replications: 99 });
      const wave = detected.ok ? reportedWaves(detected.value.waves)[0] : undefined;
      if (!wave) throw new Error('no wave');
      const made = await createWaveBrief(ctx, { waveId: wave.id, replications: 99, lang: 'ru' });
      if (!made.ok) throw new Error(made.error.message);
      briefId = made.value.brief.id;
    });
    afterAll(async () => ctx.close());

    it('lists a brief with its wave’s days and the generated summary, at version 1', async () => {
      const [b] = await listWaveBriefs(ctx);
      expect(b).toMatchObject({ id: briefId, version: 1, lang: 'ru' });
    });

    it('rewrites the summary from its version in every rendering, refuses a stale or empty one, audits it', async () => {
      const text = 'Наш текст: тринадцать уведомлений за две недели.';
      const changed = await changeBriefSummary(ctx, actor, briefId, 1, text);
      if (!changed.ok) throw new Error(changed.error.message);
      expect(changed.value).toMatchObject({ summary: text, version: 2 });
      expect(changed.value.waveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const format of ['md', 'html'] as const) {
        const r = await renderWaveBrief(ctx, briefId, format);
        expect(r.ok && new TextDecoder().decode(r.value.bytes)).toContain(text);
      }
      const stale = await changeBriefSummary(ctx, actor, briefId, 1, 'поздно');
      expect(stale.ok ? null : [stale.error.code, stale.error.field]).toEqual([
        'BRIEF_VERSION_CONFLICT',
        'version',
      ]);
      const empty = await changeBriefSummary(ctx, actor, briefId, 2, '  ');
      expect(empty.ok ? null : [empty.error.code, empty.error.field]).toEqual([
        'BRIEF_SUMMARY_INVALID',
        'summary',
      ]);
      const trail = await listAudit(ctx, { entity: 'brief', entityId: briefId });
      expect(trail[0]).toMatchObject({ action: 'update', before: { version: 1 }, after: { summary: text } });
    });

    it('publishes and takes back a brief: in the feed, then out of it; both audited', async () => {
      const published = await setBriefPublished(ctx, actor, briefId, true);
      expect(published.ok && published.value.publishedAt).toEqual(expect.any(String));
      const feed = async () => {
        const r = await atomFeed(ctx, { baseUrl: 'http://localhost' });
        return r.ok ? r.value : '';
      };
      expect(await feed()).toContain(briefId);
      const back = await setBriefPublished(ctx, actor, briefId, false);
      expect(back.ok && [back.value.publishedAt, back.value.visibility]).toEqual([null, 'private']);
      expect(await feed()).not.toContain(briefId);
      const trail = await listAudit(ctx, { entity: 'brief', entityId: briefId });
      expect(trail.slice(0, 2).map((e) => e.action)).toEqual(['unpublish', 'publish']);
      expect((await setBriefPublished(ctx, actor, 'brf_missing', false)).ok).toBe(false);
    });

    it('publishing a changed summary after an unpublish keeps the earlier text as a version; the feed has the latest', async () => {
      // The previous test published and took back the brief with the first summary.
      const [first] = await briefVersions(ctx, briefId);
      expect(first).toMatchObject({ summary: 'Наш текст: тринадцать уведомлений за две недели.' });
      const current = await listWaveBriefs(ctx);
      const version = current.find((b) => b.id === briefId)?.version ?? 0;
      const changed = await changeBriefSummary(
        ctx,
        actor,
        briefId,
        version,
        'Исправленный текст: четырнадцать уведомлений.',
      );
      expect(changed.ok).toBe(true);
      now = new Date('2026-12-01T09:00:00.000Z');
      const again = await setBriefPublished(ctx, actor, briefId, true);
      expect(again.ok && again.value.publishedAt).toBe('2026-12-01T09:00:00.000Z');
      const versions = await briefVersions(ctx, briefId);
      expect(versions.map((v) => [v.publishedAt, v.summary])).toEqual([
        ['2026-12-01T09:00:00.000Z', 'Исправленный текст: четырнадцать уведомлений.'],
        ['2026-11-30T10:00:00.000Z', 'Наш текст: тринадцать уведомлений за две недели.'],
      ]);
      expect(versions[1]?.markdown).toContain('тринадцать уведомлений');
      // Publishing what is published already makes no new version.
      await setBriefPublished(ctx, actor, briefId, true);
      expect(await briefVersions(ctx, briefId)).toHaveLength(2);
      // The feed in the brief's own language carries its latest text as the monitor wrote it.
      const feed = await atomFeed(ctx, { baseUrl: 'http://localhost', lang: 'ru' });
      const xml = feed.ok ? feed.value : '';
      expect(xml).toContain('четырнадцать уведомлений');
      expect(xml).not.toContain('тринадцать уведомлений за две недели');
    });
  });
}
