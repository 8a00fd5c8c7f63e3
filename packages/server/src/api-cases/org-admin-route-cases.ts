// Coverage table, opening an organisation and its pending invitations (issue 13): POST /api/v1/orgs
// (instance admins), the rule packs to pick from, an invitation cancelled or sent again; and a
// brief's published versions. See
// route-cases.ts for the columns; route-coverage.test.ts runs them.
import { inviteMember, listAudit, systemActor } from '@civic/app';
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import { ANON, bad, forbidden, LONG_ID, na, NO_INPUT, OUTSIDER, type CoverageTable } from './route-cases.ts';

const ORG_TEST = 'routes/org-admin.routes.test.ts';
const OPEN = {
  name: 'Coverage Org',
  cyrillicName: 'ОФ «Покрытие»',
  pack: 'kz',
  adminEmail: 'first@coverage.test',
};

/** A fresh pending invitation of Echo for each case that acts on one. */
let invitationId = '';
async function pendingInvitation(f: CoverageFixture): Promise<void> {
  const r = await inviteMember(f.world.ctx, systemActor('coverage'), {
    organisationId: f.org.echo,
    email: `pending-${Date.now()}-${Math.random().toString(36).slice(2)}@coverage.test`,
    role: 'viewer',
  });
  if (!r.ok || r.value.status !== 'invited') throw new Error('coverage: no invitation');
  invitationId = r.value.invitation.id;
}
const theInvitation = () => ({ invitationId });

export const ORG_ADMIN_ROUTE_CASES: CoverageTable = {
  'POST /api/v1/orgs': {
    happy: {
      as: 'admin',
      body: OPEN,
      status: 201,
      check: (res) =>
        expect(res.json()).toMatchObject({
          organisation: { name: 'Coverage Org', country: 'KZ', aliases: ['ОФ «Покрытие»'] },
          status: 'invited',
          invitation: { email: 'first@coverage.test', role: 'admin' },
          link: expect.stringMatching(/\/invitation\/[A-Za-z0-9_-]+$/),
          fingerprint: expect.any(String),
        }),
    },
    badInput: [
      bad('admin', 'name', { body: { ...OPEN, name: '' } }),
      bad('admin', 'bin', { body: { ...OPEN, bin: '12ab' } }, 'ORG_BIN_INVALID'),
      bad('admin', 'pack', { body: { ...OPEN, pack: 'atlantis' } }, 'ORG_PACK_INVALID'),
      bad('admin', 'adminEmail', { body: { ...OPEN, adminEmail: 'nobody' } }, 'USER_EMAIL_INVALID'),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', { body: OPEN }),
    otherTenant: na('makes a new tenant: for the instance admin only (wrongRole); see ' + ORG_TEST),
  },
  'PATCH /api/v1/orgs/:orgId': {
    // Echo keeps its own BIN (other cases read it): written as printed, with spaces.
    happy: {
      as: 'admin',
      body: { bin: '0709 4000 0014' },
      status: 200,
      check: async (res, f) => {
        expect(res.json()).toMatchObject({ name: 'Echo', bin: '070940000014' });
        // Audited for the signed-in admin, from the web.
        const trail = await listAudit(f.world.ctx, { organisationId: f.org.echo });
        expect(trail.find((e) => e.entity === 'organisation' && e.action === 'update')).toMatchObject({
          channel: 'web',
          before: { bin: '070940000014' },
          after: { bin: '070940000014' },
        });
      },
    },
    badInput: [
      bad('admin', 'bin', { body: { bin: '12345' } }, 'ORG_BIN_INVALID'),
      bad('admin', 'bin', { body: { bin: '070940000011' } }, 'BIN_CHECK_DIGIT_INVALID'),
      bad('admin', 'name', { body: { name: '   ', bin: '070940000014' } }, 'ORG_NAME_REQUIRED'),
    ],
    noSession: ANON,
    wrongRole: forbidden('accountant', { body: { bin: '070940000014' } }),
    otherTenant: { ...OUTSIDER, body: { bin: '070940000014' } },
  },
  'GET /api/v1/rule-packs': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res) =>
        expect((res.json() as { packs: { id: string }[] }).packs.map((p) => p.id)).toContain('kz'),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: na('the packs on the server are public law: every signed-in user may read their names'),
    otherTenant: na('instance-wide: no organisation in the request'),
  },
  'DELETE /api/v1/orgs/:orgId/invitations/:invitationId': {
    happy: {
      as: 'admin',
      setup: pendingInvitation,
      params: theInvitation,
      status: 200,
      check: (res) => expect(res.json()).toMatchObject({ id: invitationId, role: 'viewer' }),
    },
    badInput: bad('admin', 'invitationId', { params: () => ({ invitationId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: { ...forbidden('accountant'), setup: pendingInvitation, params: theInvitation },
    otherTenant: { ...OUTSIDER, setup: pendingInvitation, params: theInvitation },
  },
  'POST /api/v1/orgs/:orgId/invitations/:invitationId/resend': {
    happy: {
      as: 'admin',
      setup: pendingInvitation,
      params: theInvitation,
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          invitation: { id: invitationId },
          link: expect.stringMatching(/\/invitation\/[A-Za-z0-9_-]+$/),
          mailed: false,
        }),
    },
    badInput: bad('admin', 'invitationId', { params: () => ({ invitationId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: { ...forbidden('lawyer'), setup: pendingInvitation, params: theInvitation },
    otherTenant: { ...OUTSIDER, setup: pendingInvitation, params: theInvitation },
  },
  'GET /api/v1/briefs/:briefId/versions': {
    happy: {
      as: 'viewer',
      params: (f) => ({ briefId: f.ids.publishedBrief }),
      status: 200,
      check: (res) =>
        expect((res.json() as { versions: { publishedAt: string; summary: string }[] }).versions).toEqual([
          expect.objectContaining({ publishedAt: expect.any(String), summary: expect.any(String) }),
        ]),
    },
    badInput: bad('monitor', 'briefId', { params: () => ({ briefId: LONG_ID }) }),
    noSession: { ...ANON, params: (f) => ({ briefId: f.ids.publishedBrief }) },
    // A draft's versions are as unknown as a missing brief to a reader who does not write briefs.
    wrongRole: { as: 'viewer', status: 404, code: 'BRIEF_NOT_FOUND' },
    otherTenant: na(
      'briefs are the instance\u2019s; a draft belongs to whoever may see all its incidents (app/src/waves/brief-access.test.ts)',
    ),
  },
};
