// Coverage table, part 5: the routes that change cases (issue 13): open a case, add an action,
// attach a document. See route-cases.ts for the columns; route-coverage.test.ts runs them.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import { ANON, bad, forbidden, LONG_ID, OUTSIDER, type Case, type CoverageTable } from './route-cases.ts';

const kibhr = (f: CoverageFixture) => ({ orgId: f.org.kibhr });
/** The lawyer works for KIBHR too, but an Echo case is not found under KIBHR's address. */
const echoCaseUnderKibhr: Case = {
  as: 'lawyer',
  params: kibhr,
  status: 404,
  code: 'CASE_NOT_FOUND',
  field: 'caseId',
};
const OCTET = { 'content-type': 'application/octet-stream' };
const SCAN = Buffer.from('%PDF-1.4 a scanned notice\n');

export const CASE_CHANGE_ROUTE_CASES: CoverageTable = {
  'POST /api/v1/orgs/:orgId/cases': {
    happy: {
      as: 'lawyer',
      body: {
        title: 'Coverage case',
        openedOn: '2021-03-01',
        actions: [{ kind: 'notice', servedOn: '2021-03-01', authority: 'SRD' }],
      },
      status: 201,
      check: (res) =>
        expect(res.json()).toMatchObject({
          title: 'Coverage case',
          pack: 'kz',
          status: 'open',
          actions: [expect.objectContaining({ kind: 'notice', servedOn: '2021-03-01' })],
        }),
    },
    badInput: [
      bad('lawyer', 'title', { body: { title: '' } }, 'CASE_FIELD_INVALID'),
      bad('lawyer', 'openedOn', { body: { title: 'X', openedOn: '2021-13-01' } }, 'CASE_FIELD_INVALID'),
      bad(
        'lawyer',
        'actions[0].rulingOn',
        {
          body: {
            title: 'X',
            actions: [{ kind: 'ruling', rulingOn: '2020-01-01', offence: { committedOn: '2020-06-01' } }],
          },
        },
        'CASE_FIELD_INVALID',
      ),
    ],
    noSession: ANON,
    wrongRole: [
      forbidden('viewer', { body: { title: 'X' } }),
      forbidden('accountant', { body: { title: 'X' } }),
    ],
    otherTenant: { ...OUTSIDER, body: { title: 'X' } },
  },
  'POST /api/v1/orgs/:orgId/cases/:caseId/actions': {
    happy: {
      as: 'lawyer',
      body: { kind: 'court-decision', hearingOn: '2021-04-05', rulingOn: '2021-04-05', outcome: 'annulled' },
      status: 201,
      check: (res) =>
        expect(res.json()).toMatchObject({ kind: 'court-decision', outcome: 'annulled', documents: [] }),
    },
    badInput: [
      bad('lawyer', 'outcome', { body: { kind: 'court-decision' } }, 'CASE_FIELD_REQUIRED'),
      bad('lawyer', 'kind', { body: { kind: 'arrest' } }, 'CASE_FIELD_INVALID'),
      bad('lawyer', 'caseId', { params: () => ({ caseId: LONG_ID }), body: { kind: 'notice' } }),
    ],
    noSession: ANON,
    wrongRole: forbidden('viewer', { body: { kind: 'notice' } }),
    otherTenant: [
      { ...OUTSIDER, body: { kind: 'notice' } },
      { ...echoCaseUnderKibhr, body: { kind: 'notice' } },
    ],
  },
  'POST /api/v1/orgs/:orgId/cases/:caseId/actions/:actionId/documents': {
    happy: {
      as: 'lawyer',
      query: 'name=notice.pdf',
      body: SCAN,
      headers: OCTET,
      status: 201,
      check: async (res, f) => {
        const sha256 = createHash('sha256').update(SCAN).digest('hex');
        expect(res.json()).toMatchObject({ sha256, size: SCAN.length });
        const lawyer = await f.client('lawyer');
        const c = (
          await lawyer.request('GET', `/api/v1/orgs/${f.org.echo}/cases/${f.ids.caseId}`)
        ).json() as { actions: { id: string; documents: { name: string; sha256: string }[] }[] };
        expect(c.actions.find((a) => a.id === f.params['actionId'])?.documents).toContainEqual(
          expect.objectContaining({ name: 'notice.pdf', sha256 }),
        );
      },
    },
    badInput: [
      bad('lawyer', 'name', { query: '', body: SCAN, headers: OCTET }),
      bad('lawyer', 'body', { query: 'name=empty.pdf', body: Buffer.alloc(0), headers: OCTET }),
    ],
    noSession: ANON,
    wrongRole: forbidden('viewer', { query: 'name=x.pdf', body: SCAN, headers: OCTET }),
    otherTenant: [
      { ...OUTSIDER, query: 'name=x.pdf', body: SCAN, headers: OCTET },
      { ...echoCaseUnderKibhr, query: 'name=x.pdf', body: SCAN, headers: OCTET },
    ],
  },
};
