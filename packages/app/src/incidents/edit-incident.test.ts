import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import { listAudit } from '../audit/audit-log.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { changeIncident, createIncidentAs, readIncident, type IncidentEditor } from './edit-incident.ts';
import { searchIncidents } from './search-incidents.ts';

const actor = systemActor('test');
const editorOf = (orgId: string, role: 'monitor' | 'viewer' | 'admin'): IncidentEditor => ({
  organisationIds: [orgId],
  networkOrganisationIds: [],
  memberships: [{ organisationId: orgId, role }],
});
const FIELDS = {
  date: '2020-11-24',
  organisation: 'Erkindik Kanaty',
  place: 'Уральск',
  authority: 'Department of State Revenue',
  action: 'summons',
  legalBasis: 'CoAO 460-1',
  sources: [{ url: 'https://example.org/news/1' }],
  notes: 'вызов бухгалтера',
};

for (const dialect of testDialects()) {
  describe(`incidents entered and changed from the web on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let kibhr = '';
    let lmc = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-11-29T12:00:00Z'));
      const a = await createOrganisation(ctx, { name: 'KIBHR' });
      const b = await createOrganisation(ctx, { name: 'LMC' });
      if (!a.ok || !b.ok) throw new Error('organisations');
      kibhr = a.value.id;
      lmc = b.value.id;
    });
    afterAll(async () => ctx.close());

    it('enters an incident owned by the monitor’s organisation, the place resolved through the gazetteer, audited', async () => {
      const made = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), FIELDS);
      if (!made.ok) throw new Error(made.error.message);
      expect(made.value).toMatchObject({
        place: 'Uralsk',
        region: 'West Kazakhstan Region',
        ownerOrganisationId: kibhr,
        visibility: 'public',
        version: 1,
        promotedFrom: null,
      });
      const trail = await listAudit(ctx, { entity: 'incident', entityId: made.value.id });
      expect(trail.map((e) => [e.action, e.before])).toEqual([['create', null]]);
      expect(trail[0]?.after).toMatchObject({ place: 'Uralsk', version: 1 });
    });

    it('refuses an unknown place with close names, never a guess, and names each bad field', async () => {
      const r = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), {
        ...FIELDS,
        place: 'Uralskk',
      });
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'INCIDENT_PLACE_UNKNOWN',
        field: 'place',
        details: { suggestions: expect.arrayContaining(['Uralsk']) },
      });
      const bad = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), {
        ...FIELDS,
        action: 'dance',
      });
      expect(bad.ok ? null : [bad.error.code, bad.error.field]).toEqual([
        'INCIDENT_ACTION_UNKNOWN',
        'action',
      ]);
      const viewer = await createIncidentAs(ctx, actor, editorOf(kibhr, 'viewer'), FIELDS);
      expect(viewer.ok ? null : viewer.error.code).toBe('AUTH_FORBIDDEN');
      const elsewhere = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), {
        ...FIELDS,
        org: lmc,
      });
      expect(elsewhere.ok ? null : elsewhere.error.code).toBe('ORG_NOT_FOUND');
    });

    it('changes an incident from its version only; a stale version is a conflict naming `version`', async () => {
      const monitor = editorOf(kibhr, 'monitor');
      const made = await createIncidentAs(ctx, actor, monitor, { ...FIELDS, notes: 'zhanaozenword' });
      if (!made.ok) throw new Error(made.error.message);
      const id = made.value.id;
      const changed = await changeIncident(ctx, actor, monitor, id, 1, {
        place: 'Жанаозен',
        penaltyMci: 100,
      });
      if (!changed.ok) throw new Error(changed.error.message);
      expect(changed.value).toMatchObject({ place: 'Zhanaozen', penaltyMci: 100, version: 2 });
      expect(changed.value.latitude).not.toBe(made.value.latitude);
      const stale = await changeIncident(ctx, actor, monitor, id, 1, { notes: 'late' });
      expect(stale.ok ? null : [stale.error.code, stale.error.field]).toEqual([
        'INCIDENT_VERSION_CONFLICT',
        'version',
      ]);
      const invalid = await changeIncident(ctx, actor, monitor, id, 2, { penaltyMci: -1 });
      expect(invalid.ok ? null : invalid.error.field).toBe('penalty_mci');
      expect(
        (await readIncident(ctx, monitor, id)).ok && (await readIncident(ctx, monitor, id)),
      ).toMatchObject({
        value: { version: 2, penaltyMci: 100 },
      });
      const ranged = await changeIncident(ctx, actor, monitor, id, 2, {
        date: '2020-11-24',
        dateTo: '2020-11-26',
      });
      expect(ranged.ok && [ranged.value.date, ranged.value.dateTo]).toEqual(['2020-11-24', '2020-11-26']);
      const moved = await changeIncident(ctx, actor, monitor, id, 3, { date: '2020-11-25' });
      expect(moved.ok && [moved.value.date, moved.value.dateTo, moved.value.version]).toEqual([
        '2020-11-25',
        '2020-11-25',
        4,
      ]);
      const linked = await changeIncident(ctx, actor, monitor, id, 4, {
        sourceUrl: 'https://example.org/a https://example.org/b',
      });
      expect(linked.ok && linked.value.sources).toEqual([
        { url: 'https://example.org/a' },
        { url: 'https://example.org/b' },
      ]);
      const badUrl = await changeIncident(ctx, actor, monitor, id, 5, { sourceUrl: 'ftp://x' });
      expect(badUrl.ok ? null : [badUrl.error.code, badUrl.error.field]).toEqual([
        'INCIDENT_URL_INVALID',
        'sources',
      ]);
      const found = await searchIncidents(ctx, { q: 'zhanaozenword', viewer: 'all' });
      expect(found.ok && found.value.incidents.map((i) => i.place)).toEqual(['Zhanaozen']);
      const trail = await listAudit(ctx, { entity: 'incident', entityId: id });
      expect(trail.map((e) => e.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
      expect(trail.at(-2)).toMatchObject({
        action: 'update',
        before: { place: 'Uralsk', version: 1 },
        after: { place: 'Zhanaozen', version: 2 },
      });
    });

    it('hides a private incident from other organisations and lets only the owner change it', async () => {
      const made = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), {
        ...FIELDS,
        visibility: 'private',
      });
      if (!made.ok) throw new Error(made.error.message);
      const outsider = editorOf(lmc, 'admin');
      const read = await readIncident(ctx, outsider, made.value.id);
      expect(read.ok ? null : read.error.code).toBe('INCIDENT_NOT_FOUND');
      const change = await changeIncident(ctx, actor, outsider, made.value.id, 1, { notes: 'x' });
      expect(change.ok ? null : change.error.code).toBe('INCIDENT_NOT_FOUND');
      const pub = await createIncidentAs(ctx, actor, editorOf(kibhr, 'monitor'), FIELDS);
      if (!pub.ok) throw new Error(pub.error.message);
      expect((await readIncident(ctx, outsider, pub.value.id)).ok).toBe(true);
      const notOwner = await changeIncident(ctx, actor, outsider, pub.value.id, 1, { notes: 'x' });
      expect(notOwner.ok ? null : notOwner.error.code).toBe('AUTH_FORBIDDEN');
    });
  });
}
