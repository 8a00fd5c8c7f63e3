import { parseCaseFile } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../claims/cases.ts';
import { listLog, verifyLog } from '../log/hash-log.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { promoteActionToIncident } from './promote-action.ts';
import { searchIncidents } from './search-incidents.ts';

// Echo's ruling of 15 Jan 2021 (legal-brief.md §2.1) as a case action.
const CASE = {
  title: 'State revenue claim 2020–21',
  pack: 'kz',
  openedOn: '2020-11-20',
  actions: [
    {
      kind: 'notice',
      authority: 'State Revenue Department',
      place: 'Almaty',
      servedOn: '2020-11-20',
      notes: 'served at the office',
    },
    {
      kind: 'ruling',
      authority: 'State Revenue Department',
      office: 'Almaly district',
      place: 'Almaty',
      proceedingsStartedOn: '2021-01-05',
      rulingOn: '2021-01-15',
      servedOn: '2021-01-15',
      article: '460-1',
      tier: 'inaccurate-information',
      offender: 'legal-entity',
      penalty: { mci: 400, amount: '1166800', suspensionMonths: 3 },
      notes: 'two protocols; lawyer present',
    },
  ],
};

for (const dialect of testDialects()) {
  describe(`promoting a case action to an incident on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let orgId = '';
    let noticeId = '';
    let rulingId = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-02-01T09:00:00Z'));
      const org = await createOrganisation(ctx, { name: 'Echo', city: 'Almaty' });
      if (!org.ok) throw new Error(org.error.message);
      orgId = org.value.id;
      const input = parseCaseFile(JSON.stringify(CASE), { fileName: 'echo.json' });
      if (!input.ok) throw new Error(input.error.message);
      const c = await createCase(ctx, input.value);
      if (!c.ok) throw new Error(c.error.message);
      noticeId = c.value.actions[0]?.id ?? '';
      rulingId = c.value.actions[1]?.id ?? '';
    });
    afterAll(async () => ctx.close());

    it('needs consent', async () => {
      const r = await promoteActionToIncident(ctx, { actionId: rulingId, consent: false });
      expect(!r.ok && r.error.code).toBe('INCIDENT_CONSENT_REQUIRED');
    });

    it('promotes a ruling as a fine, owned by the organisation, network-visible, consent logged', async () => {
      const r = await promoteActionToIncident(ctx, { actionId: rulingId, consent: true });
      expect(r.ok && r.value).toMatchObject({
        date: '2021-01-15',
        organisation: 'Echo',
        organisationId: orgId,
        place: 'Almaty',
        action: 'fine',
        legalBasis: 'CoAO 460-1',
        penaltyMci: 400,
        suspensionMonths: 3,
        authority: 'State Revenue Department',
        office: 'Almaly district',
        notes: 'two protocols; lawyer present',
        visibility: 'network',
        ownerOrganisationId: orgId,
        sourceActionId: rulingId,
      });
      const log = await listLog(ctx, orgId);
      expect(log.at(-1)?.kind).toBe('incident.promoted');
      expect((await verifyLog(ctx, orgId)).ok).toBe(true);
      const again = await promoteActionToIncident(ctx, { actionId: rulingId, consent: true });
      expect(!again.ok && again.error.code).toBe('INCIDENT_PROMOTION_EXISTS');
      const publicView = await searchIncidents(ctx, { q: 'lawyer', viewer: 'public' });
      expect(publicView.ok && publicView.value.incidents).toEqual([]);
      const member = await searchIncidents(ctx, {
        q: 'lawyer',
        viewer: { organisationIds: [orgId], networkOrganisationIds: [] },
      });
      expect(member.ok && member.value.incidents.map((i) => i.sourceActionId)).toEqual([rulingId]);
    });

    it('withholds the chosen fields', async () => {
      const r = await promoteActionToIncident(ctx, {
        actionId: noticeId,
        consent: true,
        redact: ['organisation', 'notes', 'authority', 'place'],
        visibility: 'public',
      });
      expect(r.ok && r.value).toMatchObject({
        organisation: 'Organisation (name withheld)',
        organisationId: null,
        notes: null,
        authority: null,
        office: null,
        place: 'Almaty',
        action: 'notice',
        visibility: 'public',
      });
      const bad = await promoteActionToIncident(ctx, {
        actionId: noticeId,
        consent: true,
        redact: ['everything'],
      });
      expect(!bad.ok && bad.error.code).toBe('INCIDENT_REDACT_UNKNOWN');
      const missing = await promoteActionToIncident(ctx, { actionId: 'act_none', consent: true });
      expect(!missing.ok && missing.error.code).toBe('CASE_ACTION_NOT_FOUND');
      const found = await searchIncidents(ctx, { q: 'withheld', viewer: 'public' });
      expect(found.ok && found.value.incidents.map((i) => i.date)).toEqual(['2020-11-20']);
    });
  });
}
