import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from './audit/audit-log.ts';
import { importIncidents } from './incidents/import-incidents.ts';
import { searchIncidents } from './incidents/search-incidents.ts';
import { renameOrganisation, setOrganisationBin, updateOrganisationDetails } from './organisation-details.ts';
import { createOrganisation } from './organisations.ts';
import { freshContext, testDialects } from './test-support.ts';

// An organisation's details corrected after it was opened (issue 13): a rename keeps the old name
// as an alias and re-indexes the incidents that carry it; a name another organisation has, an
// empty name or a bad BIN refuses the whole change; one audit entry per change. Both dialects.

const CSV =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n' +
  '2021-01-15,Echo,Almaty,,,,fine,CoAO 460-1,400,3,,,fine\n' +
  '2021-01-16,Nur Centre,Almaty,,,,notice,CoAO 460-1,,,,,notice\n';

for (const dialect of testDialects()) {
  describe(`organisation details on ${dialect}`, { timeout: 60_000 }, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let echo = '';
    const actor = { userId: null, label: 'tester', channel: 'cli' as const };
    const total = async (q: string): Promise<number> => {
      const r = await searchIncidents(ctx, { q, withTotal: true });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.total ?? -1;
    };

    beforeAll(async () => {
      ctx = await freshContext(dialect);
      const o = await createOrganisation(ctx, { name: 'Echo', aliases: ['Эхо'] });
      if (!o.ok) throw new Error(o.error.message);
      echo = o.value.id;
      const other = await createOrganisation(ctx, { name: 'KIBHR' });
      if (!other.ok) throw new Error(other.error.message);
      const imported = await importIncidents(ctx, {
        bytes: new TextEncoder().encode(CSV),
        fileName: 'i.csv',
      });
      if (!imported.ok) throw new Error(imported.error.message);
    });
    afterAll(async () => ctx.close());

    it('renames, keeps the old name as an alias, re-indexes incidents and audits the names', async () => {
      expect(await total('Nur')).toBe(1);
      expect(await total('Echo')).toBe(1);
      const r = await renameOrganisation({ ...ctx, actor }, echo, '  Nur   Centre ');
      expect(r.ok && r.value).toMatchObject({
        before: 'Echo',
        organisation: { id: echo, name: 'Nur Centre', aliases: ['Echo', 'Эхо'] },
      });
      // Both incidents are now the one organisation's, found by any of its names.
      for (const q of ['Nur', 'Echo', 'Эхо']) expect(await total(q)).toBe(2);
      const trail = (await listAudit(ctx, { organisationId: echo })).filter((e) => e.action === 'update');
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ before: { name: 'Echo' }, after: { name: 'Nur Centre' } });
    });

    it('renaming back takes the old name out of the aliases', async () => {
      const r = await renameOrganisation(ctx, echo, 'Echo');
      expect(r.ok && r.value.organisation).toMatchObject({ name: 'Echo', aliases: ['Nur Centre', 'Эхо'] });
    });

    it('refuses a name another organisation has, an empty or too long name, with nothing changed', async () => {
      const cases: [string, string][] = [
        ['kibhr', 'ORG_NAME_TAKEN'],
        ['   ', 'ORG_NAME_REQUIRED'],
        ['x'.repeat(201), 'ORG_NAME_INVALID'],
      ];
      for (const [name, code] of cases) {
        const r = await updateOrganisationDetails(ctx, echo, { name, bin: '070940000014' });
        expect(r.ok ? null : r.error).toMatchObject({ code, field: 'name' });
      }
      // A bad BIN refuses the rename beside it too.
      const bad = await updateOrganisationDetails(ctx, echo, {
        name: 'Echo Foundation',
        bin: '070940000011',
      });
      expect(bad.ok ? null : bad.error).toMatchObject({ code: 'BIN_CHECK_DIGIT_INVALID', field: 'bin' });
      const bin = await setOrganisationBin(ctx, echo, null);
      expect(bin.ok && bin.value).toMatchObject({ before: null, organisation: { name: 'Echo', bin: null } });
    });

    it('changes name and BIN together in one audit entry', async () => {
      const r = await updateOrganisationDetails({ ...ctx, actor }, echo, {
        name: 'Echo Foundation',
        bin: '0709 4000 0014',
      });
      expect(r.ok && r.value).toMatchObject({
        before: { name: 'Echo', bin: null },
        organisation: { name: 'Echo Foundation', bin: '070940000014' },
      });
      const last = (await listAudit(ctx, { organisationId: echo })).filter((e) => e.action === 'update');
      expect(last.map((e) => e.after)).toContainEqual({ name: 'Echo Foundation', bin: '070940000014' });
    });
  });
}
