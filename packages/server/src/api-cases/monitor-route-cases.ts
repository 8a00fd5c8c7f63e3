// Coverage table, part 3: cases (legal actions, checks, objections, deadlines), incidents, waves,
// briefs and the Atom feed. See route-cases.ts for the columns; route-coverage.test.ts runs them.
import JSZip from 'jszip';
import { expect } from 'vitest';
import { PRIVATE_MARKER, WAVE_REPLICATIONS, type CoverageFixture } from './coverage-fixture.ts';
import {
  ANON,
  bad,
  forbidden,
  LONG_ID,
  na,
  NO_INPUT,
  ORG_ONLY_INPUT,
  OUTSIDER,
  type Case,
  type CoverageTable,
} from './route-cases.ts';

const kibhr = (f: CoverageFixture) => ({ orgId: f.org.kibhr });
/** The lawyer works for KIBHR too, but an Echo case is not found under KIBHR's address. */
const echoCaseUnderKibhr: Case = {
  as: 'lawyer',
  params: kibhr,
  status: 404,
  code: 'CASE_NOT_FOUND',
  field: 'caseId',
};
const EVERY_ROLE_READS_CASES = na('every role has cases:read');
const BRIEFS_NOT_TENANTED = na(
  'briefs are the instance\u2019s, not an organisation\u2019s; a draft belongs to the monitors and admins who may see all its incidents (app/src/waves/brief-access.test.ts)',
);
const ids = (res: { json(): unknown }, key: string): string[] =>
  ((res.json() as Record<string, { id: string }[]>)[key] ?? []).map((x) => x.id);
/** The other organisation's private incident: hidden from Echo's viewer, found by the outsider (whose organisation owns it). */
const privateIncident = (count: (res: { json(): unknown }) => number, query = ''): Case[] => [
  {
    as: 'viewer',
    query: `q=${PRIVATE_MARKER}${query}`,
    status: 200,
    check: (res) => expect(count(res)).toBe(0),
  },
  {
    as: 'outsider',
    query: `q=${PRIVATE_MARKER}${query}`,
    status: 200,
    check: (res) => expect(count(res)).toBe(1),
  },
];

export const MONITOR_ROUTE_CASES: CoverageTable = {
  'GET /api/v1/cases': {
    happy: {
      as: 'lawyer',
      status: 200,
      check: (res) =>
        expect(
          new Set((res.json() as { cases: { organisationId: string }[] }).cases.map((c) => c.organisationId))
            .size,
        ).toBe(4),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: {
      as: 'viewer',
      status: 200,
      check: (res, f) =>
        expect([
          ...new Set(
            (res.json() as { cases: { organisationId: string }[] }).cases.map((c) => c.organisationId),
          ),
        ]).toEqual([f.org.echo]),
    },
  },
  'GET /api/v1/orgs/:orgId/cases': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res, f) => expect(ids(res, 'cases')).toContain(f.ids.caseId),
    },
    badInput: ORG_ONLY_INPUT,
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: OUTSIDER,
  },
  'GET /api/v1/orgs/:orgId/cases/:caseId': {
    happy: {
      as: 'viewer',
      status: 200,
      check: (res, f) =>
        expect(res.json()).toMatchObject({
          id: f.ids.caseId,
          actions: expect.arrayContaining([expect.objectContaining({ kind: expect.any(String) })]),
        }),
    },
    badInput: bad('viewer', 'caseId', { params: () => ({ caseId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: [OUTSIDER, echoCaseUnderKibhr],
  },
  'GET /api/v1/orgs/:orgId/cases/:caseId/check': {
    happy: {
      as: 'viewer',
      query: 'asOf=2021-02-01',
      status: 200,
      check: (res) => expect((res.json() as { findings: unknown[] }).findings.length).toBeGreaterThan(0),
    },
    badInput: bad('viewer', 'asOf', { query: 'asOf=yesterday' }),
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: [OUTSIDER, echoCaseUnderKibhr],
  },
  'GET /api/v1/orgs/:orgId/cases/:caseId/objection': {
    happy: {
      as: 'lawyer',
      query: 'lang=en&format=docx&asOf=2021-01-28',
      status: 200,
      check: async (res) => {
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
        expect(
          await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string'),
        ).toContain('Echo');
      },
    },
    badInput: [bad('lawyer', 'format', { query: 'format=odt' }), bad('lawyer', 'lang', { query: 'lang=de' })],
    noSession: ANON,
    wrongRole: forbidden('viewer'),
    otherTenant: [OUTSIDER, echoCaseUnderKibhr],
  },
  'GET /api/v1/deadlines': {
    happy: {
      as: 'lawyer',
      query: 'all=true',
      status: 200,
      check: (res) => expect((res.json() as { deadlines: unknown[] }).deadlines.length).toBeGreaterThan(0),
    },
    badInput: bad('lawyer', 'asOf', { query: 'asOf=2021-02-30' }),
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: [
      {
        as: 'viewer',
        query: (f) => `orgId=${f.org.kibhr}`,
        status: 404,
        code: 'ORG_NOT_FOUND',
        field: 'orgId',
      },
      {
        as: 'viewer',
        query: 'all=true',
        status: 200,
        check: (res, f) =>
          expect([
            ...new Set(
              (res.json() as { deadlines: { organisationId: string }[] }).deadlines.map(
                (d) => d.organisationId,
              ),
            ),
          ]).toEqual([f.org.echo]),
      },
    ],
  },
  'GET /api/v1/deadlines.ics': {
    happy: {
      as: 'lawyer',
      query: 'all=true',
      status: 200,
      check: (res) =>
        expect([res.headers['content-type'], res.body.startsWith('BEGIN:VCALENDAR')]).toEqual([
          'text/calendar; charset=utf-8',
          true,
        ]),
    },
    badInput: bad('lawyer', 'all', { query: 'all=maybe' }),
    noSession: ANON,
    wrongRole: EVERY_ROLE_READS_CASES,
    otherTenant: {
      as: 'viewer',
      query: (f) => `orgId=${f.org.kibhr}`,
      status: 404,
      code: 'ORG_NOT_FOUND',
      field: 'orgId',
    },
  },

  'GET /api/v1/incidents': {
    happy: {
      as: 'viewer',
      query: 'from=2020-11-01&to=2020-11-30&limit=1000&total=true',
      status: 200,
      check: (res) => {
        const page = res.json() as {
          incidents: { date: string }[];
          total: number;
          totalCapped: boolean;
          hasMore: boolean;
        };
        expect(page.incidents.length).toBeGreaterThan(5);
        expect(page.incidents.every((i) => i.date >= '2020-11-01' && i.date <= '2020-11-30')).toBe(true);
        expect([page.total, page.totalCapped, page.hasMore]).toEqual([page.incidents.length, false, false]);
      },
    },
    badInput: [
      bad('viewer', 'from', { query: 'from=November' }, 'SEARCH_DATE_INVALID'),
      bad('viewer', 'action', { query: 'action=dancing' }, 'SEARCH_ACTION_UNKNOWN'),
      bad('viewer', 'limit', { query: 'limit=0' }),
      bad('viewer', 'from', { query: 'from=2021-01-01&to=2020-01-01' }, 'SEARCH_RANGE_INVALID'),
      bad('viewer', 'after', { query: 'after=eyJ4IjoxfQ' }),
    ],
    noSession: ANON,
    wrongRole: na(
      'every role has incidents:read; what each account sees is decided by visibility (otherTenant; sharing.property.test.ts)',
    ),
    otherTenant: privateIncident((res) => (res.json() as { incidents: unknown[] }).incidents.length),
  },
  'GET /api/v1/incidents/summary': {
    happy: {
      as: 'viewer',
      query: 'from=2020-10-01&to=2021-01-31',
      status: 200,
      check: (res) =>
        expect(res.json()).toMatchObject({
          count: expect.any(Number),
          months: expect.arrayContaining([expect.objectContaining({ month: '2020-11' })]),
          outline: expect.any(Array),
        }),
    },
    badInput: [
      bad('viewer', 'to', { query: 'to=31.01.2021' }, 'SEARCH_DATE_INVALID'),
      bad('viewer', 'from', { query: 'from=2021-01-31&to=2020-10-01' }, 'SEARCH_RANGE_INVALID'),
    ],
    noSession: ANON,
    wrongRole: na('every role has incidents:read; visibility decides what is counted (otherTenant)'),
    otherTenant: privateIncident((res) => (res.json() as { count: number }).count),
  },
  'GET /api/v1/waves': {
    happy: {
      as: 'monitor',
      query: `replications=${WAVE_REPLICATIONS}`,
      status: 200,
      check: (res, f) => expect(ids(res, 'waves')).toContain(f.ids.waveId),
    },
    badInput: [
      bad('monitor', 'seed', { query: 'seed=-1' }),
      bad('monitor', 'from', { query: 'from=garbage' }, 'WAVES_DATE_INVALID'),
      bad('monitor', 'from', { query: 'from=2021-01-01&to=2020-01-01' }, 'WAVES_RANGE_INVALID'),
    ],
    noSession: ANON,
    wrongRole: na('any signed-in account may scan the incidents it may see'),
    otherTenant: na(
      'scans only the incidents the caller may see, through the same visibility filter as GET /api/v1/incidents (whose otherTenant case shows it)',
    ),
  },
  'GET /api/v1/briefs': {
    happy: {
      as: 'monitor',
      status: 200,
      check: (res, f) =>
        expect(ids(res, 'briefs')).toEqual(expect.arrayContaining([f.ids.briefId, f.ids.briefToPublish])),
    },
    badInput: NO_INPUT,
    noSession: ANON,
    wrongRole: {
      as: 'viewer',
      status: 200,
      check: (res, f) => expect(ids(res, 'briefs')).not.toContain(f.ids.briefId),
    },
    otherTenant: BRIEFS_NOT_TENANTED,
  },
  'POST /api/v1/briefs': {
    happy: {
      as: 'monitor',
      bodyOf: (f) => ({ waveId: f.ids.waveId, replications: WAVE_REPLICATIONS, lang: 'ru' }),
      status: 201,
      check: (res) => expect(res.json()).toMatchObject({ lang: 'ru', publishedAt: null }),
    },
    badInput: [
      bad('monitor', 'lang', { body: { waveId: 'w', lang: 'de' } }),
      bad('monitor', 'waveId', { body: {} }),
    ],
    noSession: { ...ANON, body: { waveId: 'w' } },
    wrongRole: forbidden('viewer', { body: { waveId: 'w' } }),
    otherTenant: BRIEFS_NOT_TENANTED,
  },
  'GET /api/v1/briefs/:briefId': {
    happy: {
      as: 'monitor',
      status: 200,
      check: (res) =>
        expect([res.headers['content-type'], res.body.includes('<svg')]).toEqual([
          'text/html; charset=utf-8',
          true,
        ]),
    },
    badInput: bad('monitor', 'briefId', { params: () => ({ briefId: LONG_ID }) }),
    // Public for published briefs: an unpublished one is as unknown as a missing one without a session.
    noSession: { as: 'anonymous', status: 404, code: 'BRIEF_NOT_FOUND' },
    wrongRole: { as: 'viewer', status: 404, code: 'BRIEF_NOT_FOUND' },
    otherTenant: BRIEFS_NOT_TENANTED,
  },
  'POST /api/v1/briefs/:briefId/publish': {
    happy: {
      as: 'monitor',
      params: (f) => ({ briefId: f.ids.briefToPublish }),
      status: 200,
      check: (res, f) =>
        expect(res.json()).toMatchObject({ id: f.ids.briefToPublish, publishedAt: expect.any(String) }),
    },
    badInput: bad('monitor', 'briefId', { params: () => ({ briefId: LONG_ID }) }),
    noSession: ANON,
    wrongRole: forbidden('viewer'),
    otherTenant: BRIEFS_NOT_TENANTED,
  },
};
