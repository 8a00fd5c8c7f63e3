import { insertBrief, markBriefPublished, setIncidentVisibility, type IncidentRecord } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../incidents/create-incident.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { briefsVisibleTo, ownedBrief } from './brief-access.ts';

// Who a brief belongs to (issue 13, docs/security.md "Briefs"): a draft only for a viewer who may
// see every incident it prints, as stored in it and as stored now. Real parts: the incident and
// brief tables on SQLite and PostgreSQL, the incidents made by the app's createIncident.
const viewerOf = (...orgs: string[]) => ({ organisationIds: orgs, networkOrganisationIds: [] });

for (const dialect of testDialects()) {
  describe(`briefs shown only to who may see their incidents, on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let kibhr = '';
    let lmc = '';
    let publicIncident: IncidentRecord;
    let kibhrPrivate: IncidentRecord;
    const brief = async (id: string, incidents: readonly IncidentRecord[]) =>
      insertBrief(ctx.store.db, {
        id,
        waveId: 'wave-1',
        title: id,
        lang: 'ru',
        markdown: '#',
        html: '<p>',
        data: JSON.stringify({ lang: 'ru', incidents }),
        createdAt: '2026-11-29T12:00:00.000Z',
      });
    const ids = async (viewer: Parameters<typeof briefsVisibleTo>[1]) =>
      (await briefsVisibleTo(ctx, viewer, { drafts: true })).map((b) => b.id).sort();

    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-11-29T12:00:00Z'));
      const a = await createOrganisation(ctx, { name: 'KIBHR' });
      const b = await createOrganisation(ctx, { name: 'LMC' });
      if (!a.ok || !b.ok) throw new Error('organisations');
      [kibhr, lmc] = [a.value.id, b.value.id];
      const made = async (visibility: string, org?: string) => {
        const r = await createIncident(ctx, {
          date: '2020-11-24',
          organisation: 'Echo',
          place: 'Almaty',
          action: 'summons',
          visibility,
          ...(org ? { org } : {}),
        });
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      publicIncident = await made('public');
      kibhrPrivate = await made('private', kibhr);
      await brief('brf_public_only', [publicIncident]);
      await brief('brf_with_private', [publicIncident, kibhrPrivate]);
      await brief('brf_published', [publicIncident, kibhrPrivate]);
      await markBriefPublished(ctx.store.db, 'brf_published', '2026-11-29T13:00:00.000Z');
    });
    afterAll(async () => ctx.close());

    it('a draft with a private incident is listed for its owner’s members only; a published one for all', async () => {
      expect(await ids(viewerOf(kibhr))).toEqual(['brf_public_only', 'brf_published', 'brf_with_private']);
      expect(await ids(viewerOf(lmc))).toEqual(['brf_public_only', 'brf_published']);
      expect(await ids('all')).toEqual(['brf_public_only', 'brf_published', 'brf_with_private']);
      const readers = await briefsVisibleTo(ctx, viewerOf(kibhr), { drafts: false });
      expect(readers.map((b) => b.id)).toEqual(['brf_published']);
    });

    it('another organisation’s monitor cannot open, change or publish it: it is not found', async () => {
      const refused = await ownedBrief(ctx, 'brf_with_private', viewerOf(lmc));
      expect(refused.ok ? 'found' : refused.error).toMatchObject({
        code: 'BRIEF_NOT_FOUND',
        field: 'briefId',
      });
      expect((await ownedBrief(ctx, 'brf_with_private', viewerOf(kibhr))).ok).toBe(true);
      // Published or not, changing a brief needs sight of all its incidents.
      expect((await ownedBrief(ctx, 'brf_published', viewerOf(lmc))).ok).toBe(false);
      expect((await ownedBrief(ctx, 'brf_public_only', viewerOf(lmc))).ok).toBe(true);
    });

    it('an incident made private since hides the draft from those who may no longer see it', async () => {
      await setIncidentVisibility(ctx.store.db, publicIncident.id, 'private', kibhr);
      try {
        expect(await ids(viewerOf(lmc))).toEqual(['brf_published']);
        expect(await ids(viewerOf(kibhr))).toContain('brf_public_only');
      } finally {
        await setIncidentVisibility(ctx.store.db, publicIncident.id, 'public', null);
      }
    });
  });
}
