// Coverage table, part 7: one incident entered, read and changed from its version, the gazetteer's
// suggestions for a place being typed, and a brief's summary edited or the brief taken back from
// publication. See route-cases.ts for the columns.
import { expect } from 'vitest';
import type { CoverageFixture } from './coverage-fixture.ts';
import { ANON, bad, forbidden, LONG_ID, na, type Case, type CoverageTable } from './route-cases.ts';

const FIELDS = { date: '2019-06-04', organisation: 'Echo', place: 'Уральск', action: 'notice' };
const incident = (f: CoverageFixture) => ({ id: f.ids.incident });
const toChange = (f: CoverageFixture) => ({ id: f.ids.incidentToChange });
const hidden = (f: CoverageFixture) => ({ id: f.ids.privateIncident });
const RU = { 'accept-language': 'ru' };
const toEdit = (f: CoverageFixture) => ({ briefId: f.ids.briefToEdit });
const toTakeBack = (f: CoverageFixture) => ({ briefId: f.ids.briefToUnpublish });
const BRIEFS_NOT_TENANTED = na(
  'briefs are the instance\u2019s, not an organisation\u2019s; only monitors and admins change them (wrongRole)',
);
const SUMMARY = 'Своими словами: тринадцать организаций за две недели';

const unknownPlace: Case = {
  as: 'monitor',
  body: { ...FIELDS, place: 'Уральскк' },
  headers: RU,
  status: 400,
  code: 'INCIDENT_PLACE_UNKNOWN',
  field: 'place',
  check: (res) =>
    expect(res.json()).toMatchObject({
      error: {
        message: expect.stringMatching(/справочник/),
        suggestions: expect.arrayContaining(['Уральск']),
      },
    }),
};

export const INCIDENT_ROUTE_CASES: CoverageTable = {
  'POST /api/v1/incidents': {
    happy: {
      as: 'monitor',
      body: { ...FIELDS, sources: [{ url: 'https://example.org/a' }], visibility: 'network' },
      headers: RU,
      status: 201,
      check: (res, f) =>
        expect(res.json()).toMatchObject({
          place: 'Uralsk',
          placeLabel: 'Уральск',
          actionLabel: 'уведомление',
          version: 1,
          visibility: 'network',
          ownerOrganisationId: f.org.kibhr,
          editable: true,
        }),
    },
    badInput: [
      unknownPlace,
      bad('monitor', 'action', { body: { ...FIELDS, action: 'dance' } }, 'INCIDENT_ACTION_UNKNOWN'),
      bad('monitor', 'penalty_mci', { body: { ...FIELDS, penaltyMci: -5 } }, 'INCIDENT_NUMBER_INVALID'),
      bad('monitor', 'date', { body: { ...FIELDS, date: undefined } }),
    ],
    noSession: { ...ANON, body: FIELDS },
    wrongRole: forbidden('viewer', { body: FIELDS }),
    otherTenant: {
      as: 'monitor',
      bodyOf: (f) => ({ ...FIELDS, org: f.org.lmc }),
      status: 404,
      code: 'ORG_NOT_FOUND',
      field: 'org',
    },
  },
  'GET /api/v1/incidents/:id': {
    happy: {
      as: 'viewer',
      params: incident,
      headers: { 'accept-language': 'kk' },
      status: 200,
      check: (res, f) =>
        expect(res.json()).toMatchObject({
          id: f.ids.incident,
          placeLabel: 'Орал',
          version: 1,
          editable: false,
          promotedFrom: null,
        }),
    },
    badInput: bad('viewer', 'id', { params: () => ({ id: LONG_ID }) }),
    noSession: { ...ANON, params: incident },
    wrongRole: na(
      'every role has incidents:read; who sees which incident is decided by its visibility (otherTenant)',
    ),
    otherTenant: [
      { as: 'viewer', params: hidden, status: 404, code: 'INCIDENT_NOT_FOUND', field: 'id' },
      {
        as: 'outsider',
        params: hidden,
        status: 200,
        check: (res) => expect(res.json()).toMatchObject({ editable: true }),
      },
    ],
  },
  'PATCH /api/v1/incidents/:id': {
    // A change from version 1, then another from the same (now stale) version: 409 naming `version`.
    happy: [
      {
        as: 'monitor',
        params: toChange,
        body: { version: 1, place: 'Жанаозен', notes: 'changed' },
        status: 200,
        check: (res) =>
          expect(res.json()).toMatchObject({ version: 2, place: 'Zhanaozen', notes: 'changed' }),
      },
      {
        as: 'monitor',
        params: toChange,
        body: { version: 1, notes: 'late' },
        status: 409,
        code: 'INCIDENT_VERSION_CONFLICT',
        field: 'version',
      },
    ],
    badInput: [
      bad('monitor', 'version', { params: toChange, body: { notes: 'x' } }),
      bad('monitor', 'version', { params: toChange, body: { version: 0 } }),
    ],
    noSession: { ...ANON, params: toChange, body: { version: 1 } },
    wrongRole: forbidden('viewer', { params: toChange, body: { version: 1, notes: 'x' } }),
    otherTenant: [
      {
        as: 'viewer',
        params: hidden,
        body: { version: 1, notes: 'x' },
        status: 404,
        code: 'INCIDENT_NOT_FOUND',
        field: 'id',
      },
      forbidden('outsider', { params: toChange, body: { version: 1, notes: 'x' } }),
    ],
  },
  'GET /api/v1/places': {
    happy: {
      as: 'viewer',
      query: 'q=%D0%A3%D1%80%D0%B0%D0%BB',
      headers: RU,
      status: 200,
      check: (res) =>
        expect((res.json() as { places: unknown[] }).places[0]).toEqual({
          id: 'uralsk',
          name: 'Уральск',
          value: 'Uralsk',
          region: 'Западно-Казахстанская область',
          kind: 'city',
        }),
    },
    badInput: [bad('viewer', 'q', { query: 'q=' }), bad('viewer', 'limit', { query: 'q=a&limit=0' })],
    noSession: { ...ANON, query: 'q=a' },
    wrongRole: na('the bundled gazetteer is the same for every signed-in account'),
    otherTenant: na('the bundled gazetteer holds no organisation\u2019s data'),
  },
  'PATCH /api/v1/briefs/:briefId': {
    // An edit from version 1 (rendered again: the HTML says the new summary), then a stale one.
    happy: [
      {
        as: 'monitor',
        params: toEdit,
        body: { version: 1, summary: SUMMARY },
        status: 200,
        check: async (res, f) => {
          expect(res.json()).toMatchObject({ summary: SUMMARY, version: 2, publishedAt: null });
          const monitor = await f.client('monitor');
          const html = await monitor.request('GET', `/api/v1/briefs/${f.ids.briefToEdit}`);
          expect(html.body).toContain(SUMMARY);
        },
      },
      {
        as: 'monitor',
        params: toEdit,
        body: { version: 1, summary: 'late' },
        status: 409,
        code: 'BRIEF_VERSION_CONFLICT',
        field: 'version',
      },
    ],
    badInput: [
      bad(
        'monitor',
        'summary',
        { params: toEdit, body: { version: 1, summary: '   ' } },
        'BRIEF_SUMMARY_INVALID',
      ),
      bad('monitor', 'version', { params: toEdit, body: { summary: 'x' } }),
    ],
    noSession: { ...ANON, params: toEdit, body: { version: 1, summary: 'x' } },
    wrongRole: forbidden('viewer', { params: toEdit, body: { version: 1, summary: 'x' } }),
    otherTenant: BRIEFS_NOT_TENANTED,
  },
  'POST /api/v1/briefs/:briefId/unpublish': {
    happy: {
      as: 'monitor',
      params: toTakeBack,
      status: 200,
      check: async (res, f) => {
        expect(res.json()).toMatchObject({
          id: f.ids.briefToUnpublish,
          publishedAt: null,
          visibility: 'private',
        });
        const feed = await f.world.anonymous.request('GET', '/api/v1/feed.atom');
        expect(feed.body).not.toContain(f.ids.briefToUnpublish);
      },
    },
    badInput: bad('monitor', 'briefId', { params: () => ({ briefId: LONG_ID }) }),
    noSession: { ...ANON, params: toTakeBack },
    wrongRole: forbidden('viewer', { params: toTakeBack }),
    otherTenant: BRIEFS_NOT_TENANTED,
  },
};
