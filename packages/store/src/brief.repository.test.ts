import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimBriefVersion,
  getBrief,
  insertBrief,
  listBriefs,
  markBriefPublished,
  markBriefUnpublished,
  updateBriefContent,
} from './brief.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`briefs on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const brief = (id: string, createdAt: string) => ({
      id,
      waveId: 'w-20201117-20201126-notice',
      title: `Brief ${id}`,
      lang: 'en',
      markdown: '# Wave',
      html: '<h1>Wave</h1>',
      data: '{"lang":"en"}',
      createdAt,
    });

    it('stores a brief private and unpublished, and reads it back whole', async () => {
      await insertBrief(store.db, brief('brf_a', '2026-11-30T10:00:00.000Z'));
      const b = await getBrief(store.db, 'brf_a');
      expect(b).toEqual({
        ...brief('brf_a', '2026-11-30T10:00:00.000Z'),
        visibility: 'private',
        publishedAt: null,
        version: 1,
      });
      expect(await getBrief(store.db, 'nope')).toBeUndefined();
    });

    it('publishes once: public, with the first publication date kept', async () => {
      await insertBrief(store.db, brief('brf_b', '2026-11-30T11:00:00.000Z'));
      expect(await listBriefs(store.db, { publishedOnly: true })).toEqual([]);
      const p = await markBriefPublished(store.db, 'brf_b', '2026-12-01T09:00:00.000Z');
      expect(p?.visibility).toBe('public');
      expect(p?.publishedAt).toBe('2026-12-01T09:00:00.000Z');
      const again = await markBriefPublished(store.db, 'brf_b', '2026-12-02T09:00:00.000Z');
      expect(again?.publishedAt).toBe('2026-12-01T09:00:00.000Z');
      expect((await listBriefs(store.db, { publishedOnly: true })).map((x) => x.id)).toEqual(['brf_b']);
      expect((await listBriefs(store.db)).map((x) => x.id).sort()).toEqual(['brf_a', 'brf_b']);
      expect(await markBriefPublished(store.db, 'missing', '2026-12-01T09:00:00.000Z')).toBeUndefined();
    });

    it('changes a brief from its version only, rewrites its text and takes it back from publication', async () => {
      await insertBrief(store.db, brief('brf_c', '2026-11-30T12:00:00.000Z'));
      expect(await claimBriefVersion(store.db, 'brf_c', 1)).toBe('done');
      expect(await claimBriefVersion(store.db, 'brf_c', 1)).toBe('stale');
      expect(await claimBriefVersion(store.db, 'missing', 1)).toBe('not-found');
      const edited = await updateBriefContent(store.db, 'brf_c', {
        title: 'Edited',
        markdown: '# Edited',
        html: '<h1>Edited</h1>',
        data: '{"lang":"en","summary":"Edited"}',
      });
      expect(edited).toMatchObject({ title: 'Edited', markdown: '# Edited', version: 2 });
      await markBriefPublished(store.db, 'brf_c', '2026-12-01T10:00:00.000Z');
      const back = await markBriefUnpublished(store.db, 'brf_c');
      expect([back?.visibility, back?.publishedAt]).toEqual(['private', null]);
      expect((await listBriefs(store.db, { publishedOnly: true })).map((x) => x.id)).not.toContain('brf_c');
    });
  });
}
